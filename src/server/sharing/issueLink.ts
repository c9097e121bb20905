import type { FastifyRequest } from 'fastify';
import { createShareLink, type Share, type ShareLink } from '../../data/sharing/index.ts';
import { checkLinkable } from './access.ts';

/**
 * Makes a signed link to a share for a named person (the share's marking must allow one: checkLinkable) and
 * audits it; the token is in this answer only.
 */
export async function issueShareLink(
  request: FastifyRequest,
  share: Pick<Share, 'id' | 'expiresAt' | 'marking'>,
  input: { recipientName: string; days?: number },
): Promise<{ link: ShareLink; token: string; url: string }> {
  checkLinkable(share.marking);
  const { link, token } = await createShareLink(request.server.services.state, share, {
    recipientName: input.recipientName,
    days: input.days ?? 14,
    createdBy: request.user.id,
  });
  await request.server.audit(request, {
    action: 'share',
    objectType: 'share-link',
    objectId: link.id,
    marking: share.marking,
    details: { share: share.id, recipientName: link.recipientName, expiresAt: link.expiresAt },
  });
  return { link, token, url: `/api/share-links/${token}` };
}
