/**
 * Fetching a dataset its manifest describes: from the mirror or by download, checked against the manifest's
 * checksums, then imported (and any dataset derived from it) into the catalog.
 */
export * from './fetchDataset.ts';
