import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { SameType } from '../../sameType.ts';
import { notFound } from '../../../errors.ts';
import {
  findRegistryEntry,
  listRegistry,
  registryHistory,
  type RegistryEntryRecord,
  type RegistryStatus,
} from '../../../data/reference/index.ts';
import {
  addEntry,
  changeEntry,
  resetEntry,
  setEntryStatus,
  type RegistryWrite,
} from '../../../data/identification/index.ts';
import { assertReadable, MarkingSchema, readerOf } from '../../security/markings.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import { publicMarking } from '../../../analysis/marking.ts';
import { Domain, IdParams, Kind, Label, Status } from './schemas.ts';
import { currentUser } from '../../security/access.ts';

/**
 * /api/registry/entries — the registry of critical goods and technologies (issue 25): list by kind, status and
 * domain; one entry; its history; add, change, adopt / retire / restore, reset. Writes are audited with the entry's
 * marking, kept in the entry's history, and followed by the early-warning critical-goods lists. Entries are marked
 * objects: lists filter in SQL, a hidden entry answers 404 like a missing one.
 */
const writers = ['analyst' as const, 'administrator' as const];

/** How an HS code stands for the entry (data/reference/criticalGoods.ts `HsMatch`). */
const HsMatchSchema = Type.Union([Type.Literal('exact'), Type.Literal('approximate'), Type.Literal('input')]);

