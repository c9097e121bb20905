/**
 * Firm-level supply-chain structure (issue 24, docs/network.md): companies' submissions of products, sites and
 * suppliers (templates, validation by row and column, all-or-nothing storage), supplier entities matched across
 * companies with proposals for uncertain matches, and the analyses (single points of failure, hidden
 * concentration, the graph) in the view a reader is entitled to — the ministry and the submitting company see
 * submissions, everyone else aggregates of at least three companies.
 */
export * from './templateColumns.ts';
export * from './templateFile.ts';
export * from './validateSubmission.ts';
export * from './submissionFile.ts';
export * from './submissionStore.ts';
export * from './proposalStore.ts';
export * from './networkAnalysis.ts';
export * from './importSubmission.ts';
export * from './hiddenTierEstimate.ts';
