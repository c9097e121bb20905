import type { FastifyRequest } from 'fastify';
import type { Marking } from '../../analysis/marking.ts';
import { ChokepointError, notFound } from '../../errors.ts';
import { getShare, type Share, type ShareAudience } from '../../data/sharing/index.ts';
import { readerOf } from '../security/markings.ts';

/** Who reads a share in this request: the user, their organisation and their clearance. */
export const audienceOf = (request: FastifyRequest): ShareAudience => ({
  reader: readerOf(request),
  userId: request.user.id,
  organisationId: request.user.organisationId,
});

/** A share the requester sent and may still read; any other answers exactly like a missing share. */
export async function sentShare(request: FastifyRequest, id: string): Promise<Share> {
  const share = await getShare(request.server.services.state, id, audienceOf(request));
  if (share.createdBy !== request.user.id) throw notFound('share not found', { field: 'id' });
  return share;
}

/** Highest marking a signed link may carry: 取扱注意 (restricted), no compartment, releasable to anyone. */
export const maxLinkLevel = 1;

/**
 * A signed link is read by a person without an account, hence without a clearance the platform knows: only a share
 * marked at most restricted, without compartments and not limited to named organisations may have one. Anything
 * higher is shared with accounts, whose clearance is checked at every read.
 */
export function checkLinkable(marking: Marking): void {
  if (marking.level > maxLinkLevel || marking.compartments.length || marking.releasableTo !== null)
    throw new ChokepointError(
      'forbidden',
      'a signed link is only for shares marked at most restricted (取扱注意), without compartments or releasability limits',
      { field: 'link' },
    );
}
