import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { joinMarkings } from '../../../analysis/marking.ts';
import { compareScenarios } from '../../../analysis/scenario/compare.ts';
import {
  createOutcome,
  getSession,
  listDecisions,
  listOutcomes,
  scenarioWithDecisions,
} from '../../../data/exercises/index.ts';
import { createRun, createScenario, getScenario } from '../../../data/scenario/index.ts';
import { listGroups } from '../../../data/reference/index.ts';
import { ChokepointError, notFound } from '../../../errors.ts';
import { MarkingSchema, readerOf } from '../../security/markings.ts';
import { ScenarioComparisonSchema } from '../../scenarioResultSchema.ts';
import { readableExercise, requireFacilitator } from './access.ts';
import { BilingualSchema, IdParams } from './schemas.ts';
import { readableRunResult, startScenarioRun } from './scenarioRuns.ts';

/**
 * Decisions change the world (PRODUCT.md §3.5): the facilitator runs the exercise's scenario again with the
 * decisions of a session applied (stockpile release, like-minded substitution, demand restraint, rerouting) and
 * the outcome is shown beside the original run, figure by figure (analysis/scenario/compare.ts).
 */
const OutcomeSchema = Type.Object({
  id: Type.String(),
  exerciseId: Type.String(),
  sessionId: Type.Union([Type.String(), Type.Null()]),
  scenarioId: Type.String(),
  runId: Type.String(),
  adjustments: Type.Array(Type.Unknown()),
  notes: Type.Array(BilingualSchema),
  marking: MarkingSchema,
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

export const outcomeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.post(
    '/exercises/:id/outcomes',
    {
      config: { marks: 'objects', roles: ['analyst', 'administrator'], authz: { kind: 'action' } },
      schema: {
        tags: ['exercises'],
        summary:
          "Run the exercise's scenario again with a session's decisions applied (facilitators); poll the run, then GET outcomes",
        params: IdParams,
        body: Type.Object({ sessionId: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
        response: { 202: OutcomeSchema },
      },
    },
    async (request, reply) => {
      const exercise = await readableExercise(request, request.params.id);
      requireFacilitator(request, exercise);
      if (!exercise.scenarioId)
        throw new ChokepointError('conflict', 'this exercise has no scenario to run again', { field: 'id' });
      const session = await getSession(db(), request.body.sessionId, readerOf(request));
      if (!session || session.exerciseId !== exercise.id)
        throw notFound('session not found', { field: 'sessionId' });
      const base = await getScenario(db(), exercise.scenarioId);
      if (!base) throw notFound('the exercise’s scenario was deleted', { field: 'id' });
      // Only decisions the facilitator may read are applied: what they cannot see cannot change what they show.
      const decisions = await listDecisions(db(), session.id, readerOf(request));
      const adjusted = scenarioWithDecisions(base.text, decisions, await listGroups(db()));
      const marking = joinMarkings([base.marking, ...decisions.map((d) => d.marking)]);
      const scenario = await createScenario(db(), {
        definition: adjusted.definition,
        text: adjusted.text,
        marking,
        userId: request.user.id,
      });
      const run = await createRun(db(), {
        scenarioId: scenario.id,
        version: 1,
        marking,
        userId: request.user.id,
      });
      const outcome = await createOutcome(db(), {
        exerciseId: exercise.id,
        sessionId: session.id,
        scenarioId: scenario.id,
        runId: run.id,
        adjustments: adjusted.adjustments,
        notes: adjusted.notes,
        marking,
        createdBy: request.user.id,
      });
      await app.audit(request, {
        action: 'exercise-outcome.run',
        objectType: 'exercise',
        objectId: exercise.id,
        marking,
        details: {
          session: session.id,
          scenario: scenario.id,
          run: run.id,
          adjustments: adjusted.adjustments.length,
        },
      });
      startScenarioRun(app, run.id, { definition: adjusted.definition, marking });
      return reply.status(202).send(outcome);
    },
  );

  app.get(
    '/exercises/:id/outcomes',
    {
      config: { marks: 'result', authz: { kind: 'read', fixture: 'exercise', param: 'id' } },
      schema: {
        tags: ['exercises'],
        summary:
          'Outcomes with decisions applied, newest first, and the newest finished one compared with the original run',
        params: IdParams,
        response: {
          200: Type.Object({
            marking: MarkingSchema,
            items: Type.Array(
              Type.Intersect([
                OutcomeSchema,
                Type.Object({
                  status: Type.Union([
                    Type.Literal('queued'),
                    Type.Literal('running'),
                    Type.Literal('done'),
                    Type.Literal('failed'),
                  ]),
                }),
              ]),
            ),
            comparison: Type.Union([ScenarioComparisonSchema, Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const exercise = await readableExercise(request, request.params.id);
      const outcomes = await listOutcomes(db(), exercise.id, readerOf(request));
      const items = [];
      let comparison = null;
      let marking = exercise.marking;
      for (const o of outcomes) {
        const run = await readableRunResult(request, o.runId);
        items.push({ ...o, status: run.status as 'queued' | 'running' | 'done' | 'failed' });
        if (!comparison && run.result && exercise.baselineRunId) {
          const baseline = await readableRunResult(request, exercise.baselineRunId);
          if (baseline.result) {
            comparison = compareScenarios([
              { label: 'original', result: baseline.result },
              { label: 'decisions applied', result: run.result },
            ]);
            marking = joinMarkings([marking, baseline.marking, run.marking]);
          }
        }
      }
      return { marking, items, comparison };
    },
  );
};
