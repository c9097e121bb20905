import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { leakageReport } from '../../../data/identification/index.ts';
import { screenServicesOf } from '../../screens/screenServices.ts';
import { listOf, resultMarking } from './analysisResult.ts';
import { LeakageQuery, LeakageResponse } from './schemas.ts';

/**
 * /api/identification/leakage — of a reporter's sales to like-minded partners, the share that could pass on to
 * countries of concern if each partner passed the product on in proportion to its own exports (docs/identification.md).
 */
export const leakageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/identification/leakage',
    {
      config: {
        marks: 'result',
        authz: { kind: 'none', reason: 'derived from a trade dataset; marking checks in test/identification/api.test.ts' },
      },
      schema: {
        tags: ['identification'],
        summary: 'Leakage via like-minded partners: the share of sales that could pass on to countries of concern',
        querystring: LeakageQuery,
        response: { 200: LeakageResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const report = await leakageReport(screenServicesOf(app), {
        dataset: q.dataset,
        reporter: q.reporter,
        via: q.via,
        concern: q.concern,
        year: q.year,
        hs: listOf(q.hs) ?? [],
      });
      const parties = [report.reporter.marking, report.via.marking, report.concern.marking];
      return { ...report, marking: resultMarking(request, parties) };
    },
  );
};
