import type { FastifyRequest } from 'fastify';
import { joinMarkings, type Marking } from '../../analysis/marking.ts';
import { markingOfReads } from '../../data/security/index.ts';
import { markingsIn } from '../security/enforcement.ts';
import { datasetMarking } from '../security/markings.ts';
import { badInput } from '../../errors.ts';
import type { Actor, MarkingChoice } from '../../data/exportControl/index.ts';
import { authorizeMarkingChange } from '../security/markingChanges.ts';
import { currentUser, requirePermission } from '../security/access.ts';

/**
 * The marking of a new export-control record (case, decision, inform) written through the API. Default: level 1
 * (取扱注意) releasable to the writer's organisation only — an exporter's screens, decisions and notices are its
 * own, and a dismissal recorded by one company must not clear a hit for another. Nobody marks above their own
 * clearance (authorizeMarkingChange); below level 1 needs the declassify permission and a reason (marking.ts).
 */
export function recordMarking(
  request: FastifyRequest,
  choice: { marking?: Marking; reason?: string },
  what: string,
): MarkingChoice & { marking: Marking } {
  const user = currentUser(request);
  const fallback: Marking = { level: 1, compartments: [], releasableTo: [user.organisationId] };
  const { marking } = authorizeMarkingChange(request, { requested: choice.marking, fallback, what });
  if (marking.level >= 1) return { marking };
  requirePermission(request, 'declassify');
  const reason = choice.reason?.trim() ?? '';
  if (reason.length < 10)
    throw badInput('a marking below level 1 needs a reason of at least 10 characters', { field: 'reason' });
  return { marking, belowDefaultReason: reason };
}

/** Who the stores record as acting (their audit entries and case trails). */
export function actorOf(request: FastifyRequest): Actor {
  const user = currentUser(request);
  return { id: user.id, name: user.username };
}

/**
 * The marking of a result: what the request has read so far (the enforcement plugin's read context), every marking
 * the body carries (decisions laid over hits, applied notices), and the datasets named — given explicitly, so the
 * result is marked right whether or not a read context records the reads.
 */
export async function resultMarking(
  request: FastifyRequest,
  body: unknown,
  datasets: readonly string[] = [],
): Promise<Marking> {
  const own = await Promise.all(datasets.map((d) => datasetMarking(request.server, d)));
  return joinMarkings([markingOfReads(), ...markingsIn(body), ...own]);
}
