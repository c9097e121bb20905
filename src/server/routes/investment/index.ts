import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ownershipRoutes } from './ownership.ts';
import { investmentAssessmentRoutes } from './assessments.ts';
import { investmentCaseRoutes } from './cases.ts';

/** Ownership chains and inward investment screening (issue 21), one plugin per resource. */
export const investmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const plugin of [ownershipRoutes, investmentAssessmentRoutes, investmentCaseRoutes])
    await app.register(plugin);
};
