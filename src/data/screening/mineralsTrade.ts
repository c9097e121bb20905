import { provenanceOf, type CatalogEntry, type Provenance } from '../catalog/catalog.ts';
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

export interface ProdRow extends Row {
  commodity: string;
  type: string;
  unit: string;
  iso3: string | null;
  row_kind: string;
  prod_2023: number | null;
  prod_2024: number | null;
}

export interface ExportRow extends Row {
  k: string;
  i: number;
  v: number;
}

/** USGS rows of some commodities (every series and country row, world totals included). */
export async function productionRows(services: ScreenServices, mineralsEntry: CatalogEntry, commodities: string[]): Promise<ProdRow[]> {
  return services.analytics.query<ProdRow>(
    `SELECT commodity, type, unit, iso3, row_kind, prod_2023, prod_2024 FROM ${mineralsSource(services.dataDir, mineralsEntry)}
     WHERE commodity IN (${commodities.map(sqlString).join(', ')})`,
  );
}

export interface ProductionShares {
  type: string;
  unit: string;
  year: number;
  world: number | null;
  producers: ShareOf[];
}

/**
 * Production shares of one series (the rows of one commodity whose type matches): of 2024 (USGS's estimate) when
 * a country has it, else of 2023; shares of USGS's world total when given, else of the countries listed.
 */
export function productionShares(rows: readonly ProdRow[], commodity: string, type: RegExp): ProductionShares | null {
  const series = rows.filter((r) => r.commodity === commodity && type.test(r.type));
  if (series.length === 0) return null;
  const year = series.some((r) => r.prod_2024 !== null && r.row_kind === 'country') ? 2024 : 2023;
  const value = (r: ProdRow) => (year === 2024 ? r.prod_2024 : r.prod_2023);
  const worldRow = series.find((r) => r.row_kind === 'world' && value(r) !== null);
  const byCountry = new Map<string, number>();
  for (const r of series) if (r.row_kind === 'country' && r.iso3 && (value(r) ?? 0) > 0) byCountry.set(r.iso3, (byCountry.get(r.iso3) ?? 0) + value(r)!);
  const list = [...byCountry.entries()].sort((a, b) => b[1] - a[1]);
  const world = worldRow ? value(worldRow) : null;
  const denominator = world ?? list.reduce((a, [, v]) => a + v, 0);
  return {
    type: series[0].type,
    unit: series[0].unit,
    year,
    world,
    producers: list.map(([iso3, v]) => ({ iso3, value: v, share: denominator > 0 ? v / denominator : 0 })),
  };
}

/** World exports (BACI v, thousand USD) by product and exporter code in one year. */
export async function worldExportRows(services: ScreenServices, tradeEntry: CatalogEntry, codes: string[], year: number): Promise<ExportRow[]> {
  return services.analytics.query<ExportRow>(
    `SELECT k, i, sum(v) AS v FROM ${tradeSource(services.dataDir, tradeEntry)}
     WHERE t = $1 AND k IN (${codes.map(sqlString).join(', ')}) GROUP BY ALL HAVING sum(v) > 0`,
    [year],
  );
}

/** Exporters of some codes taken together, by ISO3, largest first, with shares; values in USD. */
export function exporterShares(rows: readonly ExportRow[], codes: readonly string[]): ShareOf[] {
  const byExporter = new Map<string, number>();
  for (const r of rows) {
    if (!codes.includes(r.k)) continue;
    const iso3 = countryByBaciCode(r.i)?.iso3 ?? String(r.i);
    byExporter.set(iso3, (byExporter.get(iso3) ?? 0) + r.v);
  }
  const list = [...byExporter.entries()].sort((a, b) => b[1] - a[1]);
  const s = shares(list.map(([, v]) => v));
  return list.map(([iso3, v], n) => ({ iso3, value: v * 1000, share: s[n] }));
}

/** The trade year to use for `year`: itself when the dataset has it, else the latest before it, else the first. */
export function tradeYearFor(tradeEntry: CatalogEntry, year: number): number {
  const years = tradeEntry.years ?? [];
  return years.includes(year) ? year : Math.max(...years.filter((y) => y <= year), ...years.slice(0, 1));
}

/** Views for one HS6 (empty when it is not a mapped mineral or no minerals dataset is imported), or all. */
export async function mineralView(services: ScreenServices, hs6: string | 'ALL', year: number, tradeDataset?: string): Promise<MineralTradeView[]> {
  const mineralsEntry = services.catalog.ofKind('minerals')[0];
  if (!mineralsEntry) return [];
  const mappings = hs6 === 'ALL' ? [...mineralsHs] : mineralsForHs(hs6);
  if (mappings.length === 0) return [];
  const tradeEntry = findTradeDataset(services.catalog, tradeDataset);
  const tradeYear = tradeYearFor(tradeEntry, year);
  const prod = await productionRows(services, mineralsEntry, [...new Set(mappings.map((m) => m.commodity))]);
  const codes = [...new Set(mappings.flatMap((m) => (hs6 === 'ALL' ? m.hs6 : [hs6])))];
  const exportsRows = await worldExportRows(services, tradeEntry, codes, tradeYear);
  const out: MineralTradeView[] = [];
  for (const m of mappings) {
    const production = productionShares(prod, m.commodity, m.type);
    if (!production) continue;
    const producers = production.producers;
    for (const code of hs6 === 'ALL' ? m.hs6 : [hs6]) {
      const exporters = exporterShares(exportsRows, [code]);
      const topProducer = producers[0]?.iso3 ?? null;
      const topExporter = exporters[0]?.iso3 ?? null;
      out.push({
        commodity: m.commodity,
        type: production.type,
        stage: m.stage,
        unit: production.unit,
        hs6: code,
        match: m.match,
        note: m.note,
        productionYear: production.year,
        worldProduction: production.world,
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
