import { transpose, type Csr } from './matrix.ts';

/**
 * An ARIO-style day-by-day disaster model (Adaptive Regional Input-Output; Hallegatte 2008, Risk Analysis 28(3);
 * the BoARIO package, Hallegatte's model as implemented by Juchet et al.), reduced to what a supply disruption of
 * imports needs:
 * - each sector j holds inventories of each input k, separately for the domestic and the imported part
 *   (an imported critical input is not replaced by a domestic one), with a target of `inventoryDays` days of use;
 * - production is the least of demand, capacity (α_j κ_j x⁰_j, α = overproduction) and what the inventories allow
 *   (x_j ≤ S_kj / a_kj for every input: Leontief fixed proportions, Hallegatte 2008 §2.3);
 * - when demand exceeds production, every customer gets the same fraction of its order (proportional rationing);
 * - orders are today's demand times the coefficients plus a restocking term (S* − S)/τ_S;
 * - capacity adapts: α moves towards α_max while demand exceeds capacity and back to 1 otherwise, with time τ_α.
 * With no shock the baseline (x = x⁰ every day) is a fixed point.
 */
export interface ArioInput {
  /** Total technical coefficients A (products × sectors). */
  A: Csr;
  /** Import coefficient m̂_k of each product (share of domestic demand met by imports). */
  importCoefficient: ArrayLike<number>;
  /** Baseline annual output x⁰. */
  output: ArrayLike<number>;
  /** Value added per unit of output v_j. */
  valueAddedCoefficient: ArrayLike<number>;
  /** Annual final demand addressed to domestic producers: (1 − m̂)f + e. */
  domesticFinalDemand: ArrayLike<number>;
  days: number;
  /** Fraction (0–1) of each product's imports unavailable on a day; undefined = none. */
  importShortfall?: (day: number) => ArrayLike<number> | undefined;
  /** Fraction (0–1) of each sector's capacity available on a day (a domestic disaster); undefined = all. */
  capacity?: (day: number) => ArrayLike<number> | undefined;
}

export interface ArioParameters {
  /** Target inventory of every input, days of use (Hallegatte 2008 uses 90 days; BoARIO defaults to 90). */
  inventoryDays: number;
  /** Restocking time τ_S in days (Hallegatte 2008: 30 days). */
  restockDays: number;
  /** Largest overproduction α_max (Hallegatte 2008: 1.25). */
  overproductionMax: number;
  /** Adaptation time τ_α in days (Hallegatte 2008: 365 days). */
  overproductionDays: number;
}

export const defaultArioParameters: ArioParameters = {
  inventoryDays: 90,
  restockDays: 30,
  overproductionMax: 1.25,
  overproductionDays: 365,
};

export interface ArioResult {
  days: number;
  sectors: number;
  /** Output relative to baseline, day-major: relativeOutput[d * n + j] = x_j(d) / x⁰_j. */
  relativeOutput: Float64Array;
  /** Output lost over the horizon per sector (table units), Σ_d (x⁰_j − x_j(d)). */
  outputLoss: Float64Array;
  /** Value added lost per sector, v_j × outputLoss_j. */
  valueAddedLoss: Float64Array;
  /** First day from which every sector stays within 0.1 % of baseline to the end of the horizon (null if never). */
  recoveredDay: number | null;
  /** Day on which total output was lowest, and that total relative to baseline. */
  worstDay: number;
  worstRelativeOutput: number;
}

