import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { generateInjects } from '../../../analysis/exercises/injectGeneration.ts';
import { generationTeams, withGeneratedInjects } from '../../../analysis/exercises/generatedInjects.ts';
import { hasUnreadableInjects, runLabels, updateExercise } from '../../../data/exercises/index.ts';
import { getRun, getScenario, parseScenarioText } from '../../../data/scenario/index.ts';
import { listGroups } from '../../../data/reference/index.ts';
import { ChokepointError, notFound } from '../../../errors.ts';
import { readerOf } from '../../security/markings.ts';
import { readableExercise, requireFacilitator } from '../../exercises/access.ts';
import { readableRunResult } from '../../exercises/scenarioRuns.ts';
import { ExerciseSummarySchema, IdParams } from './schemas.ts';

/**
 * Injects generated from a saved scenario's finished run, added to an exercise (the designer's "generate from the
 * scenario run"; docs/exercises.md § Generated injects): the same generation as a template exercise, with the
 * run's figures, provenance and marking on every inject. Figures come only from here, never from an editor.
 */
export const generatedInjectRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.post(
    '/exercises/:id/generated-injects',
    {
      config: { marks: 'objects', roles: ['analyst', 'administrator'], authz: { kind: 'action' } },
      schema: {
        tags: ['exercises'],
        summary:
          "Add the injects generated from a finished scenario run to an exercise's timeline (facilitators)",
        params: IdParams,
        body: Type.Object(
          { runId: Type.String({ minLength: 1, maxLength: 64 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ added: Type.Number(), exercise: ExerciseSummarySchema }) },
      },
    },
    async (request) => {
      const exercise = await readableExercise(request, request.params.id);
      requireFacilitator(request, exercise);
      // Saving the timeline rewrites every inject: the facilitator must be cleared for all of them (as PUT).
      if (await hasUnreadableInjects(db(), exercise.id, readerOf(request)))
        throw new ChokepointError('forbidden', 'you are not cleared for every inject of this exercise', {
          field: 'id',
        });
      // A run the reader may not read answers like a missing one.
      const run = await readableRunResult(request, request.body.runId);
      if (!run.result)
        throw new ChokepointError('conflict', `the run is ${run.status}, not finished`, { field: 'runId' });
      const stored = await getRun(db(), run.id);
      const scenario = stored && (await getScenario(db(), stored.scenarioId, stored.version));
      if (!stored || !scenario) throw notFound('scenario run not found', { field: 'runId' });
      const definition = parseScenarioText(scenario.text, undefined, await listGroups(db()));
      const generated = generateInjects(run.result, {
        runId: run.id,
        marking: run.marking,
        yenPerUsd: definition.propagation.exchangeRate,
        teams: generationTeams(exercise.design),
        labels: runLabels(app.services.dataDir, run.result),
      });
      const injects = withGeneratedInjects(exercise.injects, generated, run.id.slice(0, 8));
      const saved = await updateExercise(db(), exercise.id, { design: exercise.design, injects });
      await app.audit(request, {
        action: 'update',
        objectType: 'exercise',
        objectId: exercise.id,
        marking: saved.marking,
        details: { generatedFrom: run.id, added: generated.length },
      });
      return { added: generated.length, exercise: saved };
    },
  );
};
