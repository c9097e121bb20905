/**
 * Reference lists the analyses name things by: countries and their codes, country groups (built-in and stored),
 * the HS nomenclature and chapter names, HS revision concordance, the critical goods (defaults and the editable
 * registry), minerals ↔ HS, HS → input-output sectors, and critical technologies with their patent fields.
 */
export * from './concordance.ts';
export * from './countries.ts';
export * from './criticalGoods.ts';
export * from './criticalGoodsRegistry.ts';
export * from './groupStore.ts';
export * from './groups.ts';
export * from './hs.ts';
export * from './hsChapterNames.ts';
export * from './hsChapters.ts';
export * from './hsIoJapan13.ts';
export * from './mineralsHs.ts';
export * from './rememberedGroups.ts';
export * from './technologies.ts';
