/** Public-private dialogue records (官民対話; issue 24): the record, its validation and its store. */
export * from './dialogueRecord.ts';
export * from './dialogueStore.ts';
export * from './scenarioDraft.ts';
