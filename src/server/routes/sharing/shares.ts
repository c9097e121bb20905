import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createShare, getShare, listShares, markSnapshot, revokeShare } from '../../../data/sharing/index.ts';
import { recordObjectRead } from '../../../data/security/index.ts';
import { requirePermission } from '../../security/access.ts';
import { MarkingSchema } from '../../security/markings.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import { captureSnapshot } from '../../sharing/snapshot.ts';
import { checkRecipients } from '../../sharing/recipients.ts';
import { sendShareDocument } from '../../sharing/document.ts';
import { audienceOf, checkLinkable, sentShare } from '../../sharing/access.ts';
import { issueShareLink } from '../../sharing/issueLink.ts';
import {
  CreatedLinkSchema,
  DocumentQuery,
  IdParams,
  NewLinkBody,
  PageQuery,
  ShareKindSchema,
  ShareSchema,
  ShareSummarySchema,
} from './schemas.ts';

/**
 * /api/shares — results shared with named users and organisations (issue 24; docs/security.md § Sharing). A share
 * keeps a snapshot of the result as its sender saw it, marked at least as high as what the result read; its
 * recipients read it while it is in force and while their clearance admits its marking (checked in SQL at every
 * read, so lists and totals count only what the reader may read).
 */
const writers = ['analyst' as const, 'administrator' as const];

const NewShareBody = Type.Object(
  {
    kind: ShareKindSchema,
    source: Type.Record(
      Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9]{0,31}$' }),
      Type.String({ maxLength: 500 }),
      {
        maxProperties: 20,
        description:
          'the parameters naming the result: screen {reporter, year, method?, dataset?}; dossier {hs6, reporter, year}; scenario-run {run}; zone {entry, reporter?}; exercise-report {exercise, org, session?, lang?}',
      },
    ),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
    recipients: Type.Object(
      {
        users: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 200 })),
        organisations: Type.Optional(
          Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 200 }),
        ),
      },
      { additionalProperties: false },
    ),
    marking: Type.Optional(MarkingSchema),
    reason: Type.Optional(Type.String({ maxLength: 2000, description: 'why, when the marking is lowered' })),
    days: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 365, default: 30 })),
    link: Type.Optional(NewLinkBody),
  },
  { additionalProperties: false },
);

export const shareRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.post(
    '/shares',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['sharing'],
        summary:
          'Share a result (screen, dossier, scenario run, zone, exercise report) under a marking until an expiry',
        body: NewShareBody,
        response: {
          201: Type.Object({ share: ShareSummarySchema, link: Type.Union([CreatedLinkSchema, Type.Null()]) }),
        },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'share');
      const body = request.body;
      const { snapshot, marking: sourceMarking } = await captureSnapshot(request, body.kind, body.source);
      recordObjectRead(`shared-${body.kind}`, JSON.stringify(body.source), sourceMarking);
      // Never below what the result read unless declassified (permission + reason); never above the sender.
      const { marking, lowered } = authorizeMarkingChange(request, {
        existing: sourceMarking,
        requested: body.marking,
        fallback: sourceMarking,
        reason: body.reason,
        what: 'result',
      });
      const recipients = await checkRecipients(
        db(),
        { users: body.recipients.users ?? [], organisations: body.recipients.organisations ?? [] },
        marking,
      );
      if (body.link) checkLinkable(marking);
      const share = await createShare(db(), {
        kind: body.kind,
        source: body.source,
        title: body.title,
        note: body.note ?? null,
        snapshot: markSnapshot(snapshot, marking),
        sourceMarking,
        marking,
        recipients,
        expiresAt: Date.now() + Math.round((body.days ?? 30) * 86_400_000),
        createdBy: request.user.id,
        sender: request.user.displayName || request.user.username,
      });
      await app.audit(request, {
        action: 'share',
        objectType: 'share',
        objectId: share.id,
        marking,
        details: {
          kind: share.kind,
          source: share.source,
          recipients: share.recipients,
          expiresAt: share.expiresAt,
          sourceMarking,
          ...(lowered ? { declassified: true, reason: body.reason } : {}),
        },
      });
      const link = body.link ? await issueShareLink(request, share, body.link) : null;
      return reply.status(201).send({ share, link });
    },
  );

  app.get(
    '/shares',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'share' } },
      schema: {
        tags: ['sharing'],
        summary:
          'Results shared with me (as a user or through my organisation), in force and within my clearance',
        querystring: PageQuery,
        response: { 200: Type.Object({ items: Type.Array(ShareSummarySchema), total: Type.Number() }) },
      },
    },
    async (request) =>
      listShares(db(), audienceOf(request), 'received', {
        limit: request.query.limit ?? 100,
        offset: request.query.offset ?? 0,
      }),
  );

  app.get(
    '/shares/sent',
    {
      config: {
        marks: 'objects',
        authz: { kind: 'none', reason: "the sender's own shares; covered by test/sharing/shares.test.ts" },
      },
      schema: {
        tags: ['sharing'],
        summary: 'Results I shared (revoked and expired ones too)',
        querystring: PageQuery,
        response: { 200: Type.Object({ items: Type.Array(ShareSummarySchema), total: Type.Number() }) },
      },
    },
    async (request) =>
      listShares(db(), audienceOf(request), 'sent', {
        limit: request.query.limit ?? 100,
        offset: request.query.offset ?? 0,
      }),
  );

  app.get(
    '/shares/:id',
    {
      config: { marks: 'objects', auditAs: 'share', authz: { kind: 'read', fixture: 'share', param: 'id' } },
      schema: {
        tags: ['sharing'],
        summary: 'A shared result with its snapshot (its recipients and sender, within their clearance)',
        params: IdParams,
        response: { 200: ShareSchema },
      },
    },
    async (request) => getShare(db(), request.params.id, audienceOf(request)),
  );

  app.get(
    '/shares/:id/document',
    {
      config: {
        marks: 'export',
        auditAs: 'share-document',
        authz: { kind: 'read', fixture: 'share', param: 'id' },
      },
      schema: {
        tags: ['sharing'],
        summary:
          'A shared result as HTML or PDF, marked and watermarked with the reader’s name on every page',
        params: IdParams,
        querystring: DocumentQuery,
      },
    },
    async (request, reply) => {
      const share = await getShare(db(), request.params.id, audienceOf(request));
      await app.audit(request, {
        action: 'export',
        objectType: 'share',
        objectId: share.id,
        marking: share.marking,
        details: { format: request.query.format ?? 'html' },
      });
      return sendShareDocument(reply, share, {
        format: request.query.format ?? 'html',
        lang: request.query.lang ?? 'ja',
        watermark: `${request.user.displayName || request.user.username} (${request.user.organisationId})`,
      });
    },
  );

  app.post(
    '/shares/:id/revoke',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['sharing'],
        summary: 'Revoke a share I sent, for good (its signed links stop working too)',
        params: IdParams,
        body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) })),
        response: { 200: ShareSummarySchema },
      },
    },
    async (request) => {
      const share = await sentShare(request, request.params.id);
      await revokeShare(db(), share.id, { by: request.user.id, reason: request.body?.reason ?? '' });
      await app.audit(request, {
        action: 'revoke',
        objectType: 'share',
        objectId: share.id,
        marking: share.marking,
        details: { reason: request.body?.reason ?? '' },
      });
      const { snapshot: _snapshot, ...summary } = await getShare(db(), share.id, audienceOf(request));
      return summary;
    },
  );
};
