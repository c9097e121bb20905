import type { StateDb } from '../../data/state/index.ts';
import { canRead, type Marking, type MarkingLevel } from '../../analysis/marking.ts';
import { ChokepointError } from '../../errors.ts';
import { findUserByUsername, getOrganisation } from '../../data/security/index.ts';
import type { ShareRecipient } from '../../data/sharing/index.ts';

/**
 * The recipients of a share, checked against its marking when it is made (issue 24): a named user must be cleared
 * for it (their level capped by their organisation's sharing cap, their compartments, their organisation within
 * the releasable set), an organisation's sharing cap must reach its level and the marking must be releasable to it.
 * Reads check the clearance again (clearances change), so this check only keeps a sender from sharing in vain.
 */
export async function checkRecipients(
  db: StateDb,
  input: { users: string[]; organisations: string[] },
  marking: Marking,
): Promise<ShareRecipient[]> {
  const out: ShareRecipient[] = [];
  for (const [i, username] of input.users.entries()) {
    const field = `recipients.users[${i}]`;
    const user = await findUserByUsername(db, username).catch(() => undefined);
    if (!user || user.disabled) throw new ChokepointError('bad_input', `no user ${username}`, { field });
    const org = await getOrganisation(db, user.organisationId);
    const clearance = {
      level: Math.min(user.clearanceLevel, org.sharingCap) as MarkingLevel,
      compartments: user.compartments,
      organisationId: user.organisationId,
    };
    if (!canRead(clearance, marking))
      throw new ChokepointError('forbidden', `${username} is not cleared for the share's marking`, { field });
    out.push({ kind: 'user', id: user.id });
  }
  for (const [i, id] of input.organisations.entries()) {
    const field = `recipients.organisations[${i}]`;
    const org = await getOrganisation(db, id).catch(() => undefined);
    if (!org) throw new ChokepointError('bad_input', `no organisation ${id}`, { field });
    if (
      org.sharingCap < marking.level ||
      (marking.releasableTo !== null && !marking.releasableTo.includes(org.id))
    )
      throw new ChokepointError('forbidden', `${id} may not receive the share's marking`, { field });
    out.push({ kind: 'organisation', id: org.id });
  }
  if (!out.length)
    throw new ChokepointError('bad_input', 'name at least one recipient', { field: 'recipients' });
  return out;
}
