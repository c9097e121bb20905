/**
 * Early warning: monitored lists and items (the critical-goods lists follow the registry), alerts and their lifecycle, the monthly trade and price series they
 * are scanned on (importers' common result, the series store, value units), scanning an item or a file, and
 * the scheduler that scans at each item's cadence and notifies (webhook, e-mail: internal to this folder).
 */
export * from './criticalGoodsList.ts';
export * from './eventStore.ts';
export * from './ewsState.ts';
export * from './itemCoverage.ts';
export * from './itemLists.ts';
export * from './itemScan.ts';
export * from './monthlyImport.ts';
export * from './monthlyUpload.ts';
export * from './ruleSetStore.ts';
export * from './scanFile.ts';
export * from './scheduler.ts';
export * from './seriesStore.ts';
export * from './valueUnit.ts';
