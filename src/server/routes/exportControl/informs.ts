import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getInform, listInforms, recordInform, setInformStatus } from '../../../data/exportControl/index.ts';
import { readerOf } from '../../security/markings.ts';
import { actorOf, recordMarking } from '../../exportControl/recordMarking.ts';
import { IdParams, InformKindSchema, InformSchema, MarkingChoiceFields } from './schemas.ts';

/**
 * Inform notices (インフォーム): METI told the exporter that a licence is needed for these goods, destinations or end
 * user. Recorded notices are consulted by the transaction check (POST /export-control/checks). Marked level 1 and
 * the writer's organisation by default; the store audits every change.
 */
const writers = ['analyst' as const, 'administrator' as const];
const Status = Type.Union([Type.Literal('active'), Type.Literal('withdrawn')]);

export const exportControlInformRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.get(
    '/export-control/informs',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'exportControlInform' } },
      schema: {
        tags: ['export-control'],
        summary: 'Inform notices the user may read, newest first',
        querystring: Type.Object({ status: Type.Optional(Status) }),
        response: { 200: Type.Object({ items: Type.Array(InformSchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const items = await listInforms(db(), { status: request.query.status, reader: readerOf(request) });
      return { items, total: items.length };
    },
  );

  app.get(
    '/export-control/informs/:id',
    {
      config: { marks: 'objects', authz: { kind: 'read', fixture: 'exportControlInform', param: 'id' } },
      schema: {
        tags: ['export-control'],
        summary: 'One inform notice',
        params: IdParams,
        response: { 200: InformSchema },
      },
    },
    async (request) => getInform(db(), request.params.id, readerOf(request)),
  );

  app.post(
    '/export-control/informs',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['export-control'],
        summary: 'Record an inform notice (reference, kind, goods, destinations, end user, validity)',
        body: Type.Object(
          {
            reference: Type.String({ minLength: 1, maxLength: 200 }),
            kind: InformKindSchema,
            issuedOn: Type.String({ maxLength: 10 }),
            validUntil: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
            exporter: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
            items: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 200 })),
            destinations: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 250 })),
            endUser: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
            endUserCountry: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
            notes: Type.Optional(Type.String({ maxLength: 4000 })),
            ...MarkingChoiceFields,
          },
          { additionalProperties: false },
        ),
        response: { 201: InformSchema },
      },
    },
    async (request, reply) => {
      const { marking: _m, reason: _r, ...input } = request.body;
      const choice = recordMarking(request, request.body, 'inform');
      return reply.status(201).send(await recordInform(db(), { ...input, ...choice }, actorOf(request)));
    },
  );

  app.put(
    '/export-control/informs/:id/status',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['export-control'],
        summary: 'Withdraw a notice (METI lifted it) or restore it, with a reason',
        params: IdParams,
        body: Type.Object(
          { status: Status, reason: Type.String({ minLength: 1, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: { 200: InformSchema },
      },
    },
    async (request) =>
      setInformStatus(db(), request.params.id, request.body, actorOf(request), readerOf(request)),
  );
};
