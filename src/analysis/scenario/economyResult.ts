import type { PreparedTable } from './propagation.ts';
import { ranged } from './random.ts';
import type { EconomyResult } from './result.ts';
import { rangeOverDraws, sum, type Run, type RunSummary } from './runSummary.ts';

/**
 * The economy's figures of a scenario result, each with its Monte Carlo range: per sector and in total, the
 * Leontief, Ghosh and ARIO output losses, value added lost (Δx_j · v_j, v the value-added coefficient), the
 * inoperability, and the ARIO timeline of the central run with its band. Undefined without an IO table.
 */
export function economyResult(
  prepared: PreparedTable,
  central: Run,
  draws: readonly Run[],
): EconomyResult | undefined {
  const ce = central.summary.economy;
  const ario = central.ario;
  if (!ce || !ario) return undefined;
  const { table } = prepared;
  const n = table.sectors.length;
  const r = rangeOverDraws(draws);
  const v = prepared.valueAddedCoefficient;
  const e = (d: RunSummary) => d.economy!;
  const vaOf = (x: Float64Array) => sum(x.map((y, j) => y * v[j]));
  const band = Array.from(ce.totalRelative, (value, day) =>
    ranged(
      value,
      draws.map((d) => d.summary.economy!.totalRelative[day]),
    ),
  );
  return {
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
