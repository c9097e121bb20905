import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { randomUUID } from 'node:crypto';
import { ChokepointError } from '../../../errors.ts';
import { MarkingSchema } from '../../security/markings.ts';
import { currentUser } from '../../security/access.ts';
import { publicMarking } from '../../../analysis/marking.ts';
import { recordEvent } from '../../../data/ews/index.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import { Label, writers } from './schemas.ts';

/**
 * /api/ews/events — recording an event (an export-control announcement) with its dates, source and marking. The
 * events a reader may see are listed with each item (items.ts) and enter its indicators and backtests.
 */
export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const state = () => app.services.state;

  app.post(
    '/ews/events',
    {
      config: { marks: 'none', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['early warning'],
        summary: 'Record an event (export-control announcement) with its dates and source',
        body: Type.Object(
          {
            country: Type.String({ pattern: '^[A-Z]{3}$' }),
            hs: Type.Array(Type.String({ pattern: '^\\d{2,10}$' }), { minItems: 1, maxItems: 200 }),
            targets: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z]{3}$' }), { maxItems: 300 })),
            announced: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
            effective: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
            title: Label,
            source: Type.String({ minLength: 1, maxLength: 2000 }),
            marking: Type.Optional(MarkingSchema),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ id: Type.String() }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const b = request.body;
      if (b.effective < b.announced)
        throw new ChokepointError('bad_input', 'effective date is before the announcement', {
          field: 'effective',
        });
      // Nobody records an event marked above their clearance or with a compartment they do not hold (issue 18).
      const { marking } = authorizeMarkingChange(request, {
        requested: b.marking,
        fallback: publicMarking,
        what: 'event',
      });
      const id = randomUUID();
      await recordEvent(
        state(),
        {
          id,
          country: b.country,
          hs: b.hs,
          targets: b.targets ?? [],
          announced: b.announced,
          effective: b.effective,
          title: b.title,
          source: b.source,
          marking,
        },
        user.id,
      );
      await app.audit(request, {
        action: 'create',
        objectType: 'ews-event',
        objectId: id,
        marking,
      });
      return { id };
    },
  );
};
