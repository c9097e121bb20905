import { defaultOvercapacityParameters, type OvercapacityParameters } from './parameters.ts';

/**
 * Import (or export) surges at falling unit values — the trade signature of overcapacity pushed abroad: more
 * volume sold for less per unit (the seed's example: solar modules, 2023–24; China's customs reports call it
 * 量増価減, "volume up, price down"). The legal tests of injurious dumping look for the same pair: "a significant
 * increase in dumped imports, either in absolute terms or relative to production or consumption" and whether
 * prices are undercut or "depress[ed] … to a significant degree" (WTO Anti-Dumping Agreement, Art. 3.2; increased
 * quantities also in the Agreement on Safeguards, Art. 2.1). Structural overcapacity sustained by state support is
 * the concern (Rhodium Group, Boullenois, Kratz & Rosen, "Overcapacity at the Gate", March 2024).
 *
 * For periods t and t − lag (annual: lag 1; monthly: trailing twelve-month sums compared with the twelve months
 * before, see trailingYear.ts), with value V and quantity Q:
 *
 *   volumeGrowth     g_Q = Q_t / Q_{t−lag} − 1
 *   unitValueChange  g_U = (V_t / Q_t) / (V_{t−lag} / Q_{t−lag}) − 1
 *   surge            g_Q ≥ minVolumeGrowth and g_U ≤ −minUnitValueFall
 *
 * Without quantities (e.g. a BACI extract without q) unit values are unknown: the point says so and no surge is
 * flagged — value growth alone cannot tell a price rise from a volume rise.
 */
export interface TradePoint {
  period: string;
  value: number;
  /** Quantity (tonnes, kg …, one unit throughout); null when not published. */
  quantity: number | null;
}

export interface SurgePoint {
  period: string;
  /** The period compared with. */
  base: string;
  value: number;
  valueGrowth: number | null;
  volumeGrowth: number | null;
  unitValue: number | null;
  unitValueChange: number | null;
  surge: boolean;
  /** Why no judgement was made, when none was. */
  missing: 'no-quantity' | 'small-base' | null;
}

const ratio = (a: number, b: number): number | null => (b > 0 && Number.isFinite(a) ? a / b - 1 : null);

/** Every period compared with the one `lag` places before it (points in time order, one per period). */
export function surgesAtFallingUnitValue(
  points: readonly TradePoint[],
  lag = 1,
  parameters: OvercapacityParameters = defaultOvercapacityParameters,
): SurgePoint[] {
  const out: SurgePoint[] = [];
  for (let t = lag; t < points.length; t++) {
    const now = points[t];
    const before = points[t - lag];
    const hasQuantity =
      now.quantity !== null && before.quantity !== null && now.quantity > 0 && before.quantity > 0;
    const unitValue = hasQuantity ? now.value / now.quantity! : null;
    const unitBefore = hasQuantity ? before.value / before.quantity! : null;
    const volumeGrowth = hasQuantity ? ratio(now.quantity!, before.quantity!) : null;
    const unitValueChange = unitValue !== null && unitBefore !== null ? ratio(unitValue, unitBefore) : null;
    const smallBase = !(before.value > parameters.minBaseValue);
    out.push({
      period: now.period,
      base: before.period,
      value: now.value,
      valueGrowth: ratio(now.value, before.value),
      volumeGrowth,
      unitValue,
      unitValueChange,
      surge:
        !smallBase &&
        volumeGrowth !== null &&
        unitValueChange !== null &&
        volumeGrowth >= parameters.minVolumeGrowth &&
        unitValueChange <= -parameters.minUnitValueFall,
      missing: smallBase ? 'small-base' : hasQuantity ? null : 'no-quantity',
    });
  }
  return out;
}
