import { provenanceOf, type Provenance } from '../catalog/catalog.ts';
import type { Row } from '../analytics/store.ts';
import { countryByBaciCode } from '../reference/countries.ts';
import { criticalHsCodes } from '../reference/criticalGoodsRegistry.ts';
import type { ScreenServices } from '../screening/screen.ts';
import { codeList, hsList, resolveParty, tradeScope, type Party } from './tradeScope.ts';
import { exportExposure, importLeverage } from '../../analysis/coercion/exposure.ts';
import { defaultCoercionParameters, type CoercionParameters } from '../../analysis/coercion/parameters.ts';
import { rca } from '../../analysis/tech/rca.ts';
import { ChokepointError } from '../../errors.ts';
import type { Note } from '../tech/zoneAssessment.ts';

/**
 * Coercion exposure of a reporter's trade with a potential coercer, product by product, for one year of an annual
 * trade dataset (analysis: src/analysis/coercion/). Direction 'exports': for each product the reporter sells to
 * the coercer, the share going there and how replaceable that market is (world import demand elsewhere, the
 * buyers' concentration) with the reporter's RCA. Direction 'imports': for each product it buys from the coercer,
 * the share coming from there and how replaceable that supply is. Values in USD (BACI's thousand USD × 1,000).
 */
export type Direction = 'exports' | 'imports';

export interface CoercionRequest {
  dataset?: string;
  /** Country or group (ISO3, name, EU27 …). */
  reporter: string;
  /** Country or group; default the user's countries of concern (CONCERN). */
  coercer?: string;
  year: number;
  direction: Direction;
  /** Only these HS6 codes. */
  hs?: string[];
  /** Only the HS6 codes of the registry's entries in force. */
  critical?: boolean;
  parameters?: Partial<CoercionParameters>;
}

export interface CoercionItem {
  hs6: string;
  labelEn: string;
  labelJa: string;
  critical: string[];
  /** The reporter's exports (or imports) of the product, USD. */
  valueUsd: number;
  withCoercerUsd: number;
  coercerShare: number | null;
  alternativeUsd: number;
  openUsd: number;
  absorption: number | null;
  alternativeHhi: number | null;
  /** The coercer's share of world imports (exports direction) or world exports (imports direction). */
  coercerMarketShare: number | null;
  /** The reporter's revealed comparative advantage in the product (exports direction; null for imports). */
  rca: number | null;
  /** The coercer takes (gives) at least minCoercerShare of the reporter's exports (imports). */
  reliant: boolean;
  hardToReplace: boolean;
  /** Reliant and hard to replace: exposed to an import ban (exports) or open to leverage (imports). */
  atRisk: boolean;
}

export interface CoercionReport {
  reporter: Party;
  coercer: Party;
  year: number;
  direction: Direction;
  parameters: CoercionParameters;
  items: CoercionItem[];
  counts: { products: number; reliant: number; hardToReplace: number; atRisk: number };
  /** Trade with the coercer of the products at risk, USD. */
  atRiskUsd: number;
  provenance: Provenance;
  notes: Note[];
}

interface FlowRow extends Row {
  k: string;
  p: number;
  v: number;
}

interface TotalRow extends Row {
  k: string;
  own: number;
  world: number;
}

const hs6Pattern = /^\d{6}$/;

function parametersOf(p: Partial<CoercionParameters> = {}): CoercionParameters {
  const out = { ...defaultCoercionParameters, ...p };
  for (const [name, value] of Object.entries(out)) {
    if (!(typeof value === 'number' && value >= 0 && value <= 1)) {
      throw new ChokepointError('bad_input', `${name} must be a number from 0 to 1`, { field: name });
    }
  }
  return out;
}

