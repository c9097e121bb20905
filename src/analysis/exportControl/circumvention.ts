/**
 * Circumvention monitor (迂回輸出の監視): for goods controlled against a target country T, a third country C is
 * flagged when, between a base year y0 and a later year y1,
 *
 *   1. C's imports of the goods from the sources S (Japan and its partners) surged:
 *        g_in = M_SC(y1) / M_SC(y0) − 1 ≥ surge (default +50 %), and faster than the sources' exports of the same
 *        goods to the whole world, g_in > g_S = X_S(y1) / X_S(y0) − 1 (a general boom is not diversion);
 *   2. C's exports of the same goods to T rose: g_out = X_CT(y1) / X_CT(y0) − 1 ≥ rise (default +50 %);
 *   3. both flows in y1 reach a floor (default USD 1 million), so that small numbers do not swing the growth rates.
 *
 * A flow absent in y0 and present in y1 is "new" (growth +∞ for the rules). The pattern — a jump in what a third
 * country buys from the coalition and, at the same time, in what it sells on to the sanctioned country — is the
 * "roundabout" trade measured by Chupilkin, Javorcik and Plekhanov, "The Eurasian Roundabout: Trade Flows into Russia
 * through the Caucasus and Central Asia", EBRD Working Paper 276 (2023), on exports of the same product groups from
 * the EU and the G7 to the Caucasus and Central Asia and from there to Russia. The mirror flow C → T is the
 * importer's and exporter's declarations reconciled by CEPII BACI (one value per flow), so no second mirror is
 * computed here. The figures say where to look; they do not show that any transaction broke a rule.
 *
 * Shares reported with each country:
 *   shareOfTargetImports = X_CT / M_T (the third country's share of the target's imports of the goods),
 *   shareOfSourceExports = M_SC / X_S (the part of the sources' exports of the goods that goes to C),
 *   passThrough = X_CT(y1) / M_SC(y1) (what C sells to T per dollar it buys from S; above 1 C has other suppliers).
 */
export interface CircumventionFlow {
  /** Third country, ISO3. */
  country: string;
  hs6: string;
  year: number;
  /** C's imports from the sources (USD). */
  fromSources: number;
  /** C's exports to the target (USD). */
  toTarget: number;
}

export interface CircumventionTotals {
  hs6: string;
  year: number;
  /** The sources' exports to every destination (USD). */
  sourceExports: number;
  /** The target's imports from every origin (USD). */
  targetImports: number;
  /** The sources' exports straight to the target (USD). */
  direct: number;
}

export interface CircumventionParameters {
  baseYear: number;
  year: number;
  /** Minimum growth of imports from the sources (0.5 = +50 %). */
  surge: number;
  /** Minimum growth of exports to the target. */
  rise: number;
  /** Floor of both flows in the later year (USD). */
  minValueUsd: number;
}

export const defaultCircumventionParameters = { surge: 0.5, rise: 0.5, minValueUsd: 1_000_000 } as const;

export interface YearPair {
  base: number;
  later: number;
  /** later / base − 1; null when the base is 0 (new flow when later > 0). */
  growth: number | null;
  /** True when the flow is absent in the base year and present in the later one. */
  isNew: boolean;
}

export interface CountryFigures {
  fromSources: YearPair;
  toTarget: YearPair;
  shareOfTargetImports: { base: number | null; later: number | null };
  shareOfSourceExports: { base: number | null; later: number | null };
  passThrough: number | null;
}

export interface CircumventionCountry extends CountryFigures {
  country: string;
  /** In 別表第三 (Group A); null when the Order's country table was not given. */
  groupA: boolean | null;
  flagged: boolean;
  /** Each rule with its outcome, in Japanese and English. */
  reasons: { rule: 'surge' | 'above-sources' | 'rise' | 'floor'; met: boolean; ja: string; en: string }[];
  /** The same figures per product, largest later-year exports to the target first. */
  products: (CountryFigures & { hs6: string })[];
}

export interface CircumventionReport {
  parameters: CircumventionParameters;
  /** The goods as a whole, all countries. */
  totals: {
    sourceExports: YearPair;
    targetImports: YearPair;
    direct: YearPair;
  };
  /** Products with no flow at all in either year (e.g. codes the dataset's HS version lacks). */
  productsWithoutFlows: string[];
  /** Flagged countries first (largest rise of exports to the target first), then the others likewise. */
  countries: CircumventionCountry[];
}

