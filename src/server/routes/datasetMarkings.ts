import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { dominates, markingLevelNames, type Marking } from '../../analysis/marking.ts';
import { provenanceOf, type CatalogEntry } from '../../data/catalog/index.ts';
import { badInput, ChokepointError } from '../../errors.ts';
import { getOrganisation, normalizeMarking, setDatasetMarking } from '../../data/security/index.ts';
import {
  canReadMarking,
  deriveMarking,
  MarkingSchema,
  readableDataset,
} from '../security/markings.ts';
import { requirePermission } from '../security/access.ts';
import { ProvenanceSchema } from '../provenanceSchema.ts';

/**
 * Markings of datasets: read, change (raising needs analysis.write; lowering also needs declassify and a
 * reason), share with further organisations (within their sharing caps), and export (a file carrying the
 * marking, refused as "not found" to users who may not read every input). All changes, shares, exports and
 * reads of marked datasets are audited.
 */
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const ExportSchema = Type.Object({
  marking: MarkingSchema,
  markingLabel: Type.Object({ ja: Type.String(), en: Type.String() }),
  exportedAt: Type.String(),
  exportedBy: Type.String(),
  datasets: Type.Array(
    Type.Object({
      provenance: ProvenanceSchema,
      marking: MarkingSchema,
      rows: Type.Number(),
      years: Type.Optional(Type.Array(Type.Number())),
    }),
  ),
});


function exportOf(request: FastifyRequest, items: { entry: CatalogEntry; marking: Marking }[]) {
  const marking = deriveMarking(items.map((i) => i.marking));
  return {
    marking,
    markingLabel: markingLevelNames[marking.level],
    exportedAt: new Date().toISOString(),
    exportedBy: request.user.username,
    datasets: items.map((i) => ({
      provenance: provenanceOf(i.entry),
      marking: i.marking,
      rows: i.entry.rows,
      years: i.entry.years,
    })),
  };
}

