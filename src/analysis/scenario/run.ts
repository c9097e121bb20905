import type { Highs } from 'highs';
import type { ScenarioDefinition } from './definition.ts';
import type { TradeBase } from './tradeBase.ts';
import type { Concordance } from './concordance.ts';
import { affectedProducts, type AffectedProduct } from './affectedProducts.ts';
import { flowCuts } from './directLoss.ts';
import { replaceByClosedForm, replaceByLp } from './replacement.ts';
import { drawDownStock, lastShockEnd, timeToRecover } from './survival.ts';
import { addUnmetImports, emptyShortfall, productSectors } from './sectorShortfall.ts';
import { propagateDynamic, propagateStatic, totalRelativeOutput, type PreparedTable } from './propagation.ts';
import { centralParameters, drawParameters, stockRanges, type Parameters } from './parameters.ts';
import { seededRandom, type Range } from './random.ts';
import { emptySummary, type ProductRun, type Run } from './runSummary.ts';
import { bindingProducts, productResults, productTotals } from './productResults.ts';
import { economyResult } from './economyResult.ts';
import { scenarioAssumptions } from './assumptions.ts';
import type { ScenarioResult } from './result.ts';

export type {
  EconomyResult,
  PartnerAmount,
  ProductMonth,
  ProductResult,
  ScenarioResult,
  SectorResult,
} from './result.ts';

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

export async function runScenario(inputs: ScenarioRunInputs): Promise<ScenarioResult> {
  const { definition, trade, io } = inputs;
  const months = Math.ceil(definition.horizon - 1e-9);
  const affected = affectedProducts(definition, trade);
  const sectors = io ? productSectors(io.concordance, affected) : [];
  const stock = stockRanges(definition, affected);
  const central = runOnce(inputs, affected, sectors, months, centralParameters(definition, stock), true);
  const draws = await monteCarlo(inputs, affected, sectors, months, stock);
  const products = productResults(affected, central, draws, trade, months);
  const result: ScenarioResult = {
    name: definition.name,
    nameJa: definition.nameJa,
    reporter: { iso3: definition.reporter.iso3, en: definition.reporter.en, ja: definition.reporter.ja },
    year: trade.year,
    horizonMonths: definition.horizon,
    units: { trade: 'thousand USD', quantity: 'tonnes', sectors: io?.prepared.table.unit },
    totals: productTotals(affected, central, draws),
    products,
    bindingProducts: bindingProducts(products),
    monteCarlo: { ...definition.monteCarlo },
    assumptions: scenarioAssumptions(definition, io),
  };
  const economy = io ? economyResult(io.prepared, central, draws) : undefined;
  if (economy) result.economy = economy;
  return result;
}

/** The seeded draws, each a run with parameters drawn from their ranges; progress every ten draws. */
async function monteCarlo(
  inputs: ScenarioRunInputs,
  affected: readonly AffectedProduct[],
  sectors: readonly number[],
  months: number,
  stock: readonly Range[],
): Promise<Run[]> {
  const { definition } = inputs;
  const random = seededRandom(definition.monteCarlo.seed);
  const draws: Run[] = [];
  const total = definition.monteCarlo.draws;
  for (let d = 0; d < total; d++) {
    const params = drawParameters(definition, stock, random);
    draws.push(runOnce(inputs, affected, sectors, months, params, false));
    if ((d + 1) % 10 === 0 || d + 1 === total) {
      inputs.onProgress?.(d + 1, total);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return draws;
}

/**
 * One pass of the pipeline with one set of parameters. The central run keeps each product's monthly detail and
 * the ARIO timeline; a draw keeps totals only (no monthly arrays per draw).
 */
function runOnce(
  inputs: ScenarioRunInputs,
  affected: readonly AffectedProduct[],
  sectors: readonly number[],
  months: number,
  params: Parameters,
  central: boolean,
): Run {
  const { definition, io } = inputs;
  const { shocks } = definition;
  // 1. Direct loss: the share of a reached flow the shocks cut, month by month.
  const cutAt = flowCuts(shocks, params.share, params.duration, params.rampUp, months);
  const summary = emptySummary(affected.length);
  const shortfall = emptyShortfall(io ? io.prepared.table.sectors.length : 0, io ? months : 0);
  // Thousand USD → table units (million of the table's currency): × rate / 1000.
  const toTable = definition.propagation.exchangeRate / 1000;
  /** 3. Stock drawdown, TTS/TTR and the sectors' unmet imports of product k, from its monthly loss and replacement. */
  const settle = (
    k: number,
    lost: Float64Array,
    replaced: Float64Array,
    drawn: Float64Array,
    unmet: Float64Array,
  ) => {
    const stock = (params.stockDays[k] / 365) * affected[k].totalImports;
    drawDownStock(summary, k, stock, lost, replaced, months, drawn, unmet);
    summary.timeToRecover[k] = timeToRecover(
      lastShockEnd(affected[k].shocks, shocks, params.duration),
      params.rampUp,
    );
    if (io) addUnmetImports(shortfall, sectors[k], unmet, months, toTable);
  };
  let products: ProductRun[] | undefined;
  if (central) {
    // 2. Reallocation: the LP over every product-month (HiGHS), with the detail by month and partner.
    const replacement = replaceByLp(
      inputs.highs,
      affected,
      months,
      cutAt,
      params,
      definition.substitution.likeMindedFirst,
    );
    products = replacement.map((r) => ({
      ...r,
      drawn: new Float64Array(months),
      unmet: new Float64Array(months),
    }));
    products.forEach((run, k) => settle(k, run.lost, run.replaced, run.drawn, run.unmet));
  } else {
    // 2. Reallocation in closed form, product by product, in monthly arrays reused from one product to the next.
    const lost = new Float64Array(months);
    const replaced = new Float64Array(months);
    const drawn = new Float64Array(months);
    const unmet = new Float64Array(months);
    for (let k = 0; k < affected.length; k++) {
      replaceByClosedForm(affected[k], months, cutAt, params, lost, replaced);
      settle(k, lost, replaced, drawn, unmet);
    }
  }
  if (!io) return { summary, products };
  // 4. Static propagation over the horizon: Leontief, inoperability, Ghosh.
  const s = propagateStatic(io.prepared, shortfall.total, months);
  // 5. ARIO, day by day, with industry inventories.
  const ario = propagateDynamic(io.prepared, shortfall.byMonth, params.inventoryDays);
  summary.economy = {
    ...s,
    arioOutputLoss: ario.outputLoss,
    arioValueAddedLoss: ario.valueAddedLoss,
    worstRelativeOutput: ario.worstRelativeOutput,
    totalRelative: totalRelativeOutput(ario, io.prepared.table.output),
  };
  return { summary, products, ario: central ? ario : undefined };
}
