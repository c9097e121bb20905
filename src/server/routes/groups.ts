import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { publicMarking } from '../../analysis/marking.ts';
import { notFound } from '../../errors.ts';
import {
  findGroup,
  listGroups,
  setGroup,
  type StoredGroup,
  exampleLabel,
  countryByIso3,
} from '../../data/reference/index.ts';
import { assertReadable, filterReadable, MarkingSchema } from '../security/markings.ts';
import { authorizeMarkingChange } from '../security/markingChanges.ts';

/**
 * Country groups (EU27, G7, like-minded, countries of concern …): list, read, create or replace. Groups carry a
 * marking (a policy list may itself be sensitive): hidden groups answer like missing ones. Policy groups shipped
 * as examples say so (`example: true` with `exampleLabel`) until a user sets them.
 */
const writers = ['analyst' as const, 'administrator' as const];

const MemberSchema = Type.Object({ iso3: Type.String(), en: Type.String(), ja: Type.String() });
export const GroupSchema = Type.Object({
  id: Type.String(),
  en: Type.String(),
  ja: Type.String(),
  members: Type.Array(MemberSchema),
  example: Type.Boolean(),
  exampleLabel: Type.Union([Type.Object({ en: Type.String(), ja: Type.String() }), Type.Null()]),
  builtIn: Type.Boolean(),
  asOf: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  marking: MarkingSchema,
  updatedAt: Type.String(),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});

const GroupBody = Type.Object(
  {
    members: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 300 }),
    en: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    ja: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    asOf: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    marking: Type.Optional(MarkingSchema),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 32 }) });

function toJson(g: StoredGroup) {
  return {
    id: g.id,
    en: g.en,
    ja: g.ja,
    members: g.members.map((iso3) => ({
      iso3,
      en: countryByIso3(iso3)?.en ?? iso3,
      ja: countryByIso3(iso3)?.ja ?? iso3,
    })),
    example: g.example,
    exampleLabel: g.example ? exampleLabel : null,
    builtIn: g.builtIn,
    asOf: g.asOf ?? null,
    source: g.source ?? null,
    note: g.note ?? null,
    marking: g.marking,
    updatedAt: g.updatedAt,
    updatedBy: g.updatedBy ?? null,
  };
}

async function readableGroup(request: FastifyRequest, id: string): Promise<StoredGroup> {
  const group = await findGroup(request.server.services.state, id);
  if (!group) throw notFound('group not found', { field: 'id' });
  assertReadable(request, group.marking, 'group', { field: 'id' });
  return group;
}

export const groupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/groups',
    {
      schema: {
        tags: ['reference'],
        summary: 'Country groups usable as reporter or partner (EU27, G7, like-minded …)',
        response: { 200: Type.Object({ items: Type.Array(GroupSchema), total: Type.Number() }) },
      },
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'countryGroup' } },
    },
    async (request) => {
      const items = filterReadable(request, await listGroups(app.services.state)).map(toJson);
      return { items, total: items.length };
    },
  );

  app.get(
    '/groups/:id',
    {
      schema: {
        tags: ['reference'],
        summary: 'One country group with its members',
        params: IdParams,
        response: { 200: GroupSchema },
      },
      config: { marks: 'result', authz: { kind: 'read', fixture: 'countryGroup', param: 'id' } },
    },
    async (request) => {
      const group = await readableGroup(request, request.params.id);
      if (group.marking.level > 0) {
        await app.audit(request, {
          action: 'read',
          objectType: 'country_group',
          objectId: group.id,
          marking: group.marking,
        });
      }
      return toJson(group);
    },
  );

  app.put(
    '/groups/:id',
    {
      schema: {
        tags: ['reference'],
        summary: 'Create a group or replace its members (ISO3 codes or country names)',
        params: IdParams,
        body: GroupBody,
        response: { 200: GroupSchema },
      },
      config: { marks: 'result', roles: writers, authz: { kind: 'action' } },
    },
    async (request) => {
      const db = app.services.state;
      const current = await findGroup(db, request.params.id);
      // Issue 18: read access to the group replaced; no marking above one's clearance; `declassify` to lower.
      const { marking, lowered } = authorizeMarkingChange(request, {
        existing: current?.marking,
        requested: request.body.marking,
        fallback: publicMarking,
        reason: request.body.reason,
        what: 'group',
      });
      const saved = await setGroup(
        db,
        {
          id: request.params.id,
          members: request.body.members,
          en: request.body.en,
          ja: request.body.ja,
          note: request.body.note,
          source: request.body.source,
          asOf: request.body.asOf,
          marking,
        },
        request.user.username,
      );
      await app.audit(request, {
        action: lowered ? 'declassify' : current ? 'update' : 'create',
        objectType: 'country_group',
        objectId: saved.id,
        marking: saved.marking,
        details: { members: saved.members, ...(lowered ? { reason: request.body.reason } : {}) },
      });
      return toJson(saved);
    },
  );
};
