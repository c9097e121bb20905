import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listDatasetId, presentLists, readListDelta } from '../../../data/exportControl/index.ts';
import { recordDatasetRead } from '../../../data/security/index.ts';
import { MarkingSchema } from '../../security/markings.ts';
import { ListRoleSchema, Localized } from './schemas.ts';
import { resultMarking } from '../../exportControl/recordMarking.ts';

/** Screening lists present (METI End User List, Russia lists, CSL, sanctions, user lists) with versions and deltas. */
const VersionSchema = Type.Object({
  key: Type.String(),
  version: Type.String(),
  importedAt: Type.String(),
  file: Type.String(),
  sha256: Type.String(),
  format: Type.String(),
  entries: Type.Number(),
  added: Type.Number(),
  removed: Type.Number(),
  changed: Type.Number(),
});
const EntrySchema = Type.Object({
  id: Type.String(),
  names: Type.Array(Type.String()),
  countries: Type.Array(Type.String()),
  identifiers: Type.Array(Type.String()),
  concerns: Type.Array(Type.String()),
  programme: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
  notes: Type.Optional(Type.String()),
  sourceRow: Type.Number(),
});

export const exportControlListRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/export-control/lists',
    {
      config: { marks: 'result', authz: { kind: 'action' } },
      schema: {
        tags: ['export-control'],
        summary: 'Screening lists present, each with its versions (entries, added, removed, changed)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                list: Type.String(),
                role: ListRoleSchema,
                title: Localized,
                versions: Type.Array(VersionSchema),
              }),
            ),
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request) => {
      const items = presentLists(app.services.catalog);
      for (const l of items) recordDatasetRead(listDatasetId(l.list));
      return {
        items,
        marking: await resultMarking(
          request,
          [],
          items.map((l) => listDatasetId(l.list)),
        ),
      };
    },
  );

  app.get(
    '/export-control/lists/:list/delta',
    {
      config: { marks: 'result', authz: { kind: 'action' } },
      schema: {
        tags: ['export-control'],
        summary: 'What changed between two versions of a list (default: the previous and the current one)',
        params: Type.Object({ list: Type.String({ minLength: 1, maxLength: 60 }) }),
        querystring: Type.Object({
          from: Type.Optional(Type.String({ maxLength: 100 })),
          to: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: {
          200: Type.Object({
            from: Type.Union([VersionSchema, Type.Null()]),
            to: VersionSchema,
            delta: Type.Union([
              Type.Object({
                added: Type.Array(EntrySchema),
                removed: Type.Array(EntrySchema),
                changed: Type.Array(
                  Type.Object({ before: EntrySchema, after: EntrySchema, fields: Type.Array(Type.String()) }),
                ),
                unchanged: Type.Number(),
              }),
              Type.Null(),
            ]),
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request) => {
      const delta = readListDelta(app.services.catalog, request.params.list, request.query);
      return {
        ...delta,
        marking: await resultMarking(request, [], [listDatasetId(request.params.list)]),
      };
    },
  );
};
