import type { FastifyRequest } from 'fastify';
import { dominates, type Marking } from '../../analysis/marking.ts';
import { badInput, ChokepointError, notFound } from '../../errors.ts';
import { normalizeMarking } from '../../data/security/index.ts';
import { canReadMarking } from './markings.ts';
import { requirePermission } from './access.ts';

/**
 * The one rule for every write that sets a marking — create, update, upsert (PRODUCT.md §3.9, docs/security.md
 * § Marking changes). Issue 18 found an analyst at level 2 replacing a level-3 rule set and making it level 0,
 * and rule sets, events, groups and scenarios accepting level 3 and unknown compartments from a level-2 analyst:
 * - an update needs read access to the object it replaces (a hidden object answers like a missing one);
 * - nobody marks above their own clearance, with a compartment they do not hold, or releasable only to
 *   organisations other than their own (a marking its writer could not read);
 * - lowering a marking (the new one does not dominate the old) needs the `declassify` permission and a reason of
 *   at least 10 characters, which the caller records in the audit entry.
 * Returns the normalised marking to store and whether it lowers the old one.
 */
export interface MarkingChange {
  /** The stored object's marking when it exists (undefined: a create). */
  existing?: Marking;
  /** The marking asked for; undefined keeps the existing one (or `fallback` for a create). */
  requested?: Marking;
  /** The marking of a new object when none is asked for. */
  fallback: Marking;
  reason?: string;
  /** What the object is called in errors ("rule set", "group") and the request field of its marking. */
  what: string;
  field?: string;
}

export function authorizeMarkingChange(
  request: FastifyRequest,
  change: MarkingChange,
): { marking: Marking; lowered: boolean } {
  const field = change.field ?? 'marking';
  if (change.existing && !canReadMarking(request, change.existing)) {
    throw notFound(`${change.what} not found`, { field: 'id' });
  }
  const marking = normalizeMarking(change.requested ?? change.existing ?? change.fallback);
  if (!canReadMarking(request, marking)) {
    throw new ChokepointError(
      'forbidden',
      'you cannot mark an object above your own clearance, with a compartment you do not hold, or releasable only to other organisations',
      { field },
    );
  }
  const lowered = change.existing !== undefined && !dominates(marking, normalizeMarking(change.existing));
  if (lowered) {
    requirePermission(request, 'declassify');
    if ((change.reason?.trim() ?? '').length < 10) {
      throw badInput('lowering a marking needs a reason of at least 10 characters', { field: 'reason' });
    }
  }
  return { marking, lowered };
}