export function simulateArio(input: ArioInput, parameters: Partial<ArioParameters> = {}): ArioResult {
  const p = { ...defaultArioParameters, ...parameters };
  const n = input.A.n;
  const At = transpose(input.A); // row j: the inputs k of sector j
  const nnz = At.col.length;
  const m = input.importCoefficient;
  const x0 = Float64Array.from(input.output, (v) => v / 365);
  const fd0 = Float64Array.from(input.domesticFinalDemand, (v) => v / 365);
  // Per input entry e = (k → j): domestic and imported coefficient parts.
  const aDom = new Float64Array(nnz);
  const aImp = new Float64Array(nnz);
  const inputOf = new Int32Array(nnz);
  const userOf = new Int32Array(nnz);
  for (let j = 0; j < n; j++) {
    for (let e = At.rowPtr[j]; e < At.rowPtr[j + 1]; e++) {
      const k = At.col[e];
      inputOf[e] = k;
      userOf[e] = j;
      aDom[e] = (1 - m[k]) * At.val[e];
      aImp[e] = m[k] * At.val[e];
    }
  }
  const targetDom = aDom.map((a, e) => p.inventoryDays * a * x0[userOf[e]]);
  const targetImp = aImp.map((a, e) => p.inventoryDays * a * x0[userOf[e]]);
  const stockDom = Float64Array.from(targetDom);
  const stockImp = Float64Array.from(targetImp);
  const orderDom = aDom.map((a, e) => a * x0[userOf[e]]);
  const arrivingDom = Float64Array.from(orderDom);
  const arrivingImp = aImp.map((a, e) => a * x0[userOf[e]]);
  const alpha = new Float64Array(n).fill(1);
  const demand = new Float64Array(n);
  const x = new Float64Array(n);

  const relativeOutput = new Float64Array(input.days * n);
  const outputLoss = new Float64Array(n);
  let worstDay = 0;
  let worstRelativeOutput = 1;
  const baselineTotal = x0.reduce((s, v) => s + v, 0);
  let lastDisturbedDay = -1;

  for (let day = 0; day < input.days; day++) {
    const capacity = input.capacity?.(day);
    const shortfall = input.importShortfall?.(day);
    for (let e = 0; e < nnz; e++) {
      stockDom[e] += arrivingDom[e];
      stockImp[e] += arrivingImp[e];
    }
    demand.set(fd0);
    for (let e = 0; e < nnz; e++) demand[inputOf[e]] += orderDom[e];
    for (let j = 0; j < n; j++) {
      let limit = Math.min(demand[j], alpha[j] * (capacity ? capacity[j] : 1) * x0[j]);
      for (let e = At.rowPtr[j]; e < At.rowPtr[j + 1]; e++) {
        if (aDom[e] > 0) limit = Math.min(limit, stockDom[e] / aDom[e]);
        if (aImp[e] > 0) limit = Math.min(limit, stockImp[e] / aImp[e]);
      }
      x[j] = Math.max(0, limit);
    }
    let total = 0;
    let disturbed = false;
    for (let j = 0; j < n; j++) {
      const relative = x0[j] > 0 ? x[j] / x0[j] : 1;
      relativeOutput[day * n + j] = relative;
      outputLoss[j] += x0[j] - x[j];
      total += x[j];
      if (Math.abs(relative - 1) > 1e-3) disturbed = true;
    }
    if (disturbed) lastDisturbedDay = day;
    if (baselineTotal > 0 && total / baselineTotal < worstRelativeOutput) {
      worstRelativeOutput = total / baselineTotal;
      worstDay = day;
    }
    for (let e = 0; e < nnz; e++) {
      const j = userOf[e];
      const k = inputOf[e];
      stockDom[e] = Math.max(0, stockDom[e] - aDom[e] * x[j]);
      stockImp[e] = Math.max(0, stockImp[e] - aImp[e] * x[j]);
      // Deliveries of today's production, rationed in proportion to the orders (Hallegatte 2008, eq. 5).
      arrivingDom[e] = demand[k] > 0 ? orderDom[e] * Math.min(1, x[k] / demand[k]) : 0;
      const planned = demand[j];
      orderDom[e] = Math.max(0, aDom[e] * planned + (targetDom[e] - stockDom[e]) / p.restockDays);
      const importOrder = Math.max(0, aImp[e] * planned + (targetImp[e] - stockImp[e]) / p.restockDays);
      arrivingImp[e] = importOrder * (1 - Math.min(1, Math.max(0, shortfall ? shortfall[k] : 0)));
    }
    for (let j = 0; j < n; j++) {
      const cap = alpha[j] * (capacity ? capacity[j] : 1) * x0[j];
      const target = demand[j] > cap * (1 + 1e-9) ? p.overproductionMax : 1;
      alpha[j] += (target - alpha[j]) / p.overproductionDays;
    }
  }
  const valueAddedLoss = outputLoss.map((l, j) => l * input.valueAddedCoefficient[j]);
  const recoveredDay =
    lastDisturbedDay < 0 ? 0 : lastDisturbedDay + 1 < input.days ? lastDisturbedDay + 1 : null;
  return {
    days: input.days,
    sectors: n,
    relativeOutput,
    outputLoss,
    valueAddedLoss,
    recoveredDay,
    worstDay,
    worstRelativeOutput,
  };
}