function pair(base: number, later: number): YearPair {
  return {
    base,
    later,
    growth: base > 0 ? later / base - 1 : null,
    isNew: base <= 0 && later > 0,
  };
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

function figures(
  flows: { fromSources: [number, number]; toTarget: [number, number] },
  totals: { sourceExports: [number, number]; targetImports: [number, number] },
): CountryFigures {
  return {
    fromSources: pair(...flows.fromSources),
    toTarget: pair(...flows.toTarget),
    shareOfTargetImports: {
      base: ratio(flows.toTarget[0], totals.targetImports[0]),
      later: ratio(flows.toTarget[1], totals.targetImports[1]),
    },
    shareOfSourceExports: {
      base: ratio(flows.fromSources[0], totals.sourceExports[0]),
      later: ratio(flows.fromSources[1], totals.sourceExports[1]),
    },
    passThrough: ratio(flows.toTarget[1], flows.fromSources[1]),
  };
}

const pct = (g: YearPair) =>
  g.isNew ? 'new / 新規' : g.growth === null ? '—' : `${(g.growth * 100).toFixed(0)} %`;
const usd = (v: number) => `USD ${(v / 1e6).toFixed(1)} M`;

/** The monitor over one base and one later year for the goods `products` (HS6). Flows of other years are ignored. */
export function circumventionReport(
  flows: readonly CircumventionFlow[],
  totals: readonly CircumventionTotals[],
  parameters: CircumventionParameters,
  products: readonly string[],
  groupA?: ReadonlySet<string>,
): CircumventionReport {
  const { baseYear, year } = parameters;
  const at = (y: number): 0 | 1 | undefined => (y === baseYear ? 0 : y === year ? 1 : undefined);
  const sum = (): [number, number] => [0, 0];
  const productTotals = new Map<
    string,
    { sourceExports: [number, number]; targetImports: [number, number] }
  >();
  const all = { sourceExports: sum(), targetImports: sum(), direct: sum() };
  for (const t of totals) {
    const i = at(t.year);
    if (i === undefined) continue;
    let p = productTotals.get(t.hs6);
    if (!p) productTotals.set(t.hs6, (p = { sourceExports: sum(), targetImports: sum() }));
    p.sourceExports[i] += t.sourceExports;
    p.targetImports[i] += t.targetImports;
    all.sourceExports[i] += t.sourceExports;
    all.targetImports[i] += t.targetImports;
    all.direct[i] += t.direct;
  }
  type Acc = { fromSources: [number, number]; toTarget: [number, number] };
  const byCountry = new Map<string, { total: Acc; products: Map<string, Acc> }>();
  for (const f of flows) {
    const i = at(f.year);
    if (i === undefined) continue;
    let c = byCountry.get(f.country);
    if (!c)
      byCountry.set(f.country, (c = { total: { fromSources: sum(), toTarget: sum() }, products: new Map() }));
    let p = c.products.get(f.hs6);
    if (!p) c.products.set(f.hs6, (p = { fromSources: sum(), toTarget: sum() }));
    for (const acc of [c.total, p]) {
      acc.fromSources[i] += f.fromSources;
      acc.toTarget[i] += f.toTarget;
    }
  }
  const sourcesGrowth = pair(...all.sourceExports);
  const countries: CircumventionCountry[] = [...byCountry].map(([country, c]) => {
    const f = figures(c.total, all);
    const gin = f.fromSources;
    const gout = f.toTarget;
    const grew = (g: YearPair, min: number) => g.isNew || (g.growth !== null && g.growth >= min);
    const above =
      gin.isNew ||
      (gin.growth !== null && (sourcesGrowth.growth === null || gin.growth > sourcesGrowth.growth));
    const floor = gin.later >= parameters.minValueUsd && gout.later >= parameters.minValueUsd;
    const reasons: CircumventionCountry['reasons'] = [
      {
        rule: 'surge',
        met: grew(gin, parameters.surge),
        ja: `供給国群からの輸入 ${baseYear}→${year}: ${usd(gin.base)} → ${usd(gin.later)}（${pct(gin)}、基準 +${parameters.surge * 100} %以上）`,
        en: `imports from the sources ${baseYear}→${year}: ${usd(gin.base)} → ${usd(gin.later)} (${pct(gin)}; rule ≥ +${parameters.surge * 100} %)`,
      },
      {
        rule: 'above-sources',
        met: above,
        ja: `供給国群の対世界輸出の伸び ${pct(sourcesGrowth)} を上回る`,
        en: `faster than the sources' exports of the goods to the world (${pct(sourcesGrowth)})`,
      },
      {
        rule: 'rise',
        met: grew(gout, parameters.rise),
        ja: `対象国への輸出 ${baseYear}→${year}: ${usd(gout.base)} → ${usd(gout.later)}（${pct(gout)}、基準 +${parameters.rise * 100} %以上）`,
        en: `exports to the target ${baseYear}→${year}: ${usd(gout.base)} → ${usd(gout.later)} (${pct(gout)}; rule ≥ +${parameters.rise * 100} %)`,
      },
      {
        rule: 'floor',
        met: floor,
        ja: `${year}年の両フローが ${usd(parameters.minValueUsd)} 以上`,
        en: `both flows in ${year} at least ${usd(parameters.minValueUsd)}`,
      },
    ];
    const products = [...c.products]
      .map(([hs6, p]) => ({
        hs6,
        ...figures(p, productTotals.get(hs6) ?? { sourceExports: sum(), targetImports: sum() }),
      }))
      .sort((a, b) => b.toTarget.later - a.toTarget.later || a.hs6.localeCompare(b.hs6));
    return {
      country,
      groupA: groupA ? groupA.has(country) : null,
      ...f,
      flagged: reasons.every((r) => r.met),
      reasons,
      products,
    };
  });
  const rise = (c: CircumventionCountry) => c.toTarget.later - c.toTarget.base;
  countries.sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) || rise(b) - rise(a) || a.country.localeCompare(b.country),
  );
  const traded = new Set(
    [...productTotals]
      .filter(([, p]) => p.sourceExports.some((v) => v > 0) || p.targetImports.some((v) => v > 0))
      .map(([hs6]) => hs6),
  );
  return {
    parameters,
    totals: {
      sourceExports: sourcesGrowth,
      targetImports: pair(...all.targetImports),
      direct: pair(...all.direct),
    },
    productsWithoutFlows: products.filter((hs6) => !traded.has(hs6)),
    countries,
  };
}
