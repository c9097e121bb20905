import type { ApiResponse } from '../../api/schema.ts';

/**
 * The pure parts of the early-warning setup page (#/ews/setup): the monthly CSV's mapping as the import routes
 * take it, a dataset id offered from the file's name, and what an item's coverage says.
 */
export type UploadPreview = ApiResponse<'POST /api/ews/imports/preview'>;
export type ColumnMap = UploadPreview['guess'];
export type MapKey = keyof ColumnMap;
export type ListedItem = ApiResponse<'GET /api/ews/items'>['items'][number];
export type Coverage = ListedItem['coverage'];

/** The mapping's fields in the order the form shows them; the first four are required. */
export const mapKeys: MapKey[] = ['period', 'partner', 'hs', 'value', 'quantity', 'unit', 'reporter', 'flow'];
export const requiredMapKeys: MapKey[] = ['period', 'partner', 'hs', 'value'];

export interface UploadDraft {
  fileName: string;
  text: string;
  map: ColumnMap;
  /** Reporter of every row (ISO3) when no column is mapped to it. */
  reporter: string;
  flow: '' | 'import' | 'export';
  unit: string;
  valueUnit: string;
}

/** The body of the preview and import routes: empty fields left out, the reporter in capitals. */
export function uploadBody(d: UploadDraft) {
  const map: ColumnMap = {};
  for (const k of mapKeys) if (d.map[k]) map[k] = d.map[k];
  return {
    fileName: d.fileName,
    text: d.text,
    map,
    ...(d.reporter.trim() && !map.reporter ? { reporter: d.reporter.trim().toUpperCase() } : {}),
    ...(d.flow && !map.flow ? { flow: d.flow } : {}),
    ...(d.unit.trim() ? { unit: d.unit.trim() } : {}),
    ...(d.valueUnit.trim() ? { valueUnit: d.valueUnit.trim() } : {}),
  };
}

/** True when the mapping names the four required columns, so the preview can show the rows kept. */
export function mappingComplete(map: ColumnMap): boolean {
  return requiredMapKeys.every((k) => !!map[k]);
}

/** "China exports 2024.csv" → "china-exports-2024": a dataset id the import route accepts. */
export function datasetIdOf(fileName: string): string {
  const id = fileName
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '')
    .slice(0, 64);
  return id || 'monthly';
}

/** Items whose scan would find nothing, for the page's warning. */
export function itemsWithoutData(items: readonly ListedItem[]): ListedItem[] {
  return items.filter((i) => i.coverage !== 'ok');
}
