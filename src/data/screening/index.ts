/**
 * The supply-chain screen and what builds on it: running a screen (one query over bilateral trade per reporter
 * × HS6), exporting it (CSV, XLSX, Parquet), product labels, the dossier of one product, what one partner
 * supplies a reporter, mine ▸ refine ▸ trade for minerals, and what a cached screen depends on in the state.
 */
export * from './countrySupplies.ts';
export * from './mineralsTrade.ts';
export * from './productDossier.ts';
export * from './productLabels.ts';
export * from './screen.ts';
export * from './screenExport.ts';
export * from './stateContext.ts';
