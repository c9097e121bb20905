import type { Highs } from 'highs';
import { ChokepointError } from '../../errors.ts';
import type { ScenarioDefinition, Shock } from './definition.ts';
import type { TradeBase } from './tradeBase.ts';
import { combinedCut, shockIntensity, shockReach } from './directLoss.ts';
import { reallocateLp, replacedTotal, type ReallocationBlock } from './substitution.ts';
import { drawDownStock, timeToRecover } from './survival.ts';
import { propagateDynamic, propagateStatic, type PreparedTable } from './propagation.ts';
import type { Concordance } from './concordance.ts';
import { draw, midpoint, ranged, seededRandom, type Range, type Ranged } from './random.ts';

/**
 * One scenario run (PRODUCT.md §3.4): direct import loss → reallocation LP → stock drawdown, time to survive vs
 * time to recover → HS → IO sectors → Leontief / Ghosh / inoperability / ARIO. The central run takes every
 * uncertain parameter at its midpoint and solves the reallocation with HiGHS; Monte Carlo draws (seeded) repeat
 * the pipeline with parameters drawn uniformly from their ranges, giving p5/p50/p95 for every figure.
 * Trade values are thousand USD; sector figures are in the table's unit.
 */
export interface ScenarioRunInputs {
  definition: ScenarioDefinition;
  trade: TradeBase;
  io?: { prepared: PreparedTable; concordance: Concordance };
  highs: Highs;
  onProgress?: (done: number, total: number) => void;
}

export interface PartnerAmount {
  partner: string;
  en: string;
  ja: string;
  value: number;
  likeMinded?: boolean;
}

export interface ProductMonth {
  month: number;
  lost: number;
  lostQuantity: number | null;
  replaced: number;
  stockDrawn: number;
  unmet: number;
}

export interface ProductResult {
  product: string;
  /** Reporter's annual imports of the product in the base year. */
  imports: number;
  lost: Ranged;
  lostQuantity: number | null;
  replaced: Ranged;
  unmet: Ranged;
  /** Months; null when the product does not run short within the horizon (in the central run / at that quantile). */
  timeToSurvive: { value: number | null; p5: number | null; p50: number | null; p95: number | null };
  timeToRecover: Ranged;
  binding: boolean;
  /** Share of Monte Carlo draws in which the product binds. */
  bindingProbability: number;
  lostFrom: PartnerAmount[];
  replacedFrom: PartnerAmount[];
  months: ProductMonth[];
}

export interface SectorResult {
  code: string;
  en: string;
  ja: string;
  directInoperability: Ranged;
  inoperability: Ranged;
  leontiefOutputLoss: Ranged;
  ghoshOutputLoss: Ranged;
  arioOutputLoss: Ranged;
  leontiefValueAddedLoss: Ranged;
  arioValueAddedLoss: Ranged;
}

export interface ScenarioResult {
  name: string;
  nameJa?: string;
  reporter: { iso3: string; en: string; ja: string };
  year: number;
  horizonMonths: number;
  units: { trade: 'thousand USD'; quantity: 'tonnes'; sectors?: string };
  totals: {
    importsAffected: number;
    lost: Ranged;
    replaced: Ranged;
    stockDrawn: Ranged;
    unmet: Ranged;
  };
  products: ProductResult[];
  /** Products that bind (TTS < TTR) in the central run, the first to run short first. */
  bindingProducts: string[];
  economy?: {
    sectors: SectorResult[];
    leontiefValueAddedLoss: Ranged;
    ghoshOutputLoss: Ranged;
    arioValueAddedLoss: Ranged;
    arioOutputLoss: Ranged;
    /** Day on which total output is lowest (central run) and that output relative to baseline. */
    worstDay: number;
    worstRelativeOutput: Ranged;
    recoveredDay: number | null;
    /** Total output relative to baseline per day: central run and Monte Carlo band. */
    timeline: { central: number[]; p5: number[]; p50: number[]; p95: number[] };
    /** Central run, per sector, output relative to baseline per day (sectors × days). */
    sectorTimeline: number[][];
  };
  monteCarlo: { draws: number; seed: number };
  assumptions: string[];
}

