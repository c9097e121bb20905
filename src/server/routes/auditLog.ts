import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listAudit, verifyAudit } from '../../data/security/index.ts';
import { MarkingSchema, readerOf } from '../security/markings.ts';
import type { Static } from 'typebox';
import type { SameType } from '../sameType.ts';
import type { AuditEntry } from '../../data/security/index.ts';

/**
 * The auditor view: newest entries first, filtered by the auditor's own clearance (an entry about a marked
 * object carries that marking; the auditor sees it only if cleared for it, and the total counts only those).
 */
const EntrySchema = Type.Object({
  seq: Type.Number(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actor: Type.String(),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Type.Union([Type.String(), Type.Null()]),
  marking: Type.Union([MarkingSchema, Type.Null()]),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  prevHash: Type.String(),
  hash: Type.String(),
});
const entryMatches: SameType<Static<typeof EntrySchema>, AuditEntry> = true;
void entryMatches;

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit',
    {
      config: { marks: 'objects', roles: ['auditor'], authz: { kind: 'action' } },
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first (auditors)',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          before: Type.Optional(Type.Integer({ minimum: 1 })),
          action: Type.Optional(Type.String({ maxLength: 64 })),
          actor: Type.Optional(Type.String({ maxLength: 64 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(EntrySchema), total: Type.Number() }) },
      },
    },
    async (request) => listAudit(app.services.state, { ...request.query, reader: readerOf(request) }),
  );

  app.get(
    '/audit/verify',
    {
      config: { marks: 'none', roles: ['auditor'], authz: { kind: 'action' } },
      schema: {
        tags: ['audit'],
        summary: 'Recompute the hash chain and report edits, deletions and reordering (auditors)',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            entries: Type.Number(),
            head: Type.Union([Type.Object({ seq: Type.Number(), hash: Type.String() }), Type.Null()]),
            problems: Type.Array(Type.Object({ seq: Type.Number(), problem: Type.String() })),
          }),
        },
      },
    },
    async (request) => {
      const result = await verifyAudit(app.services.state);
      await app.audit(request, {
        action: 'audit.verify',
        objectType: 'audit_log',
        details: { ok: result.ok, entries: result.entries },
      });
      return result;
    },
  );
};
