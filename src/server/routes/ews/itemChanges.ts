import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { publicMarking } from '../../../analysis/marking.ts';
import { addUserItem, generateMajorityList } from '../../../data/ews/index.ts';
import { currentUser } from '../../security/access.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import { MarkingSchema, assertReadable, datasetMarking } from '../../security/markings.ts';
import { FlowSchema, writers } from './schemas.ts';

/**
 * POST /api/ews/items and /api/ews/items/generate — monitored items from the browser, as `ews items add` and
 * `ews items generate` make them (src/data/ews/itemLists.ts): the dataset is checked when the item is added.
 */
const Iso3 = Type.String({ pattern: '^[A-Za-z]{3}$' });

export const itemChangeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/ews/items',
    {
      config: { marks: 'none', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['early warning'],
        summary: 'Add a monitored item to a user list (created when missing)',
        body: Type.Object(
          {
            list: Type.String({ minLength: 1, maxLength: 200 }),
            reporter: Iso3,
            hs: Type.String({ minLength: 1, maxLength: 64 }),
            partner: Type.Optional(Iso3),
            flow: FlowSchema,
            grade: Type.Union(['A', 'B', 'C', 'D'].map((g) => Type.Literal(g))),
            dataset: Type.String({ minLength: 1, maxLength: 64 }),
            marking: Type.Optional(MarkingSchema),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ list: Type.String(), added: Type.Number() }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      assertReadable(request, await datasetMarking(app, request.body.dataset), 'dataset', {
        field: 'dataset',
      });
      const { marking } = authorizeMarkingChange(request, {
        requested: request.body.marking,
        fallback: publicMarking,
        what: 'item',
      });
      const result = await addUserItem(
        app.services,
        { ...request.body, marking, createdBy: user.id },
        new Date(),
      );
      await app.audit(request, { action: 'create', objectType: 'ews-item', objectId: result.list, marking });
      return result;
    },
  );

  app.post(
    '/ews/items/generate',
    {
      config: { marks: 'none', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['early warning'],
        summary:
          'Generated list: every product of a monthly dataset with one partner above a share of the last 12 months (run again, it updates the list)',
        body: Type.Object(
          {
            dataset: Type.String({ minLength: 1, maxLength: 64 }),
            threshold: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
            reporter: Type.Optional(Iso3),
            flow: Type.Optional(FlowSchema),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            list: Type.String(),
            products: Type.Number(),
            added: Type.Number(),
            removed: Type.Number(),
            kept: Type.Number(),
          }),
        },
      },
    },
    async (request) => {
      const b = request.body;
      assertReadable(request, await datasetMarking(app, b.dataset), 'dataset', { field: 'dataset' });
      const { update, found } = await generateMajorityList(
        app.services,
        { dataset: b.dataset, threshold: b.threshold ?? 0.5, reporter: b.reporter, flow: b.flow ?? 'import' },
        new Date(),
      );
      await app.audit(request, {
        action: 'generate',
        objectType: 'ews-list',
        objectId: update.id,
        marking: publicMarking,
      });
      return {
        list: update.id,
        products: found.length,
        added: update.added,
        removed: update.removed,
        kept: update.kept,
      };
    },
  );
};