interface Parameters {
  share: number[];
  duration: number[];
  substitutionShare: number;
  rampUp: number;
  stockDays: (product: string) => number;
  inventoryDays: number;
}

interface Hit {
  /** Index into the product's partner arrays. */
  index: number;
  reach: Float64Array;
}

interface CompiledProduct {
  product: string;
  partners: number[];
  imports: Float64Array;
  quantities: (number | null)[];
  totalImports: number;
  importHits: Hit[];
  others: number[];
  othersValue: Float64Array;
  othersLikeMinded: boolean[];
  /** Exports to others by partner code (for competition under cuts to all). */
  othersByCode: Map<number, number>;
  othersHits: Hit[];
  /** Σ capacity base of allowed substitutes no shock reaches. */
  freeCapacity: number;
  shocks: number[];
  firstStart: number;
}

function compile(definition: ScenarioDefinition, trade: TradeBase): CompiledProduct[] {
  const { shocks, exposure, substitution } = definition;
  const reporter = new Set(trade.reporterCodes);
  const likeMinded = new Set(substitution.likeMinded.flatMap((c) => c.codes));
  const allowed =
    substitution.partners === 'all' ? undefined : new Set(substitution.partners.flatMap((c) => c.codes));
  const byProduct = new Map<
    string,
    { partners: number[]; values: number[]; quantities: (number | null)[] }
  >();
  for (const f of trade.imports) {
    if (reporter.has(f.partner) || f.value <= 0) continue;
    let p = byProduct.get(f.product);
    if (!p) byProduct.set(f.product, (p = { partners: [], values: [], quantities: [] }));
    p.partners.push(f.partner);
    p.values.push(f.value);
    p.quantities.push(f.quantity);
  }
  const othersByProduct = new Map<string, { codes: number[]; values: number[] }>();
  for (const f of trade.exportsToOthers) {
    if (reporter.has(f.exporter) || f.value <= 0) continue;
    let o = othersByProduct.get(f.product);
    if (!o) othersByProduct.set(f.product, (o = { codes: [], values: [] }));
    o.codes.push(f.exporter);
    o.values.push(f.value);
  }
  const reachOf = (product: string, partner: number) =>
    Float64Array.from(shocks, (s) => shockReach(s, product, partner, exposure));
  const isSource = (s: Shock, partner: number, product: string) =>
    (s.type === 'export-cut' &&
      s.exporter.codes.includes(partner) &&
      (s.products === 'all' || s.products.includes(product))) ||
    (s.type === 'disaster' && s.country.codes.includes(partner));
  const compiled: CompiledProduct[] = [];
  for (const [product, p] of [...byProduct].sort((a, b) => a[0].localeCompare(b[0]))) {
    const importHits: Hit[] = [];
    const hitShocks = new Set<number>();
    p.partners.forEach((partner, index) => {
      const reach = reachOf(product, partner);
      if (reach.some((w) => w > 0)) {
        importHits.push({ index, reach });
        reach.forEach((w, i) => w > 0 && hitShocks.add(i));
      }
    });
    if (importHits.length === 0) continue;
    const o = othersByProduct.get(product) ?? { codes: [], values: [] };
    const others: number[] = [];
    const othersValue: number[] = [];
    const othersLikeMinded: boolean[] = [];
    const othersHits: Hit[] = [];
    const othersByCode = new Map<number, number>();
    let freeCapacity = 0;
    o.codes.forEach((code, i) => {
      othersByCode.set(code, o.values[i]);
      if (allowed && !allowed.has(code)) return;
      if (shocks.some((s) => isSource(s, code, product))) return;
      const reach = reachOf(product, code);
      const index = others.length;
      others.push(code);
      othersValue.push(o.values[i]);
      othersLikeMinded.push(likeMinded.has(code));
      if (reach.some((w) => w > 0)) othersHits.push({ index, reach });
      else freeCapacity += o.values[i];
    });
    const shockList = [...hitShocks].sort((a, b) => a - b);
    compiled.push({
      product,
      partners: p.partners,
      imports: Float64Array.from(p.values),
      quantities: p.quantities,
      totalImports: p.values.reduce((s, v) => s + v, 0),
      importHits,
      others,
      othersValue: Float64Array.from(othersValue),
      othersLikeMinded,
      othersByCode,
      othersHits,
      freeCapacity,
      shocks: shockList,
      firstStart: Math.min(...shockList.map((i) => shocks[i].start)),
    });
  }
  return compiled;
}

