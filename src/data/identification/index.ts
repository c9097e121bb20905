/**
 * Identification beyond disruption (issue 25): the auditing service that edits the registry of critical goods and
 * technologies (and keeps the early-warning lists in line); coercion exposure of exports and imports and the
 * alternative-partner finder; overcapacity signals (import surges at falling unit values, annual and monthly, and
 * suppliers' world export share growth); leakage via like-minded partners; mine ▸ refine ▸ trade
 * concentration by stage; the risk register (four risk types, judgements with evidence, links to the analyses).
 */
export * from './alternativePartners.ts';
export * from './coercionReport.ts';
export * from './leakage.ts';
export * from './mineralChainReport.ts';
export * from './monthlySurges.ts';
export * from './overcapacity.ts';
export * from './registryService.ts';
export * from './riskEvidence.ts';
export * from './riskRegister.ts';
export * from './tradeScope.ts';
