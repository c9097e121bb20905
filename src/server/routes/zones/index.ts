/**
 * The zone routes' plugins: every critical good and technology placed in a zone (with overrides, rules and the
 * dossier), and the policy toolkit and map built on the zones. Their services are in src/server/tech/.
 */
export { zoneRoutes } from './zones.ts';
export { policyRoutes } from './policy.ts';
