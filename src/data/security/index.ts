/**
 * Who may do and read what: users, organisations, roles and permissions, dataset markings, API tokens, the
 * hash-chained audit log, the anonymous consultation desk, and the secrets behind them (password hashes, tokens).
 */
export * from './apiTokens.ts';
export * from './auditLog.ts';
export * from './consultation.ts';
export * from './datasetMarkings.ts';
export * from './markingSql.ts';
export * from './organisations.ts';
export * from './roles.ts';
export * from './secrets.ts';
export * from './signIn.ts';
export * from './signedLinks.ts';
export * from './users.ts';
export * from './loginDevices.ts';
export * from './loginThrottle.ts';
export * from './readContext.ts';
export * from './requestCounts.ts';
