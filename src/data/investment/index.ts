/**
 * Inward investment screening under FEFTA (issue 21; docs/investment.md): the cited rules file, the case format
 * and the assessment with the investor's ownership chain (src/data/ownership/).
 */
export * from './feftaRuleFile.ts';
export * from './caseSchema.ts';
export * from './assessService.ts';
export * from './caseStore.ts';
