import { provenanceOf, type Provenance } from '../catalog/catalog.ts';
import { readMonthly } from '../ews/seriesStore.ts';
import type { ScreenServices } from '../screening/screen.ts';
import { aggregatePartners } from '../../analysis/ews/panel.ts';
import {
  surgesAtFallingUnitValue,
  type SurgePoint,
  type TradePoint,
} from '../../analysis/overcapacity/surge.ts';
import { trailingYear } from '../../analysis/overcapacity/trailingYear.ts';
import type { OvercapacityParameters } from '../../analysis/overcapacity/parameters.ts';
import { overcapacityParameters } from './overcapacity.ts';
import { ChokepointError } from '../../errors.ts';

/**
 * Surges at falling unit values in a monthly trade dataset (early-warning series: Comtrade, Japan Customs …):
 * one series — reporter, flow, product, one partner or all partners summed — as trailing twelve-month sums, each
 * month against the same month a year before (src/analysis/overcapacity/trailingYear.ts, surge.ts). Months the
 * dataset does not hold count as zero when its source says a missing month is zero; otherwise a gap is reported.
 * A row with a value but a zero quantity has its quantity unreported: the twelve months around it get no unit value.
 * The early-warning rule "volume surge at a falling unit value" watches the same signature month by month.
 */
export interface MonthlySurgeRequest {
  dataset: string;
  reporter: string;
  flow: 'import' | 'export';
  /** Product as stored in the dataset (HS code or the source's product label). */
  hs: string;
  /** One partner (as stored, e.g. ISO3); all partners summed when absent. */
  partner?: string;
  parameters?: Partial<OvercapacityParameters>;
}

export interface MonthlySurgeReport {
  dataset: string;
  reporter: string;
  flow: 'import' | 'export';
  hs: string;
  partner: string | null;
  unit: string | null;
  parameters: OvercapacityParameters;
  /** One point per month from the 24th on (a full year against the year before). */
  points: SurgePoint[];
  /** Months flagged. */
  surges: string[];
  provenance: Provenance;
}

function nextMonth(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export async function monthlySurges(
  services: ScreenServices,
  request: MonthlySurgeRequest,
): Promise<MonthlySurgeReport> {
  const entry = services.catalog.find(request.dataset);
  if (!entry || entry.kind !== 'trade-monthly') {
    throw new ChokepointError('not_found', `no monthly trade dataset "${request.dataset}"`, {
      field: 'dataset',
    });
  }
  const parameters = overcapacityParameters(request.parameters);
  const rows = (
    await readMonthly(services.dataDir, services.analytics, entry, {
      reporter: request.reporter,
      flow: request.flow,
      hs: request.hs,
      ...(request.partner ? { partner: request.partner } : {}),
    })
  ).filter((r) => request.partner || !aggregatePartners.has(r.partner));
  if (!rows.length) {
    throw new ChokepointError(
      'no_data',
      `no ${request.flow} series of ${request.reporter} for "${request.hs}" in ${entry.id}`,
      { field: 'hs' },
    );
  }
  const units = new Set(rows.map((r) => r.unit).filter((u) => u !== null));
  const byMonth = new Map<string, { value: number; quantity: number | null }>();
  for (const r of rows) {
    const m = byMonth.get(r.period) ?? { value: 0, quantity: 0 };
    m.value += r.value;
    // A shipment with a value and no quantity (0) is a quantity not reported, as in Comtrade's early rows.
    const quantity = r.quantity === 0 && r.value > 0 ? null : r.quantity;
    m.quantity = m.quantity === null || quantity === null || units.size > 1 ? null : m.quantity + quantity;
    byMonth.set(r.period, m);
  }
  const zero = (entry.extra as { missing?: string } | undefined)?.missing !== 'unknown';
  const periods = [...byMonth.keys()].sort();
  const months: TradePoint[] = [];
  for (let p = periods[0]; p <= periods[periods.length - 1]; p = nextMonth(p)) {
    const m = byMonth.get(p);
    if (m) months.push({ period: p, ...m });
    else if (zero) months.push({ period: p, value: 0, quantity: 0 });
    else
      throw new ChokepointError(
        'no_data',
        `${entry.id} has no ${p} for this series and a missing month is unknown there`,
        { field: 'period' },
      );
  }
  const points = surgesAtFallingUnitValue(trailingYear(months), 12, parameters);
  return {
    dataset: entry.id,
    reporter: request.reporter,
    flow: request.flow,
    hs: request.hs,
    partner: request.partner ?? null,
    unit: units.size === 1 ? [...units][0] : null,
    parameters,
    points,
    surges: points.filter((p) => p.surge).map((p) => p.period),
    provenance: provenanceOf(entry),
  };
}
