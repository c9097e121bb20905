import type { Highs } from 'highs';
import { ChokepointError } from '../../errors.ts';
import type { ScenarioDefinition } from './definition.ts';
import { pooledLikeMinded, pooledOther, type TradeBase } from './tradeBase.ts';
import { shockIntensity, shockReach } from './directLoss.ts';
import { reallocatePools, replacedTotal, type PoolBlock } from './substitution.ts';
import { timeToRecover } from './survival.ts';
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
  /** Stock cover in days, by compiled product index. */
  stockDays: Float64Array;
  inventoryDays: number;
}

interface Hit {
  /** Index into the product's partner arrays. */
  index: number;
  reach: Float64Array;
  /** Whether a shock that cuts exports to every importer reaches this flow. */
  toAll: boolean;
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
  /** Σ capacity base of allowed substitutes no shock reaches (all, and like-minded only). */
  freeCapacity: number;
  freeLikeMinded: number;
  /** Whether a shock reaches substitute i (then its capacity is computed month by month). */
  othersHit: Uint8Array;
  shocks: number[];
  firstStart: number;
}

function compile(definition: ScenarioDefinition, trade: TradeBase): CompiledProduct[] {
  const { shocks, exposure, substitution } = definition;
  const reporter = new Set(trade.reporterCodes);
  const likeMinded = new Set([...substitution.likeMinded.flatMap((c) => c.codes), pooledLikeMinded]);
  const allowed =
    substitution.partners === 'all'
      ? undefined
      : new Set([...substitution.partners.flatMap((c) => c.codes), pooledLikeMinded, pooledOther]);
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
  // Partners any shock can reach (exporters cut, disaster countries, exposed partners): others need no reach vector.
  const reachable = new Set<number>();
  for (const sh of shocks) {
    if (sh.type === 'export-cut') sh.exporter.codes.forEach((c) => reachable.add(c));
    else if (sh.type === 'disaster') sh.country.codes.forEach((c) => reachable.add(c));
  }
  for (const e of exposure) e.partner.codes.forEach((c) => reachable.add(c));
  const noReach = new Float64Array(shocks.length);
  const reachOf = (product: string, partner: number) =>
    reachable.has(partner)
      ? Float64Array.from(shocks, (sh) => shockReach(sh, product, partner, exposure))
      : noReach;
  const productSets = shocks.map((sh) =>
    sh.type === 'export-cut' && sh.products !== 'all' ? new Set(sh.products) : undefined,
  );
  const toAllShock = shocks.map((s) => s.type === 'disaster' || (s.type === 'export-cut' && s.to === 'all'));
  const hit = (index: number, reach: Float64Array): Hit => ({
    index,
    reach,
    toAll: toAllShock.some((t, i) => t && reach[i] > 0),
  });
  /** The partner is the origin of a cut of this product (so it cannot substitute for it). */
  const isSource = (partner: number, product: string) =>
    reachable.has(partner) &&
    shocks.some(
      (sh, i) =>
        (sh.type === 'export-cut' &&
          sh.exporter.codes.includes(partner) &&
          (!productSets[i] || productSets[i]!.has(product))) ||
        (sh.type === 'disaster' && sh.country.codes.includes(partner)),
    );
  const compiled: CompiledProduct[] = [];
  for (const [product, p] of [...byProduct].sort((a, b) => a[0].localeCompare(b[0]))) {
    const importHits: Hit[] = [];
    const hitShocks = new Set<number>();
    p.partners.forEach((partner, index) => {
      const reach = reachOf(product, partner);
      if (reach !== noReach && reach.some((w) => w > 0)) {
        importHits.push(hit(index, reach));
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
    let freeLikeMinded = 0;
    o.codes.forEach((code, i) => {
      othersByCode.set(code, o.values[i]);
      if (allowed && !allowed.has(code)) return;
      if (isSource(code, product)) return;
      const reach = reachOf(product, code);
      const index = others.length;
      others.push(code);
      othersValue.push(o.values[i]);
      othersLikeMinded.push(likeMinded.has(code));
      if (reach !== noReach && reach.some((w) => w > 0)) othersHits.push(hit(index, reach));
      else {
        freeCapacity += o.values[i];
        if (likeMinded.has(code)) freeLikeMinded += o.values[i];
      }
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
      freeLikeMinded,
      othersHit: markHits(others.length, othersHits),
      shocks: shockList,
      firstStart: Math.min(...shockList.map((i) => shocks[i].start)),
    });
  }
  return compiled;
}

function markHits(n: number, hits: Hit[]): Uint8Array {
  const marks = new Uint8Array(n);
  for (const h of hits) marks[h.index] = 1;
  return marks;
}

/** Monthly detail of one product in the central run. */
interface ProductRun {
  lost: Float64Array;
  lostQuantity: Float64Array | null;
  replaced: Float64Array;
  drawn: Float64Array;
  unmet: Float64Array;
  lostByPartner: Float64Array;
  replacedByPartner: Float64Array;
}

/** The figures kept for every run (central and each Monte Carlo draw): totals per product and per sector. */
interface RunSummary {
  lost: Float64Array;
  replaced: Float64Array;
  drawn: Float64Array;
  unmet: Float64Array;
  /** Months; NaN when the stock lasts through the horizon. */
  timeToSurvive: Float64Array;
  timeToRecover: Float64Array;
  economy?: {
    direct: Float64Array;
    inoperability: Float64Array;
    leontief: Float64Array;
    ghosh: Float64Array;
    arioOutputLoss: Float64Array;
    arioValueAddedLoss: Float64Array;
    worstRelativeOutput: number;
    /** Total output relative to baseline per day (output-weighted). */
    totalRelative: Float64Array;
  };
}

interface Run {
  summary: RunSummary;
  /** Central run only. */
  products?: ProductRun[];
  ario?: ReturnType<typeof propagateDynamic>;
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
  const ns = shocks.length;
  const intensity = new Float64Array(ns * months);
  for (let i = 0; i < ns; i++) {
    for (let t = 0; t < months; t++) {
      intensity[i * months + t] = shockIntensity(shocks[i].start, params.duration[i], params.rampUp, t);
    }
  }
  const toAll = shocks.map((s) => s.type === 'disaster' || (s.type === 'export-cut' && s.to === 'all'));
  const share = Float64Array.from(params.share);
  const cutAt = (reach: Float64Array, t: number, onlyToAll: boolean) => {
    let kept = 1;
    for (let i = 0; i < ns; i++) {
      const w = reach[i];
      if (w > 0 && (!onlyToAll || toAll[i])) kept *= 1 - w * share[i] * intensity[i * months + t];
    }
    return 1 - kept;
  };
  const K = compiled.length;
  const summary: RunSummary = {
    lost: new Float64Array(K),
    replaced: new Float64Array(K),
    drawn: new Float64Array(K),
    unmet: new Float64Array(K),
    timeToSurvive: new Float64Array(K),
    timeToRecover: new Float64Array(K),
  };
  const n = io ? io.prepared.table.sectors.length : 0;
  // Thousand USD → table units (million of the table's currency): × rate / 1000.
  const toTable = definition.propagation.exchangeRate / 1000;
  const unmetByMonth = Array.from({ length: io ? months : 0 }, () => new Float64Array(n));
  const lostImports = new Float64Array(n);
  const sectorOf = io
    ? compiled.map((c) => {
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
        return sector;
      })
    : [];

  /** Monthly loss of product k into `lost` (and quantities, partners when given); returns nothing. */
  /** Substitutes' capacity factor of the last lossOf call (kept in a variable: this runs millions of times). */
  let lossScale = 0;
  const lossOf = (
    k: number,
    t: number,
    lostByPartner?: Float64Array,
    lostQuantity?: Float64Array | null,
  ): number => {
    const c = compiled[k];
    let lost = 0;
    let reporterLostToAll = 0;
    let worldLostToAll = 0;
    for (const h of c.importHits) {
      const cut = cutAt(h.reach, t, false);
      const v = (cut * c.imports[h.index]) / 12;
      lost += v;
      if (lostByPartner) lostByPartner[h.index] += v;
      const q = c.quantities[h.index];
      if (lostQuantity && q !== null) lostQuantity[t] += (cut * q) / 12;
      if (h.toAll) {
        const cutAll = cutAt(h.reach, t, true);
        reporterLostToAll += cutAll * c.imports[h.index];
        worldLostToAll += cutAll * (c.imports[h.index] + (c.othersByCode.get(c.partners[h.index]) ?? 0));
      }
    }
    // Other importers that lost the same supply compete for the substitutes in proportion to their loss.
    const competition = worldLostToAll > 0 ? reporterLostToAll / worldLostToAll : 1;
    const ramp = params.rampUp > 0 ? Math.min(1, Math.max(0, (t + 0.5 - c.firstStart) / params.rampUp)) : 1;
    lossScale = (params.substitutionShare * ramp * competition) / 12;
    return lost;
  };

  /** Stock drawdown, TTS/TTR and the sectors' unmet imports of product k, from its monthly loss and replacement. */
  const settle = (
    k: number,
    lost: Float64Array,
    replaced: Float64Array,
    drawn?: Float64Array,
    unmetOut?: Float64Array,
  ) => {
    const c = compiled[k];
    let remaining = (params.stockDays[k] / 365) * c.totalImports;
    let tts = NaN;
    let lostSum = 0;
    let replacedSum = 0;
    let drawnSum = 0;
    let unmetSum = 0;
    for (let t = 0; t < months; t++) {
      lostSum += lost[t];
      replacedSum += replaced[t];
      const short = Math.max(0, lost[t] - replaced[t]);
      if (short <= 0) continue;
      const take = Math.min(remaining, short);
      const unmet = short - take;
      if (Number.isNaN(tts) && unmet > 1e-9 * short) tts = t + remaining / short;
      remaining -= take;
      drawnSum += take;
      unmetSum += unmet;
      if (drawn) drawn[t] = take;
      if (unmetOut) unmetOut[t] = unmet;
      if (io && unmet > 0) {
        unmetByMonth[t][sectorOf[k]] += unmet * toTable;
        lostImports[sectorOf[k]] += unmet * toTable;
      }
    }
    summary.lost[k] = lostSum;
    summary.replaced[k] = replacedSum;
    summary.drawn[k] = drawnSum;
    summary.unmet[k] = unmetSum;
    summary.timeToSurvive[k] = tts;
    let lastEnd = 0;
    for (const i of c.shocks) lastEnd = Math.max(lastEnd, shocks[i].start + params.duration[i]);
    summary.timeToRecover[k] = timeToRecover(lastEnd, params.rampUp);
  };

  let products: ProductRun[] | undefined;
  if (central) {
    products = [];
    // Pooled programme (substitution.ts): per product-month the like-minded and other pools; afterwards each pool's
    // amount goes to its partners in proportion to their capacity in that month.
    const blocks: PoolBlock[] = [];
    const blockOf: { product: number; month: number; scale: number; hitCut: Float64Array }[] = [];
    compiled.forEach((c, k) => {
      const run: ProductRun = {
        lost: new Float64Array(months),
        lostQuantity: c.importHits.some((h) => c.quantities[h.index] !== null)
          ? new Float64Array(months)
          : null,
        replaced: new Float64Array(months),
        drawn: new Float64Array(months),
        unmet: new Float64Array(months),
        lostByPartner: new Float64Array(c.partners.length),
        replacedByPartner: new Float64Array(c.others.length),
      };
      for (let t = 0; t < months; t++) {
        const lost = lossOf(k, t, run.lostByPartner, run.lostQuantity);
        const scale = lossScale;
        run.lost[t] = lost;
        if (lost <= 0) continue;
        let likeMinded = c.freeLikeMinded;
        let other = c.freeCapacity - c.freeLikeMinded;
        const hitCut = new Float64Array(c.othersHits.length);
        c.othersHits.forEach((h, i) => {
          hitCut[i] = cutAt(h.reach, t, false);
          const capacity = c.othersValue[h.index] * (1 - hitCut[i]);
          if (c.othersLikeMinded[h.index]) likeMinded += capacity;
          else other += capacity;
        });
        blocks.push({ need: lost, likeMinded: likeMinded * scale, other: other * scale });
        blockOf.push({ product: k, month: t, scale, hitCut });
      }
      products!.push(run);
    });
    if (blocks.length > 0) {
      const taken = reallocatePools(inputs.highs, blocks, definition.substitution.likeMindedFirst);
      // Per product, the factor applied to the base capacity of its unreached partners, by pool.
      const freeFactor = compiled.map(() => ({ likeMinded: 0, other: 0 }));
      blocks.forEach((b, bi) => {
        const { product, month, scale, hitCut } = blockOf[bi];
        const c = compiled[product];
        const run = products![product];
        run.replaced[month] += taken.likeMinded[bi] + taken.other[bi];
        const fLikeMinded = b.likeMinded > 0 ? taken.likeMinded[bi] / b.likeMinded : 0;
        const fOther = b.other > 0 ? taken.other[bi] / b.other : 0;
        freeFactor[product].likeMinded += scale * fLikeMinded;
        freeFactor[product].other += scale * fOther;
        c.othersHits.forEach((h, i) => {
          const f = c.othersLikeMinded[h.index] ? fLikeMinded : fOther;
          run.replacedByPartner[h.index] += c.othersValue[h.index] * scale * (1 - hitCut[i]) * f;
        });
      });
      compiled.forEach((c, k) => {
        const run = products![k];
        for (let i = 0; i < c.others.length; i++) {
          if (c.othersHit[i]) continue;
          run.replacedByPartner[i] =
            c.othersValue[i] * (c.othersLikeMinded[i] ? freeFactor[k].likeMinded : freeFactor[k].other);
        }
      });
    }
    products.forEach((run, k) => settle(k, run.lost, run.replaced, run.drawn, run.unmet));
  } else {
    const lost = new Float64Array(months);
    const replaced = new Float64Array(months);
    for (let k = 0; k < K; k++) {
      const c = compiled[k];
      for (let t = 0; t < months; t++) {
        const loss = lossOf(k, t);
        lost[t] = loss;
        if (loss <= 0) {
          replaced[t] = 0;
          continue;
        }
        let capacity = c.freeCapacity;
        for (const h of c.othersHits) capacity += c.othersValue[h.index] * (1 - cutAt(h.reach, t, false));
        replaced[t] = replacedTotal(loss, capacity * lossScale);
      }
      settle(k, lost, replaced);
    }
  }
  if (!io) return { summary, products };
  const s = propagateStatic(io.prepared, lostImports, months);
  const ario = propagateDynamic(io.prepared, unmetByMonth, params.inventoryDays);
  const output = io.prepared.table.output;
  const total = sum(output);
  const totalRelative = new Float64Array(ario.days);
  for (let d = 0; d < ario.days; d++) {
    let x = 0;
    for (let j = 0; j < n; j++) x += ario.relativeOutput[d * n + j] * output[j];
    totalRelative[d] = x / total;
  }
  summary.economy = {
    ...s,
    arioOutputLoss: ario.outputLoss,
    arioValueAddedLoss: ario.valueAddedLoss,
    worstRelativeOutput: ario.worstRelativeOutput,
    totalRelative,
  };
  return { summary, products, ario: central ? ario : undefined };
}

/** The ten largest partners; the rest summed as "other partners" (その他), like-minded ones apart. */
function topPartners(list: PartnerAmount[], keep = 10): PartnerAmount[] {
  const isPool = (p: PartnerAmount) => p.partner.startsWith('OTHERS');
  const sorted = list.filter((p) => p.value > 1e-9 && !isPool(p)).sort((a, b) => b.value - a.value);
  const pools = list.filter((p) => p.value > 1e-9 && isPool(p));
  if (sorted.length <= keep + 1 && pools.length === 0) return sorted;
  const rest = [...sorted.slice(keep), ...pools];
  const out = sorted.slice(0, keep);
  for (const likeMinded of [true, false, undefined]) {
    const group = rest.filter((p) => p.likeMinded === likeMinded);
    if (group.length === 0) continue;
    const value = group.reduce((s, p) => s + p.value, 0);
    const lm = likeMinded === true;
    out.push({
      partner: lm ? 'OTHERS_LIKE_MINDED' : 'OTHERS',
      en: `${group.length} other ${lm ? 'like-minded ' : ''}partners`,
      ja: `その他の${lm ? '同志国' : '国・地域'}（${group.length}）`,
      value,
      ...(likeMinded === undefined ? {} : { likeMinded }),
    });
  }
  return out;
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

export async function runScenario(inputs: ScenarioRunInputs): Promise<ScenarioResult> {
  const { definition, trade, io } = inputs;
  const months = Math.ceil(definition.horizon - 1e-9);
  const compiled = compile(definition, trade);
  const stockRange = (product: string): Range =>
    definition.stockpiles.products[product] ?? definition.stockpiles.defaultDays;
  const stockRanges = compiled.map((c) => stockRange(c.product));
  const centralParams: Parameters = {
    share: definition.shocks.map((s) => midpoint(s.share)),
    duration: definition.shocks.map((s) => midpoint(s.duration)),
    substitutionShare: midpoint(definition.substitution.share),
    rampUp: midpoint(definition.substitution.rampUp),
    stockDays: Float64Array.from(stockRanges, midpoint),
    inventoryDays: midpoint(definition.propagation.inventoryDays),
  };
  const central = runOnce(inputs, compiled, months, centralParams, true);
  const random = seededRandom(definition.monteCarlo.seed);
  const draws: Run[] = [];
  const total = definition.monteCarlo.draws;
  for (let d = 0; d < total; d++) {
    const params: Parameters = {
      share: definition.shocks.map((s) => draw(s.share, random)),
      duration: definition.shocks.map((s) => draw(s.duration, random)),
      substitutionShare: draw(definition.substitution.share, random),
      rampUp: draw(definition.substitution.rampUp, random),
      stockDays: new Float64Array(compiled.length),
      inventoryDays: draw(definition.propagation.inventoryDays, random),
    };
    // One draw of the stock cover per product and run, taken in product order so runs repeat exactly.
    for (let k = 0; k < compiled.length; k++) params.stockDays[k] = draw(stockRanges[k], random);
    draws.push(runOnce(inputs, compiled, months, params, false));
    if ((d + 1) % 10 === 0 || d + 1 === total) {
      inputs.onProgress?.(d + 1, total);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const r = (value: number, of: (run: RunSummary) => number) =>
    ranged(
      value,
      draws.map((d) => of(d.summary)),
    );
  const cs = central.summary;
  const centralProducts = central.products!;
  const partner = (code: number) =>
    trade.partners[code] ?? { iso3: String(code), en: String(code), ja: String(code) };
  const orNull = (v: number) => (Number.isFinite(v) ? v : null);
  const ttsRange = (k: number) => {
    // A stock that lasts the horizon counts as +∞ in the quantiles and shows as null.
    const inf = (v: number) => (Number.isNaN(v) ? Infinity : v);
    const x = ranged(
      inf(cs.timeToSurvive[k]),
      draws.map((d) => inf(d.summary.timeToSurvive[k])),
    );
    return { value: orNull(x.value), p5: orNull(x.p5), p50: orNull(x.p50), p95: orNull(x.p95) };
  };
  const binds = (summary: RunSummary, k: number) =>
    !Number.isNaN(summary.timeToSurvive[k]) && summary.timeToSurvive[k] < summary.timeToRecover[k];
  const products: ProductResult[] = compiled.map((c, k) => {
    const run = centralProducts[k];
    return {
      product: c.product,
      imports: c.totalImports,
      lost: r(cs.lost[k], (d) => d.lost[k]),
      lostQuantity: run.lostQuantity ? sum(run.lostQuantity) : null,
      replaced: r(cs.replaced[k], (d) => d.replaced[k]),
      unmet: r(cs.unmet[k], (d) => d.unmet[k]),
      timeToSurvive: ttsRange(k),
      timeToRecover: r(cs.timeToRecover[k], (d) => d.timeToRecover[k]),
      binding: binds(cs, k),
      bindingProbability: draws.length
        ? draws.filter((d) => binds(d.summary, k)).length / draws.length
        : binds(cs, k)
          ? 1
          : 0,
      lostFrom: c.partners
        .map((code, i) => ({
          partner: partner(code).iso3,
          en: partner(code).en,
          ja: partner(code).ja,
          value: run.lostByPartner[i],
        }))
        .filter((p) => p.value > 0)
        .sort((a, b) => b.value - a.value),
      replacedFrom: topPartners(
        c.others.map((code, i) => ({
          partner: partner(code).iso3,
          en: partner(code).en,
          ja: partner(code).ja,
          value: run.replacedByPartner[i],
          likeMinded: c.othersLikeMinded[i],
        })),
      ),
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
  const totalOf = (field: 'lost' | 'replaced' | 'drawn' | 'unmet') => (summary: RunSummary) =>
    sum(summary[field]);
  const result: ScenarioResult = {
    name: definition.name,
    nameJa: definition.nameJa,
    reporter: { iso3: definition.reporter.iso3, en: definition.reporter.en, ja: definition.reporter.ja },
    year: trade.year,
    horizonMonths: definition.horizon,
    units: { trade: 'thousand USD', quantity: 'tonnes', sectors: io?.prepared.table.unit },
    totals: {
      importsAffected: compiled.reduce((s, c) => s + c.totalImports, 0),
      lost: r(totalOf('lost')(cs), totalOf('lost')),
      replaced: r(totalOf('replaced')(cs), totalOf('replaced')),
      stockDrawn: r(totalOf('drawn')(cs), totalOf('drawn')),
      unmet: r(totalOf('unmet')(cs), totalOf('unmet')),
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
  if (io && cs.economy && central.ario) {
    const { table } = io.prepared;
    const n = table.sectors.length;
    const ce = cs.economy;
    const ario = central.ario;
    const v = io.prepared.valueAddedCoefficient;
    const e = (d: RunSummary) => d.economy!;
    const vaOf = (x: Float64Array) => sum(x.map((y, j) => y * v[j]));
    const band = Array.from(ce.totalRelative, (value, day) =>
      ranged(
        value,
        draws.map((d) => d.summary.economy!.totalRelative[day]),
      ),
    );
    result.economy = {
      sectors: table.sectors.map((sector, j) => ({
        ...sector,
        directInoperability: r(ce.direct[j], (d) => e(d).direct[j]),
        inoperability: r(ce.inoperability[j], (d) => e(d).inoperability[j]),
        leontiefOutputLoss: r(ce.leontief[j], (d) => e(d).leontief[j]),
        ghoshOutputLoss: r(ce.ghosh[j], (d) => e(d).ghosh[j]),
        arioOutputLoss: r(ce.arioOutputLoss[j], (d) => e(d).arioOutputLoss[j]),
        leontiefValueAddedLoss: r(ce.leontief[j] * v[j], (d) => e(d).leontief[j] * v[j]),
        arioValueAddedLoss: r(ce.arioValueAddedLoss[j], (d) => e(d).arioValueAddedLoss[j]),
      })),
      leontiefValueAddedLoss: r(vaOf(ce.leontief), (d) => vaOf(e(d).leontief)),
      ghoshOutputLoss: r(sum(ce.ghosh), (d) => sum(e(d).ghosh)),
      arioValueAddedLoss: r(sum(ce.arioValueAddedLoss), (d) => sum(e(d).arioValueAddedLoss)),
      arioOutputLoss: r(sum(ce.arioOutputLoss), (d) => sum(e(d).arioOutputLoss)),
      worstDay: ario.worstDay,
      worstRelativeOutput: r(ce.worstRelativeOutput, (d) => e(d).worstRelativeOutput),
      recoveredDay: ario.recoveredDay,
      timeline: {
        central: [...ce.totalRelative],
        p5: band.map((b) => b.p5),
        p50: band.map((b) => b.p50),
        p95: band.map((b) => b.p95),
      },
      sectorTimeline: Array.from({ length: n }, (_, j) =>
        Array.from({ length: ario.days }, (_, d) => ario.relativeOutput[d * n + j]),
      ),
    };
  }
  return result;
}
