import { provenanceOf, type Provenance } from '../catalog/catalog.ts';
import type { Row } from '../analytics/store.ts';
import { sqlString } from '../analytics/store.ts';
import { findTradeDataset, tradeSource } from '../catalog/tradeDataset.ts';
import { mineralsSource } from '../importers/usgs.ts';
import { mineralsForHs, mineralsHs, type MineralHs } from '../reference/mineralsHs.ts';
import { countryByBaciCode } from '../reference/countries.ts';
import type { ScreenServices } from './screen.ts';
import { shares } from '../../analysis/shares.ts';

/**
 * Mine ▸ refine ▸ trade (PRODUCT.md §3.2): for a mineral product, USGS world production shares by country next
 * to world export shares from trade data, flagging where the top exporter is not the top producer — the
 * refiner or trader is not the source (e.g. ores mined in one country and refined and exported by another).
 * Production shares are of USGS's world total for the year when it gives one, else of the listed countries.
 */
export interface ShareOf {
  iso3: string;
  value: number;
  share: number;
}

export interface MineralTradeView {
  commodity: string;
  type: string;
  stage: 'mine' | 'refine';
  unit: string;
  hs6: string;
  match: MineralHs['match'];
  note?: string;
  productionYear: number;
  worldProduction: number | null;
  producers: ShareOf[];
  topProducer: string | null;
  topProducerShare: number | null;
  tradeYear: number;
  exporters: ShareOf[];
  topExporter: string | null;
  topExporterShare: number | null;
  exporterIsNotProducer: boolean;
  provenance: { production: Provenance; trade: Provenance };
}

interface ProdRow extends Row {
  commodity: string;
  type: string;
  unit: string;
  iso3: string | null;
  row_kind: string;
  prod_2023: number | null;
  prod_2024: number | null;
}

interface ExportRow extends Row {
  k: string;
  i: number;
  v: number;
}

/** Views for one HS6 (empty when it is not a mapped mineral or no minerals dataset is imported), or all. */
export async function mineralView(services: ScreenServices, hs6: string | 'ALL', year: number, tradeDataset?: string): Promise<MineralTradeView[]> {
  const mineralsEntry = services.catalog.ofKind('minerals')[0];
  if (!mineralsEntry) return [];
  const mappings = hs6 === 'ALL' ? [...mineralsHs] : mineralsForHs(hs6);
  if (mappings.length === 0) return [];
  const tradeEntry = findTradeDataset(services.catalog, tradeDataset);
  const tradeYears = tradeEntry.years ?? [];
  const tradeYear = tradeYears.includes(year) ? year : Math.max(...tradeYears.filter((y) => y <= year), ...tradeYears.slice(0, 1));
  const commodities = [...new Set(mappings.map((m) => m.commodity))];
  const prod = await services.analytics.query<ProdRow>(
    `SELECT commodity, type, unit, iso3, row_kind, prod_2023, prod_2024 FROM ${mineralsSource(services.dataDir, mineralsEntry)}
     WHERE commodity IN (${commodities.map(sqlString).join(', ')})`,
  );
  const codes = [...new Set(mappings.flatMap((m) => (hs6 === 'ALL' ? m.hs6 : [hs6])))];
  const exportsRows = await services.analytics.query<ExportRow>(
    `SELECT k, i, sum(v) AS v FROM ${tradeSource(services.dataDir, tradeEntry)}
     WHERE t = $1 AND k IN (${codes.map(sqlString).join(', ')}) GROUP BY ALL HAVING sum(v) > 0`,
    [tradeYear],
  );
  const out: MineralTradeView[] = [];
  for (const m of mappings) {
    const series = prod.filter((r) => r.commodity === m.commodity && m.type.test(r.type));
    if (series.length === 0) continue;
    const productionYear = series.some((r) => r.prod_2024 !== null && r.row_kind === 'country') ? 2024 : 2023;
    const value = (r: ProdRow) => (productionYear === 2024 ? r.prod_2024 : r.prod_2023);
    const world = series.find((r) => r.row_kind === 'world' && value(r) !== null);
    const byCountry = new Map<string, number>();
    for (const r of series) if (r.row_kind === 'country' && r.iso3 && (value(r) ?? 0) > 0) byCountry.set(r.iso3, (byCountry.get(r.iso3) ?? 0) + value(r)!);
    const producerList = [...byCountry.entries()].sort((a, b) => b[1] - a[1]);
    const worldProduction = world ? value(world) : null;
    const denominator = worldProduction ?? producerList.reduce((a, [, v]) => a + v, 0);
    const producers = producerList.map(([iso3, v]) => ({ iso3, value: v, share: denominator > 0 ? v / denominator : 0 }));
    for (const code of hs6 === 'ALL' ? m.hs6 : [hs6]) {
      const byExporter = new Map<string, number>();
      for (const r of exportsRows) {
        if (r.k !== code) continue;
        const iso3 = countryByBaciCode(r.i)?.iso3 ?? String(r.i);
        byExporter.set(iso3, (byExporter.get(iso3) ?? 0) + r.v);
      }
      const exporterList = [...byExporter.entries()].sort((a, b) => b[1] - a[1]);
      const s = shares(exporterList.map(([, v]) => v));
      const exporters = exporterList.map(([iso3, v], n) => ({ iso3, value: v * 1000, share: s[n] }));
      const topProducer = producers[0]?.iso3 ?? null;
      const topExporter = exporters[0]?.iso3 ?? null;
      out.push({
        commodity: m.commodity,
        type: series[0].type,
        stage: m.stage,
        unit: series[0].unit,
        hs6: code,
        match: m.match,
        note: m.note,
        productionYear,
        worldProduction,
        producers,
        topProducer,
        topProducerShare: producers[0]?.share ?? null,
        tradeYear,
        exporters,
        topExporter,
        topExporterShare: exporters[0]?.share ?? null,
        exporterIsNotProducer: topProducer !== null && topExporter !== null && topProducer !== topExporter,
        provenance: { production: provenanceOf(mineralsEntry), trade: provenanceOf(tradeEntry) },
      });
    }
  }
  return out;
}