export async function coercionReport(
  services: ScreenServices,
  request: CoercionRequest,
): Promise<CoercionReport> {
  const scope = tradeScope(services, request.year, request.dataset);
  const reporter = await resolveParty(services, request.reporter, 'reporter');
  const coercer = await resolveParty(services, request.coercer ?? 'CONCERN', 'coercer');
  const overlap = coercer.members.filter((m) => reporter.members.includes(m));
  if (overlap.length === coercer.members.length) {
    throw new ChokepointError(
      'bad_input',
      `the coercer ${coercer.id} lies within the reporter ${reporter.id}`,
      { field: 'coercer' },
    );
  }
  const parameters = parametersOf(request.parameters);
  for (const [n, code] of (request.hs ?? []).entries()) {
    if (!hs6Pattern.test(code))
      throw new ChokepointError('unknown_code', `HS code "${code}" is not six digits`, { field: `hs[${n}]` });
  }
  const critical = services.state ? await criticalHsCodes(services.state) : new Map<string, string[]>();
  if (request.critical && !services.state)
    throw new ChokepointError('internal', 'the critical filter needs the state database');
  const products = request.critical ? [...critical.keys()] : request.hs;
  if (products && !products.length)
    throw new ChokepointError('no_data', 'no HS codes to analyse', { field: 'hs' });
  const productFilter = products ? ` AND k IN (${hsList(products)})` : '';
  const own = codeList(reporter.codes);
  const exports = request.direction === 'exports';
  // The reporter's flows by product and partner (between its own members left out).
  const [mine, other] = exports ? ['i', 'j'] : ['j', 'i'];
  const flows = await services.analytics.query<FlowRow>(
    `SELECT k, ${other} AS p, sum(v) AS v FROM ${scope.source}
     WHERE t = $1 AND ${mine} IN (${own}) AND ${other} NOT IN (${own})${productFilter} GROUP BY k, ${other} HAVING sum(v) > 0`,
    [scope.year],
  );
  const traded = [...new Set(flows.map((f) => f.k))];
  // The other side of each product's world market: world imports by importer, or world exports by exporter.
  const market = traded.length
    ? await services.analytics.query<FlowRow>(
        `SELECT k, ${other} AS p, sum(v) AS v FROM ${scope.source}
         WHERE t = $1 AND k IN (${hsList(traded)}) GROUP BY k, ${other} HAVING sum(v) > 0`,
        [scope.year],
      )
    : [];
  // RCA (exports): the reporter's and the world's exports of every product of the dataset in the year.
  const totals = exports
    ? await services.analytics.query<TotalRow>(
        `SELECT k, coalesce(sum(v) FILTER (WHERE i IN (${own}) AND j NOT IN (${own})), 0) AS own, sum(v) AS world
         FROM ${scope.source} WHERE t = $1 GROUP BY k`,
        [scope.year],
      )
    : [];
  const rest = '*rest of world*';
  const rcaByProduct = new Map(
    rca(
      totals.flatMap((r) => [
        { exporter: reporter.id, product: r.k, value: r.own },
        { exporter: rest, product: r.k, value: r.world - r.own },
      ]),
    )
      .filter((c) => c.exporter === reporter.id)
      .map((c) => [c.product, c.rca]),
  );

  const byProduct = (rows: FlowRow[]) => {
    const out = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const iso3 = countryByBaciCode(r.p)?.iso3 ?? String(r.p);
      const m = out.get(r.k) ?? out.set(r.k, new Map()).get(r.k)!;
      m.set(iso3, (m.get(iso3) ?? 0) + r.v * 1000);
    }
    return out;
  };
  const flowsBy = byProduct(flows);
  const marketBy = byProduct(market);
  const coercerSet = new Set(coercer.members.filter((m) => !reporter.members.includes(m)));
  const reporterSet = new Set(reporter.members);
  const items: CoercionItem[] = [];
  for (const [hs6, f] of flowsBy) {
    const m = marketBy.get(hs6) ?? new Map<string, number>();
    const d = exports
      ? exportExposure({ exportsTo: f, importsBy: m, coercer: coercerSet, reporter: reporterSet }, parameters)
      : importLeverage(
          { importsFrom: f, exportsBy: m, coercer: coercerSet, reporter: reporterSet },
          parameters,
        );
    if (d.withCoercer <= 0) continue;
    const label = services.labels?.label(hs6, scope.entry.hs);
    items.push({
      hs6,
      labelEn: label?.en ?? '',
      labelJa: label?.ja ?? '',
      critical: critical.get(hs6) ?? [],
      valueUsd: d.total,
      withCoercerUsd: d.withCoercer,
      coercerShare: d.coercerShare,
      alternativeUsd: d.alternative,
      openUsd: d.open,
      absorption: d.absorption,
      alternativeHhi: d.alternativeHhi,
      coercerMarketShare: d.coercerMarketShare,
      rca: exports ? (rcaByProduct.get(hs6) ?? null) : null,
      reliant: d.reliant,
      hardToReplace: d.hardToReplace,
      atRisk: d.reliant && d.hardToReplace,
    });
  }
  items.sort((a, b) => b.withCoercerUsd - a.withCoercerUsd || a.hs6.localeCompare(b.hs6));
  const notes: Note[] = [];
  if (exports && totals.length < 1000) {
    notes.push({
      ja: `データセット「${scope.entry.id}」は${totals.length}品目のみ: RCAは全貿易ではなくこれらの品目の中での比較です`,
      en: `dataset "${scope.entry.id}" holds only ${totals.length} products: RCA compares with those products, not with all trade`,
    });
  }
  if (overlap.length) {
    notes.push({
      ja: `${overlap.join('・')}は報告国側に含まれるため、威圧国側から除外しました`,
      en: `${overlap.join(', ')} belong to the reporter and were left out of the coercer`,
    });
  }
  return {
    reporter,
    coercer: { ...coercer, members: [...coercerSet] },
    year: scope.year,
    direction: request.direction,
    parameters,
    items,
    counts: {
      products: items.length,
      reliant: items.filter((i) => i.reliant).length,
      hardToReplace: items.filter((i) => i.hardToReplace).length,
      atRisk: items.filter((i) => i.atRisk).length,
    },
    atRiskUsd: items.filter((i) => i.atRisk).reduce((s, i) => s + i.withCoercerUsd, 0),
    provenance: provenanceOf(scope.entry),
    notes,
  };
}
