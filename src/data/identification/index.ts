/**
 * Identification beyond disruption (issue 25): the auditing service that edits the registry of critical goods and
 * technologies (and keeps the early-warning lists in line), the risk register, coercion exposure, overcapacity
 * signals and mine ▸ refine ▸ trade concentration by stage.
 */
export * from './registryService.ts';
