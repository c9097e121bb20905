import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { assertReadable, datasetMarking } from '../../security/markings.ts';
import { importUpload, previewUpload } from '../../../data/ews/index.ts';
import { FlowSchema, Label, writers } from './schemas.ts';

/**
 * /api/ews/imports — a monthly CSV from the browser, with its column mapping: previewed (what the mapped-CSV
 * importer keeps, the rows it rejects and why) and then imported as a trade-monthly dataset. The request carries
 * the file's text: no request names a server file.
 */
const Column = Type.String({ minLength: 1, maxLength: 200 });
const ColumnMapSchema = Type.Object(
  {
    period: Type.Optional(Column),
    partner: Type.Optional(Column),
    hs: Type.Optional(Column),
    value: Type.Optional(Column),
    quantity: Type.Optional(Column),
    unit: Type.Optional(Column),
    reporter: Type.Optional(Column),
    flow: Type.Optional(Column),
  },
  { additionalProperties: false },
);
const upload = {
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  text: Type.String({ minLength: 1 }),
  map: Type.Optional(ColumnMapSchema),
  reporter: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  flow: Type.Optional(FlowSchema),
  unit: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  valueUnit: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
};
const MonthlyRowSchema = Type.Object({
  reporter: Type.String(),
  partner: Type.String(),
  hs: Type.String(),
  flow: FlowSchema,
  period: Type.String(),
  value: Type.Number(),
  quantity: Type.Union([Type.Number(), Type.Null()]),
  unit: Type.Union([Type.String(), Type.Null()]),
});

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/ews/imports/preview',
    {
      config: { marks: 'none', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['early warning'],
        summary:
          'Preview a monthly CSV (sent as text) with a column mapping: header, guessed mapping, and what the import would keep',
        body: Type.Object(upload, { additionalProperties: false }),
        response: {
          200: Type.Object({
            header: Type.Array(Type.String()),
            sample: Type.Array(Type.Array(Type.String())),
            guess: ColumnMapSchema,
            result: Type.Union([
              Type.Null(),
              Type.Object({
                rows: Type.Number(),
                series: Type.Number(),
                from: Type.String(),
                to: Type.String(),
                products: Type.Array(Type.String()),
                partners: Type.Number(),
                first: Type.Array(MonthlyRowSchema),
                unresolvedPartners: Type.Array(Type.Object({ name: Type.String(), rows: Type.Number() })),
                rejected: Type.Number(),
                rejectedSample: Type.Array(Type.Object({ line: Type.Number(), reason: Type.String() })),
                valueUnit: Type.Union([Label, Type.Literal('unknown')]),
              }),
            ]),
          }),
        },
      },
    },
    async (request) => previewUpload(request.body),
  );

  app.post(
    '/ews/imports',
    {
      config: { marks: 'none', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['early warning'],
        summary: 'Import a monthly CSV (sent as text) with its column mapping as a trade-monthly dataset',
        body: Type.Object(
          {
            ...upload,
            dataset: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' }),
            title: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            dataset: Type.String(),
            title: Type.String(),
            version: Type.String(),
            rows: Type.Number(),
            rejectedRows: Type.Number(),
          }),
        },
      },
    },
    async (request) => {
      const { dataset, title, ...file } = request.body;
      // A new version of a dataset replaces what its readers see: only someone who may read it may replace it.
      const marking = await datasetMarking(app, dataset);
      assertReadable(request, marking, 'dataset', { field: 'dataset' });
      const entry = await importUpload(app.services, file, { dataset, title });
      await app.audit(request, { action: 'import', objectType: 'dataset', objectId: entry.id, marking });
      return {
        dataset: entry.id,
        title: entry.title,
        version: entry.version,
        rows: entry.rows,
        rejectedRows: entry.rejectedRows,
      };
    },
  );
};
