/**
 * Export control and technology management (issue 20; docs/export-control.md): screening lists as versioned
 * datasets with their deltas, party and batch screening with decisions, the transaction (catch-all) check with
 * informs, prior reports, the circumvention monitor, product lists, and cases with their trail and documents.
 */
export * from './caseDocument.ts';
export * from './caseStore.ts';
export * from './circumventionMonitor.ts';
export * from './decisionStore.ts';
export * from './exportCheckService.ts';
export * from './informStore.ts';
export * from './listFormats/userCsv.ts';
export * from './listStore.ts';
export * from './marking.ts';
export * from './priorReports.ts';
export * from './productLists.ts';
export * from './rescreen.ts';
export * from './screeningService.ts';
