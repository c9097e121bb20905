/**
 * Substitutability: M/X, the reporter's imports of a product over its exports of it (EU SWD(2021) 352;
 * CEPII Policy Brief 47, 2024: M/X > 1 means the reporter is a net importer and cannot simply redirect its own
 * exports). When X = 0 the ratio is unbounded; we report `noExports: true` and the stated value
 * `noExportsRatio` = 9999 — the value CEPII's GeoDep database imposes when exports are null — so JSON, CSV and
 * Parquet can carry it and any threshold below 9999 counts it as a net importer.
 */
export const noExportsRatio = 9999;

export interface ImportExportRatio {
  ratio: number;
  noExports: boolean;
}

export function importExportRatio(imports: number, exports: number): ImportExportRatio {
  if (exports > 0) return { ratio: imports / exports, noExports: false };
  return { ratio: imports > 0 ? noExportsRatio : 0, noExports: true };
}
