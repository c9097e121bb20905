import path from 'node:path';
import { ChokepointError } from '../../errors.ts';
import type { Catalog, CatalogEntry } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import { sqlString, type AnalyticsStore } from '../analytics/store.ts';
import { SqlBuilder } from '../analytics/sqlBuilder.ts';
import { tradeDatasetsByPreference, tradeSource } from '../catalog/tradeDataset.ts';
import { countryByBaciCode } from '../reference/countries.ts';
import type { ExportValue } from '../../analysis/tech/rca.ts';

/**
 * Exports by exporter × product for RCA and world supply shares, from an `exports` dataset (exporter × HS4 …)
 * or from bilateral trade (`trade-annual`, BACI layout: Σ over importers). Values in USD.
 */
export function findExportDataset(catalog: Catalog, id?: string): CatalogEntry {
  if (id) {
    const entry = catalog.get(id);
    if (entry.kind !== 'exports' && entry.kind !== 'trade-annual') {
      throw new ChokepointError(
        'bad_input',
        `dataset "${id}" is ${entry.kind}, not exports or annual trade`,
        { field: 'dataset' },
      );
    }
    return entry;
  }
  const entry = catalog.ofKind('exports')[0] ?? tradeDatasetsByPreference(catalog.list())[0];
  if (!entry) {
    throw new ChokepointError(
      'not_found',
      'no exports or trade dataset (fetch one: chokepoint data fetch world-exports-hs4, or import a file: chokepoint data import exports FILE, chokepoint data import baci FILE)',
      { field: 'dataset' },
    );
  }
  return entry;
}

export interface ExportYear {
  dataset: CatalogEntry;
  year: number;
  rows: ExportValue[];
  /** Digits of the product codes (4 for HS4, 6 for HS6). */
  productDigits: number;
  /** Distinct products: when far below the ~5,000 HS6 (or ~1,200 HS4) codes, RCA denominators cover only these. */
  products: number;
}

/** The exports of a year and the years present: DuckDB over an exports file, or the engine over annual trade. */
function exportsQueries(
  store: AnalyticsStore,
  dataDir: DataDir,
  entry: CatalogEntry,
): { rows: (year: number) => Promise<{ exporter: string; product: string; value: number }[]>; years: () => Promise<number[]> } {
  if (entry.kind === 'exports') {
    const src = `read_parquet(${sqlString(path.join(dataDir.datasetDir(entry), 'exports.parquet'))})`;
    return {
      rows: (year) => store.query(`SELECT exporter, product, value FROM ${src} WHERE year = $1`, [year]),
      years: async () =>
        (await store.query<{ year: number }>(`SELECT DISTINCT year FROM ${src} ORDER BY year`)).map((r) => Number(r.year)),
    };
  }
  const src = tradeSource(dataDir, entry, store);
  return {
    // BACI v is thousand USD; Σ over importers, in one order on every engine.
    rows: (year) => {
      const b = new SqlBuilder(store.dialect);
      return store.select(
        b.done(
          `SELECT ${b.dialect.cast('i', 'text')} AS exporter, k AS product, sum(v) * 1000 AS value FROM ${src} WHERE t = ${b.int(year)} GROUP BY i, k ORDER BY i, k`,
        ),
      );
    },
    years: async () =>
      (await store.select<{ year: number }>(new SqlBuilder(store.dialect).done(`SELECT DISTINCT t AS year FROM ${src} ORDER BY year`))).map(
        (r) => Number(r.year),
      ),
  };
}

export async function exportYear(
  store: AnalyticsStore,
  dataDir: DataDir,
  entry: CatalogEntry,
  year?: number,
): Promise<ExportYear> {
  const queries = exportsQueries(store, dataDir, entry);
  const years = await queries.years();
  const chosen = year ?? years[years.length - 1];
  if (!years.includes(chosen)) {
    throw new ChokepointError(
      'no_data',
      `dataset "${entry.id}" has no year ${chosen} (years: ${years.join(', ')})`,
      { field: 'year' },
    );
  }
  const raw = await queries.rows(chosen);
  const rows = raw.map((r) => ({
    // BACI numeric codes become ISO3; a code the table lacks stays visible as #code rather than vanishing.
    exporter:
      entry.kind === 'exports'
        ? r.exporter
        : (countryByBaciCode(Number(r.exporter))?.iso3 ?? `#${r.exporter}`),
    product: r.product,
    value: Number(r.value),
  }));
  const products = new Set(rows.map((r) => r.product));
  const digits = Math.max(...[...products].map((p) => p.length));
  return { dataset: entry, year: chosen, rows, productDigits: digits, products: products.size };
}

/**
 * The products of the data that carry the entry's HS6 codes: the codes themselves in HS6 data, their HS4
 * headings in HS4 data (a heading holds more than the good: say so where shown).
 */
export function basketOf(hs6: readonly string[], productDigits: number): Set<string> {
  return new Set(hs6.map((c) => c.slice(0, Math.min(productDigits, c.length))));
}

/** Whether RCA denominators (X_c, X_w) cover the whole of trade or only the products in the dataset. */
export function rcaCoverage(y: ExportYear): 'all-products' | 'dataset-products' {
  const full = y.productDigits <= 4 ? 1000 : 4000;
  return y.products >= full ? 'all-products' : 'dataset-products';
}
