import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { networkSubmissionRoutes } from './submissions.ts';
import { networkAnalysisRoutes } from './analyses.ts';
import { networkProposalRoutes } from './proposals.ts';
import { networkTemplateRoutes } from './template.ts';

/** Firm-level supply-chain structure (issue 24), one plugin per resource. */
export const networkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const plugin of [
    networkSubmissionRoutes,
    networkAnalysisRoutes,
    networkProposalRoutes,
    networkTemplateRoutes,
  ])
    await app.register(plugin);
};
