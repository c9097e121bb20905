import type { FastifyInstance } from 'fastify';
import type { Marking } from '../../src/analysis/marking.ts';
import type { ExerciseDesign } from '../../src/analysis/exercises/exercise.ts';
import { createExercise } from '../../src/data/exercises/exerciseStore.ts';
import { createSession } from '../../src/data/exercises/sessionStore.ts';

/** Seeders of the exercise objects for the authorization matrix (test/helpers/authzFixtures.ts). */
const design: ExerciseDesign = {
  title: { ja: '認可の演習', en: 'authorization fixture' },
  description: { ja: '', en: '' },
  template: null,
  objectives: [],
  organisations: [],
  teams: [],
  questionnaire: { anonymous: false, questions: [] },
  timeUnit: 'month',
  parameters: null,
};

const exercise = async (app: FastifyInstance, marking: Marking) =>
  (await createExercise(app.services.state, { design, injects: [], marking, status: 'ready', userId: null }))
    .id;

export const exerciseAuthzFixtures: Record<
  string,
  (app: FastifyInstance, marking: Marking) => Promise<string>
> = {
  /** A ready exercise without injects. */
  exercise,
  /** A session of an exercise, both with the marking. */
  exerciseSession: async (app, marking) =>
    (
      await createSession(app.services.state, {
        exerciseId: await exercise(app, marking),
        marking,
        userId: null,
      })
    ).id,
};
