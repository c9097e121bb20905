/**
 * The data directory and what is in it: its layout and atomic writes (DataDir), the catalog of datasets (one
 * entry per dataset, with provenance), and choosing and reading the annual trade datasets the analyses run on.
 */
export * from './catalog.ts';
export * from './dataDir.ts';
export * from './makeDirectory.ts';
export * from './moveIntoPlace.ts';
export * from './tradeDataset.ts';
export * from './tradeProducts.ts';
export * from './engineLoad.ts';
