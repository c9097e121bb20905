import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chokepointRoutes } from './chokepoints.ts';
import { seaRouteRoutes } from './route.ts';
import { exposureRoutes } from './exposure.ts';
import { mapLayerRoutes } from './mapLayers.ts';
import { maritimePortRoutes } from './ports.ts';

/**
 * /api/maritime — chokepoints (PRODUCT.md §3.3): the passages, port-to-port routes with closures, the chokepoint
 * exposure of a reporter's imports with a closure what-if, map layers, and the ports of the sea network; one
 * plugin per resource. Answers derive from the sea-network dataset (and the trade dataset for exposure): they
 * carry the join of those datasets' markings, and a user who may not read one gets 404 (docs/security.md).
 */
export const maritimeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(chokepointRoutes);
  await app.register(seaRouteRoutes);
  await app.register(exposureRoutes);
  await app.register(mapLayerRoutes);
  await app.register(maritimePortRoutes);
};