interface ProductRun {
  lost: Float64Array;
  lostQuantity: Float64Array | null;
  replaced: Float64Array;
  drawn: Float64Array;
  unmet: Float64Array;
  timeToSurvive: number | null;
  timeToRecover: number;
  lostByPartner: Float64Array;
  replacedByPartner?: Float64Array;
}

interface Run {
  products: ProductRun[];
  economy?: {
    direct: Float64Array;
    inoperability: Float64Array;
    leontief: Float64Array;
    ghosh: Float64Array;
    ario: ReturnType<typeof propagateDynamic>;
  };
}

function runOnce(
  inputs: ScenarioRunInputs,
  compiled: CompiledProduct[],
  months: number,
  params: Parameters,
  central: boolean,
): Run {
  const { definition, io } = inputs;
  const shocks = definition.shocks;
  const intensity = shocks.map((s, i) =>
    Float64Array.from({ length: months }, (_, t) =>
      shockIntensity(s.start, params.duration[i], params.rampUp, t),
    ),
  );
  const toAll = shocks.map((s) => s.type === 'disaster' || (s.type === 'export-cut' && s.to === 'all'));
  const share = Float64Array.from(params.share);
  const cutAt = (reach: Float64Array, t: number, only?: boolean[]) => {
    let kept = 1;
    for (let i = 0; i < reach.length; i++) {
      if (reach[i] > 0 && (!only || only[i])) kept *= 1 - reach[i] * share[i] * intensity[i][t];
    }
    return 1 - kept;
  };
  const products: ProductRun[] = [];
  const blocks: ReallocationBlock[] = [];
  const blockOf: { product: number; month: number }[] = [];
  for (const c of compiled) {
    const lost = new Float64Array(months);
    const hasQuantity = c.importHits.some((h) => c.quantities[h.index] !== null);
    const lostQuantity = hasQuantity ? new Float64Array(months) : null;
    const replaced = new Float64Array(months);
    const lostByPartner = new Float64Array(c.partners.length);
    for (let t = 0; t < months; t++) {
      let reporterLostToAll = 0;
      let worldLostToAll = 0;
      for (const h of c.importHits) {
        const cut = cutAt(h.reach, t);
        const v = (cut * c.imports[h.index]) / 12;
        lost[t] += v;
        lostByPartner[h.index] += v;
        const q = c.quantities[h.index];
        if (lostQuantity && q !== null) lostQuantity[t] += (cut * q) / 12;
        if (h.reach.some((w, i) => w > 0 && toAll[i])) {
          const cutAll = cutAt(h.reach, t, toAll);
          const exporter = c.partners[h.index];
          reporterLostToAll += cutAll * c.imports[h.index];
          worldLostToAll += cutAll * (c.imports[h.index] + (c.othersByCode.get(exporter) ?? 0));
        }
      }
      if (lost[t] <= 0) continue;
      // Other importers that lost the same supply compete for the substitutes in proportion to their loss.
      const competition = worldLostToAll > 0 ? reporterLostToAll / worldLostToAll : 1;
      const ramp = params.rampUp > 0 ? Math.min(1, Math.max(0, (t + 0.5 - c.firstStart) / params.rampUp)) : 1;
      const scale = (params.substitutionShare * ramp * competition) / 12;
      if (central) {
        const capacity = Array.from(c.othersValue, (v) => v * scale);
        for (const h of c.othersHits) capacity[h.index] *= 1 - cutAt(h.reach, t);
        blocks.push({ need: lost[t], partners: c.others, capacity, likeMinded: c.othersLikeMinded });
        blockOf.push({ product: products.length, month: t });
      } else {
        let capacity = c.freeCapacity;
        for (const h of c.othersHits) capacity += c.othersValue[h.index] * (1 - cutAt(h.reach, t));
        replaced[t] = replacedTotal(lost[t], capacity * scale);
      }
    }
    products.push({
      lost,
      lostQuantity,
      replaced,
      drawn: new Float64Array(months),
      unmet: new Float64Array(months),
      timeToSurvive: null,
      timeToRecover: timeToRecover(
        c.shocks.map((i) => shocks[i].start + params.duration[i]),
        params.rampUp,
      ),
      lostByPartner,
      replacedByPartner: central ? new Float64Array(c.others.length) : undefined,
    });
  }
  if (central && blocks.length > 0) {
    const lp = reallocateLp(inputs.highs, blocks, definition.substitution.likeMindedFirst);
    blocks.forEach((_b, bi) => {
      const { product, month } = blockOf[bi];
      const run = products[product];
      lp.replaced[bi].forEach((v, pi) => {
        run.replaced[month] += v;
        run.replacedByPartner![pi] += v;
      });
    });
  }
  compiled.forEach((c, k) => {
    const run = products[k];
    const shortfall = run.lost.map((l, t) => Math.max(0, l - run.replaced[t]));
    const stock = (params.stockDays(c.product) / 365) * c.totalImports;
    const d = drawDownStock(shortfall, stock);
    run.drawn = d.drawn;
    run.unmet = d.unmet;
    run.timeToSurvive = d.timeToSurvive;
  });
  if (!io) return { products };
  const n = io.prepared.table.sectors.length;
  // Thousand USD → table units (million of the table's currency): × rate / 1000.
  const toTable = definition.propagation.exchangeRate / 1000;
  const unmetByMonth = Array.from({ length: months }, () => new Float64Array(n));
  const lostImports = new Float64Array(n);
  compiled.forEach((c, k) => {
    const sector = io.concordance.sectorOf(c.product);
    if (sector === undefined) {
      throw new ChokepointError(
        'bad_input',
        `product ${c.product} matches no prefix of concordance ${io.concordance.id}`,
        {
          field: 'propagation.concordance',
        },
      );
    }
    products[k].unmet.forEach((u, t) => {
      unmetByMonth[t][sector] += u * toTable;
      lostImports[sector] += u * toTable;
    });
  });
  const s = propagateStatic(io.prepared, lostImports, months);
  const ario = propagateDynamic(io.prepared, unmetByMonth, params.inventoryDays);
  return { products, economy: { ...s, ario } };
}

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};

