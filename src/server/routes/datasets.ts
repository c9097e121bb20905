import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { datasetMarkings, filterReadable, MarkingSchema, readableDataset } from '../security/markings.ts';
import { publicMarking } from '../../analysis/marking.ts';
import { cachedCatalogOf } from '../catalogCache.ts';
import { tradeDatasetsByPreference, tradeProducts } from '../../data/catalog/index.ts';

export const DatasetSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  publisher: Type.String(),
  url: Type.Optional(Type.String()),
  version: Type.String(),
  licence: Type.Optional(Type.String()),
  source: Type.String(),
  retrievedAt: Type.String(),
  importedAt: Type.String(),
  synthetic: Type.Boolean(),
  rows: Type.Number(),
  rejectedRows: Type.Number(),
  years: Type.Optional(Type.Array(Type.Number())),
  hs: Type.Optional(Type.String()),
  notes: Type.Optional(Type.String()),
  files: Type.Array(Type.Object({ name: Type.String(), sha256: Type.String(), bytes: Type.Number() })),
  marking: MarkingSchema,
});

export const datasetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/datasets',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'dataset' } },
      schema: {
        tags: ['datasets'],
        summary: 'Datasets present, with provenance and marking (only those the user may read)',
        response: {
          200: Type.Object({
            items: Type.Array(DatasetSchema),
            total: Type.Number(),
            defaultTradeDataset: Type.Union([Type.String(), Type.Null()], {
              description:
                'The annual trade dataset that screens, dossiers and maps use when a request names none (real data before synthetic, then the latest year, then the newest import); null when there is none or the user may not read it',
            }),
          }),
        },
      },
    },
    async (request) => {
      const markings = await datasetMarkings(app);
      const all = cachedCatalogOf(app.services.dataDir)
        .list()
        .map((e) => ({ ...e, marking: markings.get(e.id) ?? publicMarking }));
      const items = filterReadable(request, all);
      const preferred = tradeDatasetsByPreference(all)[0]?.id;
      const defaultTradeDataset = items.some((e) => e.id === preferred) ? preferred! : null;
      return { items, total: items.length, defaultTradeDataset };
    },
  );

  app.get(
    '/datasets/:id/products',
    {
      config: {
        marks: 'result',
        authz: {
          kind: 'none',
          reason: 'an annual trade dataset is needed; readableDataset answers 404 when hidden',
        },
      },
      schema: {
        tags: ['datasets'],
        summary:
          'The HS6 codes an annual trade dataset holds in any year (an extract covers only some: a code outside them is not in this dataset, rather than not imported)',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: {
          200: Type.Object({
            dataset: Type.String(),
            products: Type.Array(Type.String()),
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request) => {
      const { entry, marking } = await readableDataset(request, request.params.id);
      const products = await tradeProducts(app.services.dataDir, app.services.analytics, entry);
      return { dataset: entry.id, products, marking };
    },
  );
};
