import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listItems, scanItem } from '../../../data/ews/index.ts';
import { canReadMarking, deriveMarking, MarkingSchema, readerOf } from '../../security/markings.ts';
import { writers } from './schemas.ts';

/**
 * POST /api/ews/scans — scan the monitored items the reader may see (all, or one list) now, on their dataset's
 * latest month or on the months asked for (e.g. 2023-10 … 2023-12 to see the graphite control's alerts), storing
 * new alerts in the inbox. An alert already stored for a series and month is not stored twice.
 */
const Month = Type.String({ pattern: '^\\d{4}-\\d{2}$' });

export const scanRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/ews/scans',
    {
      config: { marks: 'result', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['early warning'],
        summary:
          'Scan monitored items now (all readable ones, or one list) on the latest month or the months given',
        body: Type.Object(
          {
            listId: Type.Optional(Type.String({ maxLength: 64 })),
            from: Type.Optional(Month),
            to: Type.Optional(Month),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                itemId: Type.String(),
                alerts: Type.Number(),
                note: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
            alerts: Type.Number(),
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request) => {
      const { listId, from, to } = request.body;
      const items = await listItems(app.services.state, { listId, reader: readerOf(request) });
      const results = [];
      for (const item of items) {
        const { stored, note } = await scanItem(app.services, item, { from, to });
        // Alerts stored under a marking above the reader's (marked events changed them) are not counted for them.
        const readable = stored.filter((a) => canReadMarking(request, a.marking)).length;
        results.push({ itemId: item.id, alerts: readable, note: note ?? null });
      }
      return {
        items: results,
        alerts: results.reduce((a, r) => a + r.alerts, 0),
        marking: deriveMarking([request.server.readMarking(request), ...items.map((i) => i.marking)]),
      };
    },
  );
};
