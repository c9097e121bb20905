import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { registryEntryRoutes } from './registryEntries.ts';
import { registryDomainRoutes } from './registryDomains.ts';
import { coercionRoutes } from './coercion.ts';
import { overcapacityRoutes } from './overcapacity.ts';
import { mineralChainRoutes } from './mineralChains.ts';
import { leakageRoutes } from './leakage.ts';
import { riskRegisterRoutes } from './riskRegister.ts';

/**
 * Identification beyond disruption (issue 25), one plugin per resource: the registry of critical goods and
 * technologies and its domains, coercion exposure and alternatives, overcapacity signals, mine ▸ refine ▸ trade,
 * leakage, and the risk register.
 */
export const identificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const plugin of [
    registryEntryRoutes,
    registryDomainRoutes,
    coercionRoutes,
    overcapacityRoutes,
    mineralChainRoutes,
    leakageRoutes,
    riskRegisterRoutes,
  ])
    await app.register(plugin);
};
