import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listShareLinks, resolveShareLink, revokeShareLink } from '../../../data/sharing/index.ts';
import { newReadContext, recordObjectRead } from '../../../data/security/index.ts';
import { requirePermission } from '../../security/access.ts';
import { sentShare } from '../../sharing/access.ts';
import { issueShareLink } from '../../sharing/issueLink.ts';
import { sendShareDocument } from '../../sharing/document.ts';
import { MarkingSchema } from '../../security/markings.ts';
import { CreatedLinkSchema, DocumentQuery, IdParams, NewLinkBody, ShareLinkSchema } from './schemas.ts';

/**
 * Signed read-only links to a share for a named person without an account (issue 24; the mechanism of
 * data/security/signedLinks.ts, which the exercise report links use too): made and revoked by the share's sender,
 * read by anyone holding the token while the link and its share are in force, every page watermarked with the
 * name the link was made for.
 */
const writers = ['analyst' as const, 'administrator' as const];

export const shareLinkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.post(
    '/shares/:id/links',
    {
      config: { marks: 'result', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['sharing'],
        summary:
          'A signed, expiring link to a share I sent, for a named person without an account (token shown once)',
        params: IdParams,
        body: NewLinkBody,
        response: { 201: Type.Intersect([CreatedLinkSchema, Type.Object({ marking: MarkingSchema })]) },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'share');
      const share = await sentShare(request, request.params.id);
      const made = await issueShareLink(request, share, request.body);
      return reply.status(201).send({ ...made, marking: share.marking });
    },
  );

  app.get(
    '/shares/:id/links',
    {
      config: {
        marks: 'result',
        authz: { kind: 'none', reason: "the sender's own links; covered by test/sharing/shares.test.ts" },
      },
      schema: {
        tags: ['sharing'],
        summary: 'The signed links of a share I sent (not their tokens), revoked ones too',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(ShareLinkSchema),
            total: Type.Number(),
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request) => {
      const share = await sentShare(request, request.params.id);
      const items = await listShareLinks(db(), share.id);
      return { items, total: items.length, marking: share.marking };
    },
  );

  app.post(
    '/shares/:id/links/:linkId/revoke',
    {
      config: { marks: 'result', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['sharing'],
        summary: 'Revoke a signed link for good',
        params: Type.Object({ id: Type.String({ maxLength: 64 }), linkId: Type.String({ maxLength: 64 }) }),
        body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) })),
        response: { 200: Type.Object({ link: ShareLinkSchema, marking: MarkingSchema }) },
      },
    },
    async (request) => {
      const share = await sentShare(request, request.params.id);
      const reason = request.body?.reason ?? '';
      const link = await revokeShareLink(db(), share.id, request.params.linkId, {
        by: request.user.id,
        reason,
      });
      await app.audit(request, {
        action: 'revoke',
        objectType: 'share-link',
        objectId: link.id,
        marking: share.marking,
        details: { share: share.id, reason },
      });
      return { link, marking: share.marking };
    },
  );

  app.get(
    '/share-links/:token',
    {
      config: {
        public: true,
        marks: 'export',
        auditAs: 'share-link',
        authz: {
          kind: 'none',
          reason: 'public: the signed token is the credential; attacks in test/sharing/shares.test.ts',
        },
      },
      schema: {
        tags: ['sharing'],
        summary:
          'The shared result a signed link stands for (no account needed), watermarked with its recipient',
        params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }),
        querystring: DocumentQuery,
      },
    },
    async (request, reply) => {
      const { link, share } = await resolveShareLink(db(), request.params.token);
      // The holder reads as a reader cleared for exactly the link's share (at most restricted, no compartments).
      if (request.readContext)
        request.readContext = newReadContext(
          { clearance: { level: share.marking.level, compartments: [], organisationId: '' } },
          request.readContext.datasetMarkings,
        );
      recordObjectRead('share', share.id, share.marking);
      await app.audit(request, {
        action: 'read',
        objectType: 'share-link',
        objectId: link.id,
        marking: share.marking,
        details: { share: share.id, recipientName: link.recipientName },
      });
      return sendShareDocument(reply, share, {
        format: request.query.format ?? 'html',
        lang: request.query.lang ?? 'ja',
        watermark: link.recipientName,
      });
    },
  );
};
