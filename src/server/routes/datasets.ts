import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';

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
});

export const datasetRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/datasets',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Datasets present, with provenance',
        response: { 200: Type.Object({ items: Type.Array(DatasetSchema), total: Type.Number() }) },
      },
    },
    async () => {
      const items = app.services.catalog.list();
      return { items, total: items.length };
    },
  );
};
