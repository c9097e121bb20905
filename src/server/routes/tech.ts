import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { assertReadable, datasetMarking, MarkingSchema } from '../security/markings.ts';
import { ChokepointError } from '../../errors.ts';
import { provenanceOf } from '../../data/catalog/index.ts';
import { resolveCountry } from '../../data/reference/index.ts';
import {
  findPatentDataset,
  patentFields,
  rcaReport,
  rtaReport,
  findExportDataset,
} from '../../data/tech/index.ts';
import { ProvenanceSchema } from '../provenanceSchema.ts';

/**
 * /api/tech — technology indicators: patent fields, RTA of every country in a field with concentration and
 * growth (Soete & Wyatt 1983; ASPI), and Balassa RCA of a reporter per product. Each answer carries its
 * dataset's provenance and marking; a dataset the user may not read answers 404.
 */
const N = Type.Union([Type.Number(), Type.Null()]);
const RtaQuery = Type.Object({
  field: Type.String({
    minLength: 1,
    maxLength: 100,
    description: 'source/field, e.g. uspto/semiconductors',
  }),
  window: Type.Optional(Type.Integer({ minimum: 2, maximum: 50 })),
  dataset: Type.Optional(Type.String({ maxLength: 64 })),
  world: Type.Optional(
    Type.Union([Type.Literal('published'), Type.Literal('sum')], {
      description:
        "world of the RTA: the publisher's World rows (default, where the dataset has them) or the sum over the listed countries",
    }),
  ),
});
const WorldCounts = Type.Object({ field: Type.Number(), allFields: Type.Number() });
const WorldBasis = Type.Union([Type.Literal('published'), Type.Literal('sum')]);
const RcaQuery = Type.Object({
  reporter: Type.String({ minLength: 2, maxLength: 64 }),
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
  products: Type.Optional(Type.String({ maxLength: 2000, description: 'comma-separated product codes' })),
  dataset: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 100 })),
});

/** Every route here derives its body from a patents dataset (marked like it). */
const fromPatents = {
  marks: 'result' as const,
  authz: {
    kind: 'none' as const,
    reason: 'derived from a patents dataset; marking checks in test/tech/api.test.ts',
  },
};

export const techRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const readableDataset = async (request: Parameters<typeof assertReadable>[0], id: string) => {
    const marking = await datasetMarking(app, id);
    assertReadable(request, marking, 'dataset', { field: 'dataset' });
    return marking;
  };

  app.get(
    '/tech/fields',
    {
      config: fromPatents,
      schema: {
        tags: ['tech'],
        summary: 'Patent fields present (source/field, years, countries)',
        querystring: Type.Object({ dataset: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                source: Type.String(),
                field: Type.String(),
                firstYear: Type.Number(),
                lastYear: Type.Number(),
                countries: Type.Number(),
              }),
            ),
            provenance: ProvenanceSchema,
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request) => {
      const entry = findPatentDataset(app.services.catalog, request.query.dataset);
      const marking = await readableDataset(request, entry.id);
      return {
        items: await patentFields(app.services.analytics, app.services.dataDir, entry),
        provenance: provenanceOf(entry),
        marking,
      };
    },
  );

  app.get(
    '/tech/rta',
    {
      config: fromPatents,
      schema: {
        tags: ['tech'],
        summary:
          'RTA of every country in a patent field, with concentration (top share, lead ratio, countries to 75 %) and growth',
        querystring: RtaQuery,
        response: {
          200: Type.Object({
            source: Type.String(),
            field: Type.String(),
            year: Type.Number(),
            window: Type.Array(Type.Number()),
            method: Type.String(),
            world: Type.Object({
              requested: WorldBasis,
              used: WorldBasis,
              published: Type.Union([WorldCounts, Type.Null()]),
              sum: WorldCounts,
            }),
            worldCount: Type.Number(),
            worldGrowth: N,
            worldGrowthAllFields: N,
            topCountry: Type.Union([Type.String(), Type.Null()]),
            topShare: N,
            leadRatio: N,
            countriesTo75: N,
            hhi: N,
            items: Type.Array(
              Type.Object({ country: Type.String(), count: Type.Number(), share: N, rta: N, rtaTrend: N }),
            ),
            provenance: ProvenanceSchema,
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      // The marking first: a hidden dataset must not even say which fields it has.
      const marking = await readableDataset(request, findPatentDataset(app.services.catalog, q.dataset).id);
      const report = await rtaReport(app.services, {
        field: q.field,
        window: q.window,
        dataset: q.dataset,
        world: q.world,
      });
      const { dataset: _dataset, runnerUp: _runnerUp, ...rest } = report;
      return { ...rest, marking };
    },
  );

  app.get(
    '/tech/rca',
    {
      config: {
        marks: 'result',
        authz: {
          kind: 'none',
          reason: 'derived from an exports dataset; marking checks in test/tech/api.test.ts',
        },
      },
      schema: {
        tags: ['tech'],
        summary: 'Balassa RCA of a reporter per product, highest first',
        querystring: RcaQuery,
        response: {
          200: Type.Object({
            reporter: Type.String(),
            year: Type.Number(),
            productDigits: Type.Number(),
            method: Type.String(),
            coverage: Type.String(),
            total: Type.Number(),
            items: Type.Array(
              Type.Object({ product: Type.String(), exports: Type.Number(), rca: N, worldShare: N }),
            ),
            provenance: ProvenanceSchema,
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const reporter = resolveCountry(q.reporter)?.iso3;
      if (!reporter)
        throw new ChokepointError('unknown_code', `"${q.reporter}" is not a known country`, {
          field: 'reporter',
        });
      const marking = await readableDataset(request, findExportDataset(app.services.catalog, q.dataset).id);
      const report = await rcaReport(app.services, {
        reporter,
        year: q.year,
        dataset: q.dataset,
        products: q.products?.split(',').map((p) => p.trim()),
      });
      const { dataset: _dataset, products: _products, items, ...rest } = report;
      return { ...rest, total: items.length, items: items.slice(0, q.limit ?? 100), marking };
    },
  );
};
