/**
 * Reference lists the analyses name things by: countries and their codes, country groups (built-in and stored),
 * the HS nomenclature and chapter names, HS revision concordance, the registry of critical goods and technologies
 * (shipped defaults, the items the seed names, the editable store with its history, the four technology domains),
 * minerals ↔ HS and the mine ▸ refine ▸ trade chains, HS → input-output sectors, and patent fields.
 */
export * from './concordance.ts';
export * from './countries.ts';
export * from './criticalGoods.ts';
export * from './criticalGoodsRegistry.ts';
export * from './domains.ts';
export * from './groupStore.ts';
export * from './groups.ts';
export * from './hs.ts';
export * from './hsChapterNames.ts';
export * from './hsChapters.ts';
export * from './hsIoJapan13.ts';
export * from './identifiedItems.ts';
export * from './mineralChains.ts';
export * from './mineralsHs.ts';
export * from './registryDefaults.ts';
export * from './registryStore.ts';
export * from './rememberedGroups.ts';
export * from './technologies.ts';
