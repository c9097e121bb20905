import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { joinMarkings, publicMarking, type Marking } from '../../../analysis/marking.ts';
import { exerciseTemplates } from '../../../analysis/exercises/templates.ts';
import { validateDesign, validateInjects } from '../../../analysis/exercises/validation.ts';
import type { ExerciseDesign, Inject } from '../../../analysis/exercises/exercise.ts';
import {
  createExercise,
  deleteExercise,
  failPreparation,
  finishPreparation,
  hasUnreadableInjects,
  injectsFromRun,
  listExercises,
  parseOpenAevText,
  prepareTemplateExercise,
  removeParticipant,
  runLabels,
  setParticipant,
  updateExercise,
  type ExerciseRecord,
} from '../../../data/exercises/index.ts';
import { createRun, createScenario } from '../../../data/scenario/index.ts';
import { listGroups } from '../../../data/reference/index.ts';
import { findTradeDataset } from '../../../data/catalog/index.ts';
import { badInput, ChokepointError } from '../../../errors.ts';
import { datasetMarking, deriveMarking, MarkingSchema, readerOf } from '../../security/markings.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import { startScenarioRun } from '../../exercises/scenarioRuns.ts';
import { partOf, readableExercise, requireFacilitator } from '../../exercises/access.ts';
import type { SessionHub } from '../../exercises/sessionHub.ts';
import { BilingualSchema, ExerciseSchema, ExerciseSummarySchema, IdParams } from './schemas.ts';

/**
 * Exercises (PRODUCT.md §3.5): templates; a new exercise from a template in one step (its scenario runs in the
 * background and the injects are generated when it ends: poll GET /exercises/:id until status is ready); exercises
 * written by hand or imported from OpenAEV; the design and injects (each inject shown only to readers cleared for
 * its marking); participants. Every change is audited.
 */
const writers = ['analyst' as const, 'administrator' as const];
const RoleSchema = Type.Union([
  Type.Literal('facilitator'),
  Type.Literal('player'),
  Type.Literal('observer'),
  Type.Literal('evaluator'),
]);

/**
 * What the reader may see of an exercise: the injects they are cleared for (the store left out the others), and
 * their own part. A player is shown none of the design's injects: they receive each from the session when it
 * fires (GET /exercise-sessions/:id/events, the WebSocket), never the script ahead of time or another team's.
 */
function forReader(request: FastifyRequest, exercise: ExerciseRecord) {
  const part = partOf(request, exercise);
  return {
    ...exercise,
    injects: part?.role === 'player' ? [] : exercise.injects,
    you: part ? { role: part.role, team: part.team } : null,
  };
}

/** The marking of a new exercise (authorizeMarkingChange: none above the author's clearance). */
function markingOf(request: FastifyRequest, marking: Marking | undefined, field: string): Marking {
  return authorizeMarkingChange(request, {
    requested: marking,
    fallback: publicMarking,
    what: 'exercise',
    field,
  }).marking;
}

/**
 * Hand-written injects checked against the design's teams; each inject's marking goes through
 * authorizeMarkingChange against the inject it replaces (same id), so lowering one needs declassify and `reason`.
 * Figures and their source come from a scenario run, never from an editor: an inject kept by id keeps them.
 */
function checkedInjects(
  request: FastifyRequest,
  raw: unknown,
  design: ExerciseDesign,
  before: readonly Inject[],
  reason?: string,
): { injects: Inject[]; lowered: boolean } {
  let lowered = false;
  const injects = validateInjects(
    raw,
    design.teams.map((t) => t.id),
  ).map((inject, i) => {
    const old = before.find((b) => b.id === inject.id);
    const change = authorizeMarkingChange(request, {
      existing: old?.marking,
      requested: inject.marking,
      fallback: publicMarking,
      reason,
      what: 'inject',
      field: `injects[${i}].marking`,
    });
    lowered ||= change.lowered;
    const checked = { ...inject, marking: change.marking };
    return old ? { ...checked, figures: old.figures, source: old.source } : checked;
  });
  return { injects, lowered };
}

