import type { AffectedProduct } from './affectedProducts.ts';
import type { TradeBase } from './tradeBase.ts';
import { ranged } from './random.ts';
import type { PartnerAmount, ProductResult, ScenarioResult } from './result.ts';
import { rangeOverDraws, sum, type Run, type RunSummary } from './runSummary.ts';

/**
 * The products' figures of a scenario result: the central run's value of each, with its Monte Carlo range, the
 * central run's monthly detail, and who lost and who replaced the supply.
 */
export function productResults(
  affected: readonly AffectedProduct[],
  central: Run,
  draws: readonly Run[],
  trade: TradeBase,
  months: number,
): ProductResult[] {
  const r = rangeOverDraws(draws);
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
  return affected.map((c, k) => {
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
}

/** A product binds when its stock runs out before its supply recovers: TTS < TTR (survival.ts). */
function binds(summary: RunSummary, k: number): boolean {
  return !Number.isNaN(summary.timeToSurvive[k]) && summary.timeToSurvive[k] < summary.timeToRecover[k];
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

/** The totals over the affected products, each with its range. */
export function productTotals(
  affected: readonly AffectedProduct[],
  central: Run,
  draws: readonly Run[],
): ScenarioResult['totals'] {
  const r = rangeOverDraws(draws);
  const cs = central.summary;
  const totalOf = (field: 'lost' | 'replaced' | 'drawn' | 'unmet') => (summary: RunSummary) =>
    sum(summary[field]);
  return {
    importsAffected: affected.reduce((s, c) => s + c.totalImports, 0),
    lost: r(totalOf('lost')(cs), totalOf('lost')),
    replaced: r(totalOf('replaced')(cs), totalOf('replaced')),
    stockDrawn: r(totalOf('drawn')(cs), totalOf('drawn')),
    unmet: r(totalOf('unmet')(cs), totalOf('unmet')),
  };
}

/** Products that bind in the central run, the first to run short first. */
export function bindingProducts(products: readonly ProductResult[]): string[] {
  return products
    .filter((p) => p.binding)
    .sort((a, b) => a.timeToSurvive.value! - b.timeToSurvive.value!)
    .map((p) => p.product);
}