const HsCode = Type.Object(
  {
    hs6: Type.String({ pattern: '^\\d{6}$' }),
    match: HsMatchSchema,
    note: Type.String({ maxLength: 500 }),
    source: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
const PatentField = Type.Object(
  {
    source: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' }),
    field: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' }),
  },
  { additionalProperties: false },
);

export const RegistryEntrySchema = Type.Object(
  {
    id: Type.String(),
    kind: Kind,
    ja: Type.String(),
    en: Type.String(),
    designation: Label,
    ministry: Label,
    hs: Type.Array(
      Type.Object({
        hs6: Type.String(),
        match: HsMatchSchema,
        note: Type.String(),
        source: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
    patentFields: Type.Array(Type.Object({ source: Type.String(), field: Type.String() })),
    domains: Type.Array(Domain),
    note: Type.String(),
    status: Status,
    version: Type.Number(),
    shipped: Type.Boolean(),
    edited: Type.Boolean(),
    updatedAt: Type.String(),
    updatedBy: Type.Union([Type.String(), Type.Null()]),
    marking: MarkingSchema,
  },
  { title: 'RegistryEntry' },
);

const EwsSync = Type.Array(
  Type.Object({ list: Type.String(), added: Type.Number(), removed: Type.Number(), changed: Type.Number() }),
);
const WriteResponse = Type.Object({ entry: RegistryEntrySchema, ews: EwsSync });

const Fields = {
  kind: Type.Optional(Kind),
  ja: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  en: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  designation: Type.Optional(Label),
  ministry: Type.Optional(Label),
  hs: Type.Optional(Type.Array(HsCode, { maxItems: 500 })),
  patentFields: Type.Optional(Type.Array(PatentField, { maxItems: 20 })),
  domains: Type.Optional(Type.Array(Domain, { maxItems: 4 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  marking: Type.Optional(MarkingSchema),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
};
const AddBody = Type.Object(
  {
    ...Fields,
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }),
    kind: Kind,
    ja: Type.String({ minLength: 1, maxLength: 200 }),
    en: Type.String({ minLength: 1, maxLength: 200 }),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('proposed')])),
  },
  { additionalProperties: false },
);
const ChangeBody = Type.Object(Fields, { additionalProperties: false });
const StatusBody = Type.Object(
  { status: Status, reason: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);
const ListQuery = Type.Object(
  {
    kind: Type.Optional(Kind),
    status: Type.Optional(
      Type.String({ pattern: '^(active|proposed|retired)(,(active|proposed|retired))*$' }),
    ),
    domain: Type.Optional(Domain),
  },
  { additionalProperties: false },
);

export function entryJson(e: RegistryEntryRecord) {
  return {
    id: e.id,
    kind: e.kind,
    ja: e.ja,
    en: e.en,
    designation: e.designation,
    ministry: e.ministry,
    hs: e.hs.map((c) => ({ hs6: c.hs6, match: c.match, note: c.note, source: c.source ?? null })),
    patentFields: e.patentFields,
    domains: e.domains,
    note: e.note,
    status: e.status,
    version: e.version,
    shipped: e.shipped,
    edited: e.edited,
    updatedAt: e.updatedAt,
    updatedBy: e.updatedBy,
    marking: e.marking,
  };
}

const entryMatches: SameType<Static<typeof RegistryEntrySchema>, ReturnType<typeof entryJson>> = true;
void entryMatches;

const writeJson = (w: RegistryWrite) => ({ entry: entryJson(w.entry), ews: w.ews });

async function readableEntry(request: FastifyRequest, id: string): Promise<RegistryEntryRecord> {
  const entry = await findRegistryEntry(request.server.services.state, id);
  if (!entry) throw notFound('registry entry not found', { field: 'id' });
  assertReadable(request, entry.marking, 'registry entry', { field: 'id' });
  return entry;
}

function actorOf(request: FastifyRequest) {
  const user = currentUser(request);
  return { id: user.id, name: user.username };
}

export const registryEntryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.get(
    '/registry/entries',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'registryEntry' } },
      schema: {
        tags: ['registry'],
        summary:
          'Critical goods and technologies: kind, status (in force, proposed, retired), domains, HS6 codes',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(RegistryEntrySchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const q = request.query;
      const items = (
        await listRegistry(db(), {
          kind: q.kind,
          status: q.status ? (q.status.split(',') as RegistryStatus[]) : undefined,
          reader: readerOf(request),
        })
      ).filter((e) => !q.domain || e.domains.includes(q.domain));
      return { items: items.map(entryJson), total: items.length };
    },
  );

  app.get(
    '/registry/entries/:id',
    {
      config: { marks: 'objects', authz: { kind: 'read', fixture: 'registryEntry', param: 'id' } },
      schema: {
        tags: ['registry'],
        summary: 'One registry entry',
        params: IdParams,
        response: { 200: RegistryEntrySchema },
      },
    },
    async (request) => entryJson(await readableEntry(request, request.params.id)),
  );

  app.get(
    '/registry/entries/:id/history',
    {
      config: { marks: 'objects', authz: { kind: 'read', fixture: 'registryEntry', param: 'id' } },
      schema: {
        tags: ['registry'],
        summary: 'Every version of an entry: action, who, when, why, and the entry as it then was',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                version: Type.Number(),
                action: Type.String(),
                reason: Type.String(),
                actor: Type.Union([Type.String(), Type.Null()]),
                at: Type.String(),
                snapshot: Type.Object({
                  status: Status,
                  ja: Type.String(),
                  en: Type.String(),
                  hs: Type.Array(Type.Object({ hs6: Type.String(), match: Type.String() })),
                  domains: Type.Array(Domain),
                  patentFields: Type.Array(Type.Object({ source: Type.String(), field: Type.String() })),
                }),
                marking: MarkingSchema,
              }),
            ),
            total: Type.Number(),
          }),
        },
      },
    },
    async (request) => {
      await readableEntry(request, request.params.id);
      const items = await registryHistory(db(), request.params.id, readerOf(request));
      return { items, total: items.length };
    },
  );

  app.post(
    '/registry/entries',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['registry'],
        summary: 'Add a critical good or technology (in force unless proposed); audited, with history',
        body: AddBody,
        response: { 201: WriteResponse },
      },
    },
    async (request, reply) => {
      const { marking, reason, ...input } = request.body;
      const checked = authorizeMarkingChange(request, {
        requested: marking,
        fallback: publicMarking,
        what: 'registry entry',
      });
      const written = await addEntry(db(), input, actorOf(request), { marking: checked.marking, reason });
      return reply.status(201).send(writeJson(written));
    },
  );

  app.patch(
    '/registry/entries/:id',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['registry'],
        summary:
          'Change an entry (the fields given; hs replaces the HS codes); lowering its marking needs declassify',
        params: IdParams,
        body: ChangeBody,
        response: { 200: WriteResponse },
      },
    },
    async (request) => {
      const current = await readableEntry(request, request.params.id);
      const { marking, reason, ...change } = request.body;
      const checked = authorizeMarkingChange(request, {
        existing: current.marking,
        requested: marking,
        fallback: publicMarking,
        reason,
        what: 'registry entry',
      });
      const written = await changeEntry(db(), current.id, change, actorOf(request), {
        marking: checked.marking,
        reason: checked.lowered ? `declassified: ${reason}` : reason,
      });
      return writeJson(written);
    },
  );

  app.post(
    '/registry/entries/:id/status',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['registry'],
        summary: 'Adopt a proposed entry, retire one (with a reason) or restore a retired one',
        params: IdParams,
        body: StatusBody,
        response: { 200: WriteResponse },
      },
    },
    async (request) => {
      const current = await readableEntry(request, request.params.id);
      return writeJson(
        await setEntryStatus(db(), current.id, request.body.status, actorOf(request), request.body.reason),
      );
    },
  );

  app.post(
    '/registry/entries/:id/reset',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['registry'],
        summary: 'Put a shipped entry back as shipped (its marking is kept)',
        params: IdParams,
        body: Type.Optional(
          Type.Object(
            { reason: Type.Optional(Type.String({ maxLength: 2000 })) },
            { additionalProperties: false },
          ),
        ),
        response: { 200: WriteResponse },
      },
    },
    async (request) => {
      const current = await readableEntry(request, request.params.id);
      return writeJson(await resetEntry(db(), current.id, actorOf(request), request.body?.reason));
    },
  );
};
