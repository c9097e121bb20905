/**
 * Ownership chains (issue 21; docs/investment.md): BODS, GLEIF and CSV ownership files imported as a dataset
 * (atomic publish), read back as a typed-array graph, and the ultimate owners of an entity with effective shares,
 * paths, cycles and flags (state, country of concern, screening-list hits through the export-control matcher).
 */
export * from './ownershipDocument.ts';
export * from './ownershipImport.ts';
export * from './ownershipGraphStore.ts';
export * from './ownersReport.ts';
export * from './ownersService.ts';
export * from './jsonText.ts';
