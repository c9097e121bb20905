/**
 * The application-state database (PostgreSQL dialect: embedded PGlite or a server; migrations/ applied in order),
 * the jobs table long operations report progress in, and the announcements of committed changes.
 */
export * from './db.ts';
export * from './embeddedStateFingerprint.ts';
export * from './jobStore.ts';
export * from './stateChanges.ts';
export * from './stateLock.ts';
