import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { filterReadable, assertReadable, MarkingSchema } from '../security/markings.ts';
import { getCriticalGood, listCriticalGoods, resetCriticalGood } from '../../data/reference/index.ts';
import { criticalGoodWriters, writeCriticalGood } from '../registry/criticalGoodWrites.ts';

/** /api/critical-goods — the critical goods registry (特定重要物資) with editable HS6 mappings. */
const Label = Type.Object({ ja: Type.String(), en: Type.String() });
const HsCode = Type.Object({
  hs6: Type.String({ pattern: '^\\d{6}$' }),
  match: Type.Union([Type.Literal('exact'), Type.Literal('approximate'), Type.Literal('input')]),
  note: Type.String({ maxLength: 500 }),
});
const CriticalGoodSchema = Type.Object({
  id: Type.String(),
  ja: Type.String(),
  en: Type.String(),
  designation: Label,
  ministry: Label,
  hs: Type.Array(HsCode),
  note: Type.String(),
  marking: MarkingSchema,
  updatedAt: Type.String(),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  edited: Type.Boolean(),
});
const UpdateBody = Type.Object(
  {
    hs: Type.Optional(Type.Array(HsCode, { maxItems: 500 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    ja: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    en: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const criticalGoodRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/critical-goods',
    {
      config: {
        marks: 'objects',
        authz: {
          kind: 'none',
          reason: 'registry entries are public reference data (marking column kept for the contract)',
        },
      },
      schema: {
        tags: ['critical goods'],
        summary: 'The specified critical goods (特定重要物資) with their HS6 mappings',
        response: { 200: Type.Object({ items: Type.Array(CriticalGoodSchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const items = filterReadable(request, await listCriticalGoods(app.services.state));
      return { items, total: items.length };
    },
  );
  app.get(
    '/critical-goods/:id',
    {
      config: { marks: 'result', authz: { kind: 'none', reason: 'public reference data' } },
      schema: {
        tags: ['critical goods'],
        summary: 'One critical good',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: CriticalGoodSchema },
      },
    },
    async (request) => {
      const good = await getCriticalGood(app.services.state, request.params.id);
      assertReadable(request, good.marking, 'critical good');
      return good;
    },
  );
  app.put(
    '/critical-goods/:id',
    {
      config: { marks: 'result', roles: criticalGoodWriters, authz: { kind: 'action' } },
      schema: {
        tags: ['critical goods'],
        summary: 'Edit a critical good’s HS6 mapping, note or names',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: UpdateBody,
        response: { 200: CriticalGoodSchema },
      },
    },
    async (request) => writeCriticalGood(request, request.params.id, request.body),
  );
  app.post(
    '/critical-goods/:id/reset',
    {
      config: { marks: 'result', roles: ['administrator', 'analyst'], authz: { kind: 'action' } },
      schema: {
        tags: ['critical goods'],
        summary: 'Put a default critical good back as shipped',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: CriticalGoodSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const good = await resetCriticalGood(app.services.state, id, request.user.username);
      await app.audit(request, {
        action: 'reset',
        objectType: 'critical-good',
        objectId: id,
        marking: good.marking,
      });
      return good;
    },
  );
};
