/**
 * Shock scenarios: reading a scenario file, saved scenarios and their runs, input-output tables, and running a
 * scenario on the data (trade base, passage exposure and IO concordance are loaded inside this folder).
 */
export * from './concordanceFile.ts';
export * from './ioTables.ts';
export * from './resultCsv.ts';
export * from './scenarioFile.ts';
export * from './scenarioService.ts';
export * from './scenarioStore.ts';
