/**
 * The screen family's route plugins: the supply-chain screen itself, the product dossier and minerals built on
 * it, and what a partner supplies a reporter. Their shared services and cached screens are in src/server/screens/.
 */
export { screenRoutes } from './screens.ts';
export { productRoutes } from './products.ts';
export { countrySupplyRoutes } from './countrySupplies.ts';
