import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listFollowUpsDue, requireDialogue, setFollowUpDone } from '../../../data/dialogue/index.ts';
import { notFound } from '../../../errors.ts';
import { MarkingSchema, readerOf } from '../../security/markings.ts';
import { DueFollowUpSchema, FollowUpSchema, IdParams, writers } from './schemas.ts';

/** The follow-ups of dialogue records: those due (of records the reader may read), and marking one done. */
export const dialogueFollowUpRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.get(
    '/dialogue/follow-ups',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'dialogueFollowUp' } },
      schema: {
        tags: ['dialogue'],
        summary: 'Open follow-ups, soonest due first (due on or before a date, of an owner)',
        querystring: Type.Object({
          before: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
          owner: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(DueFollowUpSchema), total: Type.Number() }) },
      },
    },
    async (request) => listFollowUpsDue(db(), request.query, readerOf(request)),
  );

  app.post(
    '/dialogue/:id/follow-ups/:followUpId/done',
    {
      config: { marks: 'result', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['dialogue'],
        summary: 'Mark a follow-up done (or open again)',
        params: Type.Intersect([IdParams, Type.Object({ followUpId: Type.String({ maxLength: 64 }) })]),
        body: Type.Object({ done: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: Type.Object({ followUp: FollowUpSchema, marking: MarkingSchema }) },
      },
    },
    async (request) => {
      const record = await requireDialogue(db(), request.params.id, readerOf(request));
      const followUp = await setFollowUpDone(db(), record.id, request.params.followUpId, request.body.done);
      if (!followUp) throw notFound('follow-up not found', { field: 'followUpId' });
      await app.audit(request, {
        action: 'update',
        objectType: 'dialogue-follow-up',
        objectId: followUp.id,
        marking: record.marking,
        details: { record: record.id, done: followUp.done },
      });
      return { followUp, marking: record.marking };
    },
  );
};
