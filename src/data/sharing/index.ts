/** Sharing analyses (issue 24): shared results with their snapshots and recipients, signed links, documents. */
export * from './shareStore.ts';
export * from './shareLinks.ts';
export * from './shareDocument.ts';
export * from './snapshotMarkings.ts';