export async function runScenario(inputs: ScenarioRunInputs): Promise<ScenarioResult> {
  const { definition, trade, io } = inputs;
  const months = Math.ceil(definition.horizon - 1e-9);
  const compiled = compile(definition, trade);
  const stockRange = (product: string): Range =>
    definition.stockpiles.products[product] ?? definition.stockpiles.defaultDays;
  const centralParams: Parameters = {
    share: definition.shocks.map((s) => midpoint(s.share)),
    duration: definition.shocks.map((s) => midpoint(s.duration)),
    substitutionShare: midpoint(definition.substitution.share),
    rampUp: midpoint(definition.substitution.rampUp),
    stockDays: (p) => midpoint(stockRange(p)),
    inventoryDays: midpoint(definition.propagation.inventoryDays),
  };
  const central = runOnce(inputs, compiled, months, centralParams, true);
  const random = seededRandom(definition.monteCarlo.seed);
  const draws: Run[] = [];
  const total = definition.monteCarlo.draws;
  for (let d = 0; d < total; d++) {
    const stockDraws = new Map<string, number>();
    const params: Parameters = {
      share: definition.shocks.map((s) => draw(s.share, random)),
      duration: definition.shocks.map((s) => draw(s.duration, random)),
      substitutionShare: draw(definition.substitution.share, random),
      rampUp: draw(definition.substitution.rampUp, random),
      // One draw of the stock cover per product and run, taken in product order so runs repeat exactly.
      stockDays: (p) => stockDraws.get(p) ?? 0,
      inventoryDays: draw(definition.propagation.inventoryDays, random),
    };
    for (const c of compiled) stockDraws.set(c.product, draw(stockRange(c.product), random));
    draws.push(runOnce(inputs, compiled, months, params, false));
    if ((d + 1) % 10 === 0 || d + 1 === total) {
      inputs.onProgress?.(d + 1, total);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const r = (value: number, of: (run: Run) => number) => ranged(value, draws.map(of));
  const partner = (code: number) =>
    trade.partners[code] ?? { iso3: String(code), en: String(code), ja: String(code) };
  const ttsRange = (k: number) => {
    const c = central.products[k].timeToSurvive;
    const values = draws.map((d) => d.products[k].timeToSurvive ?? Infinity);
    const x = ranged(c ?? Infinity, values);
    const f = (v: number) => (Number.isFinite(v) ? v : null);
    return { value: c, p5: f(x.p5), p50: f(x.p50), p95: f(x.p95) };
  };
  const products: ProductResult[] = compiled.map((c, k) => {
    const run = central.products[k];
    const binds = (p: ProductRun) => p.timeToSurvive !== null && p.timeToSurvive < p.timeToRecover;
    return {
      product: c.product,
      imports: c.totalImports,
      lost: r(sum(run.lost), (d) => sum(d.products[k].lost)),
      lostQuantity: run.lostQuantity ? sum(run.lostQuantity) : null,
      replaced: r(sum(run.replaced), (d) => sum(d.products[k].replaced)),
      unmet: r(sum(run.unmet), (d) => sum(d.products[k].unmet)),
      timeToSurvive: ttsRange(k),
      timeToRecover: r(run.timeToRecover, (d) => d.products[k].timeToRecover),
      binding: binds(run),
      bindingProbability: draws.length
        ? draws.filter((d) => binds(d.products[k])).length / draws.length
        : binds(run)
          ? 1
          : 0,
      lostFrom: c.partners
        .map((code, i) => ({ ...partner(code), partner: partner(code).iso3, value: run.lostByPartner[i] }))
        .filter((p) => p.value > 0)
        .sort((a, b) => b.value - a.value)
        .map(({ partner: p, en, ja, value }) => ({ partner: p, en, ja, value })),
      replacedFrom: c.others
        .map((code, i) => ({
          partner: partner(code).iso3,
          en: partner(code).en,
          ja: partner(code).ja,
          value: run.replacedByPartner![i],
          likeMinded: c.othersLikeMinded[i],
        }))
        .filter((p) => p.value > 1e-9)
        .sort((a, b) => b.value - a.value),
      months: Array.from({ length: months }, (_, t) => ({
        month: t,
        lost: run.lost[t],
        lostQuantity: run.lostQuantity ? run.lostQuantity[t] : null,
        replaced: run.replaced[t],
        stockDrawn: run.drawn[t],
        unmet: run.unmet[t],
      })),
    };
  });
  const totalOf = (field: 'lost' | 'replaced' | 'drawn' | 'unmet') => (run: Run) =>
    run.products.reduce((s, p) => s + sum(p[field]), 0);
  const result: ScenarioResult = {
    name: definition.name,
    nameJa: definition.nameJa,
    reporter: { iso3: definition.reporter.iso3, en: definition.reporter.en, ja: definition.reporter.ja },
    year: trade.year,
    horizonMonths: definition.horizon,
    units: { trade: 'thousand USD', quantity: 'tonnes', sectors: io?.prepared.table.unit },
    totals: {
      importsAffected: compiled.reduce((s, c) => s + c.totalImports, 0),
      lost: r(totalOf('lost')(central), totalOf('lost')),
      replaced: r(totalOf('replaced')(central), totalOf('replaced')),
      stockDrawn: r(totalOf('drawn')(central), totalOf('drawn')),
      unmet: r(totalOf('unmet')(central), totalOf('unmet')),
    },
    products,
    bindingProducts: products
      .filter((p) => p.binding)
      .sort((a, b) => a.timeToSurvive.value! - b.timeToSurvive.value!)
      .map((p) => p.product),
    monteCarlo: { ...definition.monteCarlo },
    assumptions: [
      'Annual base-year flows are spread evenly over the months.',
      'A shock cuts its share of the flow while it lasts; the disrupted supply returns linearly over the ramp-up time.',
      'Substitutes can divert up to the substitution share of their exports to third countries, ramping up linearly from the first shock; under a cut to all importers, the reporter gets substitutes in proportion to its share of the lost supply.',
      'The national stockpile (days of the product’s annual imports) covers the shortfall left after substitution; TTS and TTR are months from the scenario start.',
      ...(io
        ? [
            `Unmet imports are converted at ${definition.propagation.exchangeRate} ${io.prepared.table.unit.replace('million ', '')} per USD and mapped to sectors by concordance ${io.concordance.id}; base-year prices of the table are not adjusted.`,
            'Static models: fixed proportions (a sector loses the largest shortage share among its inputs), Leontief backward and Ghosh forward (value-based) propagation, inoperability (Santos & Haimes 2004).',
            'ARIO: industry inventories of each input in days of use, proportional rationing, overproduction up to 25 % (Hallegatte 2008).',
          ]
        : ['No input-output table was available: economy-wide propagation was skipped.']),
    ],
  };
  if (io && central.economy) {
    const { table } = io.prepared;
    const n = table.sectors.length;
    const ce = central.economy;
    const v = io.prepared.valueAddedCoefficient;
    const e = (run: Run) => run.economy!;
    result.economy = {
      sectors: table.sectors.map((sector, j) => ({
        ...sector,
        directInoperability: r(ce.direct[j], (d) => e(d).direct[j]),
        inoperability: r(ce.inoperability[j], (d) => e(d).inoperability[j]),
        leontiefOutputLoss: r(ce.leontief[j], (d) => e(d).leontief[j]),
        ghoshOutputLoss: r(ce.ghosh[j], (d) => e(d).ghosh[j]),
        arioOutputLoss: r(ce.ario.outputLoss[j], (d) => e(d).ario.outputLoss[j]),
        leontiefValueAddedLoss: r(ce.leontief[j] * v[j], (d) => e(d).leontief[j] * v[j]),
        arioValueAddedLoss: r(ce.ario.valueAddedLoss[j], (d) => e(d).ario.valueAddedLoss[j]),
      })),
      leontiefValueAddedLoss: r(sum(ce.leontief.map((x, j) => x * v[j])), (d) =>
        sum(e(d).leontief.map((x, j) => x * v[j])),
      ),
      ghoshOutputLoss: r(sum(ce.ghosh), (d) => sum(e(d).ghosh)),
      arioValueAddedLoss: r(sum(ce.ario.valueAddedLoss), (d) => sum(e(d).ario.valueAddedLoss)),
      arioOutputLoss: r(sum(ce.ario.outputLoss), (d) => sum(e(d).ario.outputLoss)),
      worstDay: ce.ario.worstDay,
      worstRelativeOutput: r(ce.ario.worstRelativeOutput, (d) => e(d).ario.worstRelativeOutput),
      recoveredDay: ce.ario.recoveredDay,
      ...timelines(
        io.prepared.table.output,
        ce.ario,
        draws.map((d) => e(d).ario),
        n,
      ),
    };
  }
  return result;
}

/** Daily total output relative to baseline (output-weighted), central and Monte Carlo band. */
function timelines(
  output: Float64Array,
  central: ReturnType<typeof propagateDynamic>,
  draws: ReturnType<typeof propagateDynamic>[],
  n: number,
): {
  timeline: { central: number[]; p5: number[]; p50: number[]; p95: number[] };
  sectorTimeline: number[][];
} {
  const total = sum(output);
  const totalRelative = (a: ReturnType<typeof propagateDynamic>) =>
    Array.from({ length: a.days }, (_, d) => {
      let s = 0;
      for (let j = 0; j < n; j++) s += a.relativeOutput[d * n + j] * output[j];
      return s / total;
    });
  const c = totalRelative(central);
  const all = draws.map(totalRelative);
  const band = c.map((value, d) =>
    ranged(
      value,
      all.map((x) => x[d]),
    ),
  );
  return {
    timeline: {
      central: c,
      p5: band.map((b) => b.p5),
      p50: band.map((b) => b.p50),
      p95: band.map((b) => b.p95),
    },
    sectorTimeline: Array.from({ length: n }, (_, j) =>
      Array.from({ length: central.days }, (_, d) => central.relativeOutput[d * n + j]),
    ),
  };
}
