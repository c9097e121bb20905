import type { FastifyRequest } from 'fastify';
import {
  getExercise,
  getSession,
  type ExerciseRecord,
  type SessionRecord,
} from '../../../data/exercises/index.ts';
import type { Viewer } from '../../../analysis/exercises/sessionEvents.ts';
import { ChokepointError, notFound } from '../../../errors.ts';
import { readerOf } from '../../security/markings.ts';

/**
 * Who may do what with an exercise: reading it needs its marking (a hidden exercise answers 404 like a missing
 * one); running its sessions needs a part in it (participants, migration 600), the clock and the design need the
 * facilitator; each inject is shown only to readers cleared for its own marking (the stores leave the others out in
 * SQL: a reader is never handed an inject, decision or score above their clearance).
 */
export async function readableExercise(request: FastifyRequest, id: string): Promise<ExerciseRecord> {
  const exercise = await getExercise(request.server.services.state, id, readerOf(request));
  if (!exercise) throw notFound('exercise not found', { field: 'id' });
  return exercise;
}

export async function readableSession(
  request: FastifyRequest,
  id: string,
): Promise<{ session: SessionRecord; exercise: ExerciseRecord }> {
  const reader = readerOf(request);
  const session = await getSession(request.server.services.state, id, reader);
  // A session of a hidden exercise is missing too.
  const exercise = session && (await getExercise(request.server.services.state, session.exerciseId, reader));
  if (!session || !exercise) throw notFound('session not found', { field: 'id' });
  return { session, exercise };
}

export function partOf(request: FastifyRequest, exercise: ExerciseRecord) {
  return exercise.participants.find((p) => p.userId === request.user.id);
}

export function requireFacilitator(request: FastifyRequest, exercise: ExerciseRecord): void {
  if (partOf(request, exercise)?.role !== 'facilitator')
    throw new ChokepointError('forbidden', 'only a facilitator of this exercise may do this', {
      field: 'id',
    });
}

/** The reader as a viewer of the exercise's sessions: a participant, with their role, team and clearance. */
export function viewerOf(request: FastifyRequest, exercise: ExerciseRecord): Viewer {
  const part = partOf(request, exercise);
  if (!part)
    throw new ChokepointError(
      'forbidden',
      'you take no part in this exercise (a facilitator adds participants)',
      {
        field: 'id',
      },
    );
  return { role: part.role, team: part.team, clearance: request.user.clearance };
}
