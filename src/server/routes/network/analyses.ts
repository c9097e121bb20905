import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { joinMarkings } from '../../../analysis/marking.ts';
import {
  checkHs6,
  concentrationOf,
  graphOf,
  hiddenTierEstimate,
  loadNetwork,
  spofCsv,
  spofOf,
} from '../../../data/network/index.ts';
import { markingOfReads } from '../../../data/security/index.ts';
import { readerOf } from '../../security/markings.ts';
import { markingHeader } from '../../security/enforcement.ts';
import { networkAccessOf } from '../../network/access.ts';
import { screenServicesOf } from '../../screens/screenServices.ts';
import {
  ConcentrationReportSchema,
  GraphSchema,
  HiddenTierSchema,
  HsQuery,
  SpofReportSchema,
} from './schemas.ts';

/**
 * Analyses over companies' submissions (issue 24; docs/network.md § Methods): single points of failure, hidden
 * concentration and the graph to draw. The ministry sees every cell; anyone else the aggregate view (cells of ≥ 3
 * companies, complementary suppression: src/analysis/network/disclosure.ts), also in the CSV export. Every call
 * is audited with the product and the view.
 */
const aggregateReason =
  'aggregates count submissions of every organisation by level and compartments, suppressing cells below 3 companies; covered by test/network/disclosure.test.ts';

export const networkAnalysisRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;
  const load = async (request: FastifyRequest, what: string, details: Record<string, unknown>) => {
    const access = await networkAccessOf(request);
    const network = await loadNetwork(db(), { reader: readerOf(request), access });
    await app.audit(request, {
      action: 'read',
      objectType: 'network_analysis',
      objectId: what,
      marking: network.marking,
      details: { ...details, view: network.view },
    });
    return network;
  };
  const SpofQuery = Type.Object({
    hs: HsQuery,
    minShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  });

  app.get(
    '/network/spof',
    {
      config: { marks: 'result', authz: { kind: 'none', reason: aggregateReason } },
      schema: {
        tags: ['network'],
        summary:
          "Single points of failure of a product: suppliers, sites and ports whose loss cuts ≥ minShare of the companies' known supply",
        querystring: SpofQuery,
        response: { 200: SpofReportSchema },
      },
    },
    async (request) => {
      const hs = checkHs6(request.query.hs);
      const minShare = request.query.minShare ?? 0.2;
      const report = spofOf(await load(request, 'spof', { hs, minShare }), hs, minShare);
      return { ...report, marking: joinMarkings([report.marking, markingOfReads()]) };
    },
  );

  app.get(
    '/network/spof/export',
    {
      config: { marks: 'export', authz: { kind: 'none', reason: aggregateReason } },
      schema: {
        tags: ['network'],
        summary:
          'The single points of failure of a product as CSV (the same cells as the table, marking inside)',
        querystring: SpofQuery,
      },
    },
    async (request, reply) => {
      const hs = checkHs6(request.query.hs);
      const minShare = request.query.minShare ?? 0.2;
      const report = spofOf(await load(request, 'spof.export', { hs, minShare }), hs, minShare);
      const marking = joinMarkings([report.marking, markingOfReads()]);
      await app.audit(request, {
        action: 'export',
        objectType: 'network_analysis',
        objectId: `spof:${hs}`,
        marking,
      });
      return reply
        .header(markingHeader, JSON.stringify(marking))
        .header('content-disposition', `attachment; filename="spof-${hs}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(spofCsv({ ...report, marking }));
    },
  );

  app.get(
    '/network/concentration',
    {
      config: { marks: 'result', authz: { kind: 'none', reason: aggregateReason } },
      schema: {
        tags: ['network'],
        summary:
          "Hidden concentration of a product: tier-2+ suppliers and countries where companies' different tier-1s converge",
        querystring: Type.Object({ hs: HsQuery }),
        response: { 200: ConcentrationReportSchema },
      },
    },
    async (request) => {
      const hs = checkHs6(request.query.hs);
      const report = concentrationOf(await load(request, 'concentration', { hs }), hs);
      return { ...report, marking: joinMarkings([report.marking, markingOfReads()]) };
    },
  );

  app.get(
    '/network/graph',
    {
      config: { marks: 'result', authz: { kind: 'none', reason: aggregateReason } },
      schema: {
        tags: ['network'],
        summary:
          'The supply graph to draw, filtered by product, tier and supplier country (countries only outside the ministry)',
        querystring: Type.Object({
          hs: Type.Optional(HsQuery),
          tier: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
          country: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
        }),
        response: { 200: GraphSchema },
      },
    },
    async (request) => {
      const hs = request.query.hs ? checkHs6(request.query.hs) : undefined;
      const filter = { hs, tier: request.query.tier, country: request.query.country };
      const view = graphOf(await load(request, 'graph', filter), filter);
      return { ...view, marking: joinMarkings([view.marking, markingOfReads()]) };
    },
  );

  app.get(
    '/network/hidden-tiers',
    {
      config: { marks: 'result', authz: { kind: 'none', reason: aggregateReason } },
      schema: {
        tags: ['network'],
        summary:
          "Estimated tier-2 countries behind a tier-1 supplier in a country: the product's reported inputs × the country's imports of them",
        querystring: Type.Object({
          hs: HsQuery,
          country: Type.String({ pattern: '^[A-Z]{3}$' }),
          year: Type.Integer({ minimum: 1988, maximum: 2100 }),
          dataset: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: { 200: HiddenTierSchema },
      },
    },
    async (request) => {
      const hs = checkHs6(request.query.hs);
      const { country, year, dataset } = request.query;
      const network = await load(request, 'hidden-tiers', { hs, country, year });
      const estimate = await hiddenTierEstimate(screenServicesOf(app), network, {
        hs,
        country,
        year,
        dataset,
      });
      return { ...estimate, marking: joinMarkings([estimate.marking, markingOfReads()]) };
    },
  );
};
