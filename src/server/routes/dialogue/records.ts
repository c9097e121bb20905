import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Marking } from '../../../analysis/marking.ts';
import {
  createDialogue,
  listDialogues,
  requireDialogue,
  updateDialogue,
} from '../../../data/dialogue/index.ts';
import { readerOf } from '../../security/markings.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import { dialogueInputOf } from '../../dialogue/dialogueInput.ts';
import {
  DialogueBody,
  DialogueRecordSchema,
  DialogueSummarySchema,
  IdParams,
  ListQuery,
  writers,
} from './schemas.ts';

/**
 * /api/dialogue — public-private dialogue records (官民対話; issue 24): hearings and association meetings with their
 * findings and follow-ups. Marked and audited; a hidden record answers like a missing one; lists filter in SQL.
 */
/** A new record is 取扱注意 (restricted) unless marked otherwise: what companies say in hearings is not public. */
const restricted: Marking = { level: 1, compartments: [], releasableTo: null };

export const dialogueRecordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.get(
    '/dialogue',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'dialogueRecord' } },
      schema: {
        tags: ['dialogue'],
        summary:
          'Dialogue records, newest first: filter by kind, dates, product, technology, organisation, words',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(DialogueSummarySchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const q = request.query;
      return listDialogues(db(), { ...q, limit: q.limit ?? 100, offset: q.offset ?? 0 }, readerOf(request));
    },
  );

  app.post(
    '/dialogue',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['dialogue'],
        summary: 'Record a hearing or an association meeting',
        body: DialogueBody,
        response: { 201: DialogueRecordSchema },
      },
    },
    async (request, reply) => {
      const { marking } = authorizeMarkingChange(request, {
        requested: request.body.marking,
        fallback: restricted,
        what: 'dialogue record',
      });
      const input = await dialogueInputOf(request, request.body, marking);
      const saved = await createDialogue(db(), input, request.user.id);
      await app.audit(request, {
        action: 'create',
        objectType: 'dialogue-record',
        objectId: saved.id,
        marking,
        details: { kind: saved.kind, heldOn: saved.heldOn, findings: saved.findings.length },
      });
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/dialogue/:id',
    {
      config: {
        marks: 'objects',
        auditAs: 'dialogue-record',
        authz: { kind: 'read', fixture: 'dialogueRecord', param: 'id' },
      },
      schema: {
        tags: ['dialogue'],
        summary: 'One dialogue record with its findings and follow-ups',
        params: IdParams,
        response: { 200: DialogueRecordSchema },
      },
    },
    async (request) => requireDialogue(db(), request.params.id, readerOf(request)),
  );

  app.put(
    '/dialogue/:id',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['dialogue'],
        summary:
          'Edit a dialogue record (findings and follow-ups keep their ids; lowering the marking needs declassify)',
        params: IdParams,
        body: DialogueBody,
        response: { 200: DialogueRecordSchema },
      },
    },
    async (request) => {
      const existing = await requireDialogue(db(), request.params.id, readerOf(request));
      const { marking, lowered } = authorizeMarkingChange(request, {
        existing: existing.marking,
        requested: request.body.marking,
        fallback: existing.marking,
        reason: request.body.reason,
        what: 'dialogue record',
      });
      const input = await dialogueInputOf(request, request.body, marking);
      const saved = await updateDialogue(db(), existing.id, input, request.user.id);
      await app.audit(request, {
        action: 'update',
        objectType: 'dialogue-record',
        objectId: saved.id,
        marking,
        details: {
          findings: saved.findings.length,
          followUps: saved.followUps.length,
          ...(lowered ? { lowered: { from: existing.marking, reason: request.body.reason } } : {}),
        },
      });
      return saved;
    },
  );
};
