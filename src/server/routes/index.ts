import type { FastifyPluginAsync } from 'fastify';
import { healthRoutes } from './health.ts';
import { datasetRoutes } from './datasets.ts';
import { authRoutes } from './auth.ts';

/** Every route plugin, registered under /api. One plugin per resource. */
export const routePlugins: FastifyPluginAsync[] = [healthRoutes, authRoutes, datasetRoutes];
