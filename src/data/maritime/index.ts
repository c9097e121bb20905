/**
 * Maritime exposure: importing the sea-lane network, routes between ports with passages closed, the
 * partner → reporter route table, and the report of which imports pass which chokepoints.
 */
export * from './countryRouteCache.ts';
export * from './exposureReport.ts';
export * from './importSeaNetwork.ts';
export * from './seaRoutes.ts';
