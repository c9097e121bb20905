/**
 * Tabletop exercises (PRODUCT.md §3.5): exercises with their injects and participants, template exercises made
 * from a scenario run, live sessions (event log, decisions, scores, questionnaire answers), the outcomes of the
 * scenario run again with the decisions applied, signed report links, and the OpenAEV import. The after-action
 * report's PDF and XLSX writers (report.ts builds the document; the tech dossier's writers render it) are loaded
 * on demand: import report.ts directly.
 */
export * from './exerciseStore.ts';
export * from './openaevFile.ts';
export * from './outcomes.ts';
export * from './reportLinks.ts';
export * from './sessionStore.ts';
export * from './templateExercise.ts';
