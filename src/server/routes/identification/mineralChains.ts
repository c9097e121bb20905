import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { mineralChainReport } from '../../../data/identification/index.ts';
import { screenServicesOf } from '../../screens/screenServices.ts';
import { listOf, resultMarking } from './analysisResult.ts';
import { MineralChainsQuery, MineralChainsResponse } from './schemas.ts';

/**
 * /api/identification/mineral-chains — mine ▸ refine ▸ trade concentration by stage for the seed's seven minerals
 * and a reporter, side by side (docs/identification.md).
 */
const authz = {
  kind: 'none' as const,
  reason: 'derived from trade and minerals datasets; marking checks in test/identification/api.test.ts',
};

export const mineralChainRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/identification/mineral-chains',
    {
      config: { marks: 'result', authz },
      schema: {
        tags: ['identification'],
        summary: 'Mine ▸ refine ▸ trade: concentration at each stage of seven minerals’ chains, side by side',
        querystring: MineralChainsQuery,
        response: { 200: MineralChainsResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const report = await mineralChainReport(screenServicesOf(app), {
        dataset: q.dataset,
        reporter: q.reporter,
        year: q.year,
        minerals: listOf(q.mineral),
      });
      return { ...report, marking: resultMarking(request, [report.reporter.marking]) };
    },
  );
};