export const datasetMarkingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/datasets/:id/marking',
    {
      config: { marks: 'result', authz: { kind: 'read', fixture: 'dataset', param: 'id' } },
      schema: {
        tags: ['datasets'],
        summary: "A dataset's marking",
        params: IdParams,
        response: { 200: Type.Object({ id: Type.String(), marking: MarkingSchema }) },
      },
    },
    async (request) => {
      const { marking } = await readableDataset(request, request.params.id);
      if (marking.level >= 1)
        await app.audit(request, {
          action: 'read',
          objectType: 'dataset',
          objectId: request.params.id,
          marking,
        });
      return { id: request.params.id, marking };
    },
  );

  app.put(
    '/datasets/:id/marking',
    {
      config: { marks: 'result', roles: ['administrator', 'analyst'], authz: { kind: 'action' } },
      schema: {
        tags: ['datasets'],
        summary: "Change a dataset's marking; lowering it needs the declassify permission and a reason",
        params: IdParams,
        body: Type.Object(
          { marking: MarkingSchema, reason: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ id: Type.String(), marking: MarkingSchema, declassified: Type.Boolean() }),
        },
      },
    },
    async (request) => {
      requirePermission(request, 'analysis.write');
      const { marking: before } = await readableDataset(request, request.params.id);
      const after = normalizeMarking(request.body.marking);
      for (const org of after.releasableTo ?? [])
        await getOrganisation(app.services.state, org).catch(() => {
          throw badInput(`unknown organisation ${org}`, { field: 'marking.releasableTo' });
        });
      if (!canReadMarking(request, after)) {
        throw new ChokepointError('forbidden', 'you cannot mark an object above your own clearance', {
          field: 'marking',
        });
      }
      const declassified = !dominates(after, normalizeMarking(before));
      const reason = request.body.reason?.trim() ?? '';
      if (declassified) {
        requirePermission(request, 'declassify');
        if (reason.length < 10)
          throw badInput('lowering a marking needs a reason of at least 10 characters', { field: 'reason' });
      }
      const marking = await setDatasetMarking(
        app.services.state,
        request.params.id,
        after,
        request.user.username,
      );
      await app.audit(request, {
        action: declassified ? 'declassify' : 'marking.change',
        objectType: 'dataset',
        objectId: request.params.id,
        marking: deriveMarking([before, marking]),
        details: { before, after: marking, ...(reason ? { reason } : {}) },
      });
      return { id: request.params.id, marking, declassified };
    },
  );

  app.post(
    '/datasets/:id/share',
    {
      config: { marks: 'result', roles: ['administrator', 'analyst'], authz: { kind: 'action' } },
      schema: {
        tags: ['datasets'],
        summary: 'Release a dataset to further organisations (each within its sharing cap); audited',
        params: IdParams,
        body: Type.Object(
          {
            organisations: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 100 }),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ id: Type.String(), marking: MarkingSchema }) },
      },
    },
    async (request) => {
      requirePermission(request, 'share');
      const { marking: before } = await readableDataset(request, request.params.id);
      for (const id of request.body.organisations) {
        const org = await getOrganisation(app.services.state, id).catch(() => {
          throw badInput(`unknown organisation ${id}`, { field: 'organisations' });
        });
        if (org.sharingCap < before.level) {
          throw badInput(
            `organisation ${org.id} may receive at most level ${org.sharingCap} (${markingLevelNames[org.sharingCap].en}); this dataset is level ${before.level}`,
            { field: 'organisations' },
          );
        }
      }
      const after: Marking = {
        ...before,
        releasableTo:
          before.releasableTo === null ? null : [...before.releasableTo, ...request.body.organisations],
      };
      const marking = await setDatasetMarking(
        app.services.state,
        request.params.id,
        after,
        request.user.username,
      );
      await app.audit(request, {
        action: 'share',
        objectType: 'dataset',
        objectId: request.params.id,
        marking: before,
        details: {
          recipients: request.body.organisations,
          ...(request.body.reason ? { reason: request.body.reason } : {}),
        },
      });
      return { id: request.params.id, marking };
    },
  );

  app.get(
    '/exports/datasets/:id',
    {
      config: { marks: 'result', authz: { kind: 'read', fixture: 'dataset', param: 'id' } },
      schema: {
        tags: ['datasets'],
        summary: "Download a dataset's provenance and marking as a file (audited)",
        params: IdParams,
        response: { 200: ExportSchema },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'export');
      const item = await readableDataset(request, request.params.id);
      const doc = exportOf(request, [item]);
      await app.audit(request, {
        action: 'export',
        objectType: 'dataset',
        objectId: request.params.id,
        marking: doc.marking,
      });
      reply.header(
        'content-disposition',
        `attachment; filename="${request.params.id.replace(/[^a-z0-9._-]/gi, '_')}.json"`,
      );
      reply.header('x-chokepoint-marking', JSON.stringify(doc.marking));
      return doc;
    },
  );

  app.post(
    '/exports/datasets',
    {
      config: { marks: 'result', authz: { kind: 'action' } },
      schema: {
        tags: ['datasets'],
        summary: 'Export several datasets as one file; it carries the join of their markings (audited)',
        body: Type.Object(
          {
            datasets: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
              minItems: 1,
              maxItems: 100,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: ExportSchema },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'export');
      const items = [];
      for (const id of [...new Set(request.body.datasets)]) items.push(await readableDataset(request, id));
      const doc = exportOf(request, items);
      await app.audit(request, {
        action: 'export',
        objectType: 'dataset_bundle',
        marking: doc.marking,
        details: { datasets: items.map((i) => i.entry.id) },
      });
      reply.header('content-disposition', 'attachment; filename="datasets.json"');
      reply.header('x-chokepoint-marking', JSON.stringify(doc.marking));
      return doc;
    },
  );
};
