import type { FastifyRequest } from 'fastify';
import { joinMarkings, type Marking } from '../../analysis/marking.ts';
import {
  openCase,
  type CaseKind,
  type ExportControlCase,
  type Actor,
  type MarkingChoice,
} from '../../data/exportControl/index.ts';
import type { StateDb } from '../../data/state/index.ts';
import { actorOf, recordMarking } from './recordMarking.ts';

/**
 * Keeping a screen, a check or a report as a case: the case's marking is checked when the request arrives (before
 * any work, so a refused marking costs nothing), and the case is marked with it joined with what the result read.
 */
export interface CaseToKeep {
  title?: string;
  assignee?: string;
  choice: MarkingChoice & { marking: Marking };
  actor: Actor;
}

export function caseToKeep(
  request: FastifyRequest,
  keep: { title?: string; assignee?: string; marking?: Marking; reason?: string } | undefined,
): CaseToKeep | undefined {
  if (!keep) return undefined;
  return {
    title: keep.title,
    assignee: keep.assignee,
    choice: recordMarking(request, keep, 'case'),
    actor: actorOf(request),
  };
}

/** Opens the case (when one is to be kept); the answer's marking is the case's, else what the result read. */
export async function keepCase(
  db: StateDb,
  keep: CaseToKeep | undefined,
  what: { kind: CaseKind; title: string; subject: unknown; result: unknown },
  read: Marking,
): Promise<{ caseId: string | null; marking: Marking; kept?: ExportControlCase }> {
  if (!keep) return { caseId: null, marking: read };
  const marking = joinMarkings([keep.choice.marking, read]);
  const kept = await openCase(
    db,
    {
      ...what,
      title: keep.title ?? what.title,
      assignee: keep.assignee ?? null,
      ...keep.choice,
      marking,
    },
    keep.actor,
  );
  return { caseId: kept.id, marking, kept };
}
