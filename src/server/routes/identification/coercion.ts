import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { alternativePartners, coercionReport } from '../../../data/identification/index.ts';
import { screenServicesOf } from '../../screens/screenServices.ts';
import { listOf, resultMarking } from './analysisResult.ts';
import { AlternativesQuery, AlternativesResponse, CoercionQuery, CoercionResponse } from './schemas.ts';

/**
 * /api/identification/coercion — a reporter's exports to (or imports from) a potential coercer, product by
 * product, with how replaceable that market or supply is; /api/identification/alternatives — other importers (or
 * exporters) of one product ranked by the market the reporter does not serve yet (docs/identification.md).
 */
export const coercionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/identification/coercion',
    {
      config: {
        marks: 'result',
        authz: { kind: 'none', reason: 'derived from a trade dataset; marking checks in test/identification/api.test.ts' },
      },
      schema: {
        tags: ['identification'],
        summary: 'Coercion exposure: reliance on a coercer’s market (or supply) and how replaceable it is, by product',
        querystring: CoercionQuery,
        response: { 200: CoercionResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const report = await coercionReport(screenServicesOf(app), {
        dataset: q.dataset,
        reporter: q.reporter,
        coercer: q.coercer,
        year: q.year,
        direction: q.direction,
        hs: listOf(q.hs),
        critical: q.critical,
        parameters: {
          ...(q.minCoercerShare !== undefined ? { minCoercerShare: q.minCoercerShare } : {}),
          ...(q.maxAbsorption !== undefined ? { maxAbsorption: q.maxAbsorption } : {}),
          ...(q.maxAlternativeHhi !== undefined ? { maxAlternativeHhi: q.maxAlternativeHhi } : {}),
        },
      });
      return { ...report, marking: resultMarking(request, [report.reporter.marking, report.coercer.marking]) };
    },
  );

  app.get(
    '/identification/alternatives',
    {
      config: {
        marks: 'result',
        authz: { kind: 'none', reason: 'derived from a trade dataset; marking checks in test/identification/api.test.ts' },
      },
      schema: {
        tags: ['identification'],
        summary: 'Alternative markets (or suppliers) for one product, ranked by headroom, with growth and groups',
        querystring: AlternativesQuery,
        response: { 200: AlternativesResponse },
      },
    },
    async (request) => {
      const report = await alternativePartners(screenServicesOf(app), request.query);
      return {
        ...report,
        marking: resultMarking(request, [report.reporter.marking, report.coercer.marking, report.groupsMarking]),
      };
    },
  );
};
