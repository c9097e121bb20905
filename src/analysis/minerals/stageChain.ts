import { concentration, type CountryAmount } from '../tech/concentration.ts';
import { hhi } from '../hhi.ts';
import { countriesTo } from '../countriesTo.ts';

/**
 * Concentration at each stage of a mineral's chain, side by side — mining, refining, world trade of the refined
 * product, and the reporter's imports of it (PRODUCT.md §3.2, "mine ▸ refine ▸ trade: refiner ≠ source"). Each
 * stage: HHI Σ s², the leading country and its share, countries to 75 %. Shares are of the stage's `total` when one
 * is given (USGS's world production, which holds countries it does not list one by one: the HHI is then a lower
 * bound and the leader's share the one USGS's own table gives), else — or when the countries listed add up to more
 * than a rounded total — of the countries listed. The bottleneck is the most concentrated
 * stage; `leaderChanges` says the leading country is not the same at every stage with data (ore mined in one
 * country, refined and sold by another — the pattern of Chinese refining of Indonesian nickel or Congolese cobalt,
 * IEA, "Global Critical Minerals Outlook 2024").
 */
export type Stage = 'mining' | 'refining' | 'trade' | 'imports';

export interface StageSummary {
  stage: Stage;
  total: number;
  hhi: number | null;
  leader: string | null;
  leaderShare: number | null;
  /** null when the countries listed do not reach 75 % of the total. */
  countriesTo75: number | null;
  top: { country: string; share: number }[];
}

export interface StageChain {
  stages: StageSummary[];
  /** The stage with the highest HHI (ties: the earlier stage). */
  bottleneck: Stage | null;
  leaderChanges: boolean;
}

export function stageChain(
  stages: readonly { stage: Stage; amounts: readonly CountryAmount[] | null; total?: number | null }[],
): StageChain {
  const summaries: StageSummary[] = stages.map(({ stage, amounts, total }) => {
    const c = concentration(amounts ?? []);
    const denominator = Math.max(total ?? 0, c.total);
    const ranked = c.ranked.map((r) => ({ country: r.country, share: r.amount / denominator }));
    const shares = ranked.map((r) => r.share);
    return {
      stage,
      total: denominator,
      hhi: ranked.length ? hhi(shares) : null,
      leader: c.topCountry,
      leaderShare: ranked[0]?.share ?? null,
      countriesTo75: ranked.length && shares.reduce((a, b) => a + b, 0) >= 0.75 ? countriesTo(shares, 0.75) : null,
      top: ranked.slice(0, 5),
    };
  });
  let bottleneck: StageSummary | null = null;
  for (const s of summaries)
    if (s.hhi !== null && (bottleneck === null || s.hhi > bottleneck.hhi!)) bottleneck = s;
  const leaders = new Set(
    summaries.filter((s) => s.stage !== 'imports' && s.leader !== null).map((s) => s.leader),
  );
  return { stages: summaries, bottleneck: bottleneck?.stage ?? null, leaderChanges: leaders.size > 1 };
}
