import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { publicMarking } from '../../../analysis/marking.ts';
import { notFound } from '../../../errors.ts';
import {
  findFramework,
  listFrameworks,
  parseFrameworkText,
  saveFramework,
} from '../../../data/cyber/index.ts';
import { assertReadable, MarkingSchema, readerOf } from '../../security/markings.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import { IdParams, LocalizedSchema } from './schemas.ts';

/** Requirement catalogues (shipped and imported), in the catalogue format; importing needs analyst or administrator. */
const FrameworkSummarySchema = Type.Object({
  id: Type.String(),
  title: LocalizedSchema,
  version: Type.String(),
  publisher: Type.String(),
  shipped: Type.Boolean(),
  levels: Type.Array(
    Type.Object({
      id: Type.String(),
      rank: Type.Number(),
      name: LocalizedSchema,
      publishedCount: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
  categories: Type.Number(),
  requirements: Type.Number(),
  missing: Type.Array(Type.String()),
  marking: MarkingSchema,
});
const FrameworkSchema = Type.Object({
  id: Type.String(),
  shipped: Type.Boolean(),
  marking: MarkingSchema,
  title: LocalizedSchema,
  version: Type.String(),
  publisher: Type.String(),
  sources: Type.Array(
    Type.Object({
      title: Type.String(),
      publisher: Type.Optional(Type.String()),
      date: Type.Optional(Type.String()),
      url: Type.Optional(Type.String()),
    }),
  ),
  levels: Type.Array(
    Type.Object({
      id: Type.String(),
      rank: Type.Number(),
      name: LocalizedSchema,
      assessment: Type.Optional(Type.String()),
      description: Type.Optional(LocalizedSchema),
      publishedCount: Type.Optional(Type.Number()),
    }),
  ),
  categories: Type.Array(Type.Object({ id: Type.String(), name: LocalizedSchema })),
  requirements: Type.Array(
    Type.Object({
      id: Type.String(),
      category: Type.String(),
      level: Type.String(),
      text: LocalizedSchema,
      measures: Type.Array(LocalizedSchema),
      source: Type.String(),
    }),
  ),
  missing: Type.Array(Type.String()),
  notes: Type.Optional(Type.String()),
});

const summary = (s: Awaited<ReturnType<typeof listFrameworks>>[number]) => ({
  id: s.framework.id,
  title: s.framework.title,
  version: s.framework.version,
  publisher: s.framework.publisher,
  shipped: s.shipped,
  levels: s.framework.levels.map((l) => ({
    id: l.id,
    rank: l.rank,
    name: l.name,
    publishedCount: l.publishedCount ?? null,
  })),
  categories: s.framework.categories.length,
  requirements: s.framework.requirements.length,
  missing: s.framework.missing,
  marking: s.marking,
});

export const cyberFrameworkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/cyber/frameworks',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'cyberFramework' } },
      schema: {
        tags: ['cyber'],
        summary: 'Requirement catalogues: shipped (★3/★4, SEMI E187) and imported',
        response: { 200: Type.Object({ items: Type.Array(FrameworkSummarySchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const items = (await listFrameworks(app.services.state, readerOf(request))).map(summary);
      return { items, total: items.length };
    },
  );

  app.get(
    '/cyber/frameworks/:id',
    {
      config: { marks: 'objects', authz: { kind: 'read', fixture: 'cyberFramework', param: 'id' } },
      schema: {
        tags: ['cyber'],
        summary: 'A catalogue with its levels, categories, requirements, sources and what it lacks',
        params: IdParams,
        response: { 200: FrameworkSchema },
      },
    },
    async (request) => {
      const found = await findFramework(app.services.state, request.params.id);
      if (!found) throw notFound('catalogue not found', { field: 'id' });
      assertReadable(request, found.marking, 'catalogue', { field: 'id' });
      return { ...found.framework, shipped: found.shipped, marking: found.marking };
    },
  );

  app.post(
    '/cyber/frameworks',
    {
      config: { marks: 'objects', roles: ['analyst', 'administrator'], authz: { kind: 'action' } },
      schema: {
        tags: ['cyber'],
        summary: 'Import a catalogue (catalogue format YAML/JSON or a CISO Assistant library YAML, as text)',
        body: Type.Object(
          {
            text: Type.String({ minLength: 1, maxLength: 5_000_000 }),
            marking: Type.Optional(MarkingSchema),
            reason: Type.Optional(
              Type.String({ maxLength: 1000, description: 'why, when lowering the marking' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: FrameworkSummarySchema },
      },
    },
    async (request, reply) => {
      const framework = parseFrameworkText(request.body.text, 'catalogue');
      const existing = await findFramework(app.services.state, framework.id);
      // One rule for every marking change (markingChanges.ts): read access to a replaced catalogue, no marking
      // above one's clearance, `declassify` and a reason to lower.
      const { marking, lowered } = authorizeMarkingChange(request, {
        existing: existing?.marking,
        requested: request.body.marking,
        fallback: existing?.marking ?? publicMarking,
        reason: request.body.reason,
        what: 'catalogue',
      });
      const saved = await saveFramework(app.services.state, framework, marking, request.user.id);
      await app.audit(request, {
        action: lowered ? 'declassify' : existing ? 'update' : 'create',
        objectType: 'cyber_framework',
        objectId: framework.id,
        marking,
        details: { requirements: framework.requirements.length },
      });
      return reply.status(201).send(summary(saved));
    },
  );
};
