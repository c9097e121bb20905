import type { FastifyPluginAsync } from 'fastify';
import { healthRoutes } from './health.ts';
import { datasetRoutes } from './datasets.ts';

/** Every route plugin, registered under /api. One plugin per resource. */
export const routePlugins: FastifyPluginAsync[] = [healthRoutes, datasetRoutes];
