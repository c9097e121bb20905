/**
 * One importer per source format: each reads a publisher's files, checks them (errors name file, line and
 * field) and writes a dataset into the store and the catalog. Annual trade (BACI), exports and patents, USGS
 * minerals, the HS nomenclature, monthly trade (Comtrade, Japan Customs, any CSV by column map), Pink Sheet
 * prices, recorded events, and the input-output table readers (Japan, OECD ICIO).
 */
export * from './baci.ts';
export * from './comtradeMonthly.ts';
export * from './csvRecords.ts';
export * from './customsJapan.ts';
export * from './events.ts';
export * from './exports.ts';
export * from './hs.ts';
export * from './ioJapan.ts';
export * from './monthlyCsv.ts';
export * from './oecdIcio.ts';
export * from './patents.ts';
export * from './pinksheet.ts';
export * from './usgs.ts';
export * from './textEncoding.ts';
export * from './baciDuplicates.ts';