export function exerciseResourceRoutes(hub: SessionHub): FastifyPluginAsyncTypebox {
  return async (app) => {
    const db = () => app.services.state;

    app.get(
      '/exercise-templates',
      {
        config: { marks: 'none', authz: { kind: 'action' } },
        schema: {
          tags: ['exercises'],
          summary:
            'Exercise templates: export ban, chokepoint closure, cyber attack on a supplier, economic coercion',
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  id: Type.String(),
                  title: BilingualSchema,
                  description: BilingualSchema,
                  modelling: BilingualSchema,
                  defaultProducts: Type.Array(Type.String()),
                  supplier: Type.Union([
                    Type.Object({
                      scope: Type.Union([Type.Literal('world'), Type.Literal('reporter')]),
                      among: Type.Union([Type.String(), Type.Null()]),
                    }),
                    Type.Null(),
                  ]),
                }),
              ),
            }),
          },
        },
      },
      async () => ({ items: exerciseTemplates.map((t) => ({ ...t })) }),
    );

    app.get(
      '/exercises',
      {
        config: { marks: 'objects', authz: { kind: 'list', fixture: 'exercise' } },
        schema: {
          tags: ['exercises'],
          summary: 'Exercises the user may read, newest first',
          querystring: Type.Object({
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            offset: Type.Optional(Type.Integer({ minimum: 0 })),
          }),
          response: { 200: Type.Object({ items: Type.Array(ExerciseSummarySchema), total: Type.Number() }) },
        },
      },
      async (request) =>
        listExercises(db(), readerOf(request), {
          limit: request.query.limit ?? 100,
          offset: request.query.offset ?? 0,
        }),
    );

    app.post(
      '/exercises/from-template',
      {
        config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
        schema: {
          tags: ['exercises'],
          summary:
            'A new exercise from a template in one step: its scenario is saved and run; poll GET /exercises/:id until ready',
          body: Type.Object(
            {
              template: Type.String({ minLength: 1, maxLength: 64 }),
              reporter: Type.String({ minLength: 1, maxLength: 64 }),
              year: Type.Optional(Type.Integer({ minimum: 1988, maximum: 2100 })),
              products: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{6}$' }), { maxItems: 200 })),
              dataset: Type.Optional(Type.String({ maxLength: 64 })),
              marking: Type.Optional(MarkingSchema),
            },
            { additionalProperties: false },
          ),
          response: { 202: ExerciseSummarySchema },
        },
      },
      async (request, reply) => {
        const services = app.services;
        const body = request.body;
        const prepared = await prepareTemplateExercise(services, body, await listGroups(db()));
        const trade = findTradeDataset(services.catalog, body.dataset);
        const marking = deriveMarking([
          markingOf(request, body.marking, 'marking'),
          await datasetMarking(app, trade.id),
        ]);
        const scenario = await createScenario(db(), {
          definition: prepared.definition,
          text: prepared.scenarioText,
          marking,
          userId: request.user.id,
        });
        const run = await createRun(db(), {
          scenarioId: scenario.id,
          version: 1,
          dataset: body.dataset,
          marking,
          userId: request.user.id,
        });
        const exercise = await createExercise(db(), {
          design: prepared.design,
          injects: [],
          marking,
          status: 'preparing',
          scenarioId: scenario.id,
          baselineRunId: run.id,
          userId: request.user.id,
        });
        await app.audit(request, {
          action: 'exercise.create',
          objectType: 'exercise',
          objectId: exercise.id,
          marking,
          details: { template: body.template, scenario: scenario.id, run: run.id },
        });
        // When the run ends, the injects are generated from it (with product names when the HS labels are
        // imported) and the exercise is ready; a failed run fails the exercise with the run's error.
        startScenarioRun(
          app,
          run.id,
          { definition: prepared.definition, dataset: body.dataset, marking },
          {
            finish: async (result, runMarking) => {
              const labels = runLabels(services.dataDir, result);
              await finishPreparation(
                db(),
                exercise.id,
                injectsFromRun(prepared, result, run.id, runMarking, labels),
                marking,
              );
            },
            fail: (error) => failPreparation(db(), exercise.id, error),
          },
        );
        return reply.status(202).send(exercise);
      },
    );

    const HandWritten = Type.Object(
      {
        /** The design: title, description, objectives, organisations, teams, questionnaire, timeUnit. */
        design: Type.Unknown(),
        /** Injects: { id, at, team, title, body, kind?, marking?, condition?, expectations? }. */
        injects: Type.Optional(Type.Unknown()),
        marking: Type.Optional(MarkingSchema),
        reason: Type.Optional(Type.String({ maxLength: 2000 })),
      },
      { additionalProperties: false },
    );

    app.post(
      '/exercises',
      {
        config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
        schema: {
          tags: ['exercises'],
          summary: 'A new exercise written by hand (design and injects); it is checked first',
          body: HandWritten,
          response: { 201: ExerciseSummarySchema },
        },
      },
      async (request, reply) => {
        const design = validateDesign(request.body.design);
        const { injects } = checkedInjects(request, request.body.injects ?? [], design, []);
        const marking = markingOf(request, request.body.marking, 'marking');
        const saved = await createExercise(db(), {
          design,
          injects,
          marking,
          status: 'ready',
          userId: request.user.id,
        });
        await app.audit(request, {
          action: 'exercise.create',
          objectType: 'exercise',
          objectId: saved.id,
          marking,
        });
        return reply.status(201).send(saved);
      },
    );

    app.post(
      '/exercises/import',
      {
        config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
        schema: {
          tags: ['exercises'],
          summary: 'Import an exercise from an OpenAEV scenario export (the JSON of its archive)',
          body: Type.Object(
            {
              format: Type.Literal('openaev'),
              content: Type.String({ minLength: 2, maxLength: 5_000_000 }),
              /** The name of the file the content was read from, kept with its checksum as the exercise's provenance. */
              fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
              marking: Type.Optional(MarkingSchema),
            },
            { additionalProperties: false },
          ),
          response: { 201: ExerciseSummarySchema },
        },
      },
      async (request, reply) => {
        const { design, injects } = parseOpenAevText(
          request.body.content,
          request.body.fileName ?? 'content',
        );
        const marking = markingOf(request, request.body.marking, 'marking');
        const saved = await createExercise(db(), {
          design,
          injects: injects.map((i) => ({ ...i, marking: joinMarkings([i.marking, marking]) })),
          marking,
          status: 'ready',
          userId: request.user.id,
        });
        await app.audit(request, {
          action: 'exercise.import',
          objectType: 'exercise',
          objectId: saved.id,
          marking,
          details: { format: 'openaev', injects: injects.length, sha256: design.imported?.sha256 ?? null },
        });
        return reply.status(201).send(saved);
      },
    );

    app.get(
      '/exercises/:id',
      {
        config: { marks: 'objects', authz: { kind: 'read', fixture: 'exercise', param: 'id' } },
        schema: {
          tags: ['exercises'],
          summary:
            'An exercise: design, the injects the reader is cleared for, participants, the reader’s part',
          params: IdParams,
          response: { 200: ExerciseSchema },
        },
      },
      async (request) => forReader(request, await readableExercise(request, request.params.id)),
    );

    app.put(
      '/exercises/:id',
      {
        config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
        schema: {
          tags: ['exercises'],
          summary:
            'Save the design and injects (facilitators); lowering a marking needs declassify and a reason',
          params: IdParams,
          body: HandWritten,
          response: { 200: ExerciseSummarySchema },
        },
      },
      async (request) => {
        const current = await readableExercise(request, request.params.id);
        requireFacilitator(request, current);
        if (await hasUnreadableInjects(db(), current.id, readerOf(request)))
          throw new ChokepointError('forbidden', 'you are not cleared for every inject of this exercise', {
            field: 'id',
          });
        const design = {
          ...validateDesign(request.body.design),
          template: current.design.template,
          parameters: current.design.parameters,
          // Provenance is the importer's, never an editor's.
          ...(current.design.imported ? { imported: current.design.imported } : {}),
        };
        const checked = checkedInjects(
          request,
          request.body.injects ?? [],
          design,
          current.injects,
          request.body.reason,
        );
        const injects = checked.injects;
        const change = authorizeMarkingChange(request, {
          existing: current.marking,
          requested: request.body.marking,
          fallback: current.marking,
          reason: request.body.reason,
          what: 'exercise',
        });
        const marking = change.marking;
        const lowered = change.lowered || checked.lowered;
        const saved = await updateExercise(db(), current.id, { design, injects, marking });
        await app.audit(request, {
          action: lowered ? 'declassify' : 'update',
          objectType: 'exercise',
          objectId: saved.id,
          marking: saved.marking,
          details: { injects: injects.length, ...(lowered ? { reason: request.body.reason } : {}) },
        });
        return saved;
      },
    );

    app.delete(
      '/exercises/:id',
      {
        config: { marks: 'none', roles: writers, authz: { kind: 'action' } },
        schema: {
          tags: ['exercises'],
          summary: 'Delete an exercise (facilitators; kept for the audit trail)',
          params: IdParams,
        },
      },
      async (request, reply) => {
        const current = await readableExercise(request, request.params.id);
        requireFacilitator(request, current);
        await deleteExercise(db(), current.id);
        await app.audit(request, {
          action: 'delete',
          objectType: 'exercise',
          objectId: current.id,
          marking: current.marking,
        });
        return reply.status(204).send();
      },
    );

    app.put(
      '/exercises/:id/participants/:userId',
      {
        config: { marks: 'none', authz: { kind: 'action' } },
        schema: {
          tags: ['exercises'],
          summary: 'Add a participant or change their role and team (facilitators, administrators)',
          params: Type.Object({ id: Type.String({ maxLength: 64 }), userId: Type.String({ maxLength: 64 }) }),
          body: Type.Object(
            {
              role: RoleSchema,
              // Null first: with ajv's type coercion a string branch tried first would turn null into "".
              team: Type.Optional(Type.Union([Type.Null(), Type.String({ minLength: 1, maxLength: 64 })])),
            },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null({ description: 'Done; no body' }) },
        },
      },
      async (request, reply) => {
        const exercise = await readableExercise(request, request.params.id);
        if (request.user.role !== 'administrator') requireFacilitator(request, exercise);
        const team = request.body.team ?? null;
        if (team !== null && !exercise.design.teams.some((t) => t.id === team))
          throw badInput(`no team "${team}" in this exercise`, { field: 'team' });
        await setParticipant(db(), exercise.id, {
          userId: request.params.userId,
          role: request.body.role,
          team,
          addedBy: request.user.id,
        });
        hub.dropUser(exercise.id, request.params.userId);
        await app.audit(request, {
          action: 'exercise-participant.set',
          objectType: 'exercise',
          objectId: exercise.id,
          marking: exercise.marking,
          details: { user: request.params.userId, role: request.body.role, team },
        });
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/exercises/:id/participants/:userId',
      {
        config: { marks: 'none', authz: { kind: 'action' } },
        schema: {
          tags: ['exercises'],
          summary: 'Remove a participant (facilitators, administrators)',
          params: Type.Object({ id: Type.String({ maxLength: 64 }), userId: Type.String({ maxLength: 64 }) }),
          response: { 204: Type.Null({ description: 'Done; no body' }) },
        },
      },
      async (request, reply) => {
        const exercise = await readableExercise(request, request.params.id);
        if (request.user.role !== 'administrator') requireFacilitator(request, exercise);
        await removeParticipant(db(), exercise.id, request.params.userId);
        hub.dropUser(exercise.id, request.params.userId);
        await app.audit(request, {
          action: 'exercise-participant.remove',
          objectType: 'exercise',
          objectId: exercise.id,
          marking: exercise.marking,
          details: { user: request.params.userId },
        });
        return reply.status(204).send(null);
      },
    );
  };
}
