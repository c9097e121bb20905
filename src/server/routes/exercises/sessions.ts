import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  createSession,
  eventsAfter,
  listAnswers,
  listScores,
  listSessions,
  setScore,
  submitAnswers,
} from '../../../data/exercises/index.ts';
import { validateDecision } from '../../../analysis/exercises/decision.ts';
import { viewOfEvent } from '../../../analysis/exercises/sessionEvents.ts';
import { badInput, ChokepointError, notFound } from '../../../errors.ts';
import { readerOf } from '../../security/markings.ts';
import { readableExercise, readableSession, requireFacilitator, viewerOf } from './access.ts';
import { AnswerSchema, EventViewSchema, IdParams, ScoreSchema, SessionSchema } from './schemas.ts';
import type { SessionHub } from './sessionHub.ts';

/**
 * Sessions of an exercise over HTTP: create and list them, the event log as the reader may see it (the same views
 * the WebSocket sends), the facilitator's clock and players' decisions (both also over the WebSocket, through
 * the same hub, so every connected client hears of them), evaluators' scores and the questionnaire.
 */
const SessionParams = IdParams;
const Ack = Type.Object({ lastSeq: Type.Number() });

export function sessionRoutes(hub: SessionHub): FastifyPluginAsyncTypebox {
  return async (app) => {
    const db = () => app.services.state;

    app.post(
      '/exercises/:id/sessions',
      {
        config: { marks: 'objects', authz: { kind: 'action' } },
        schema: {
          tags: ['exercises'],
          summary: 'Open a live session of a ready exercise (facilitators)',
          params: IdParams,
          response: { 201: SessionSchema },
        },
      },
      async (request, reply) => {
        const exercise = await readableExercise(request, request.params.id);
        requireFacilitator(request, exercise);
        if (exercise.status !== 'ready')
          throw new ChokepointError('conflict', `the exercise is ${exercise.status}, not ready`, {
            field: 'id',
          });
        const session = await createSession(db(), {
          exerciseId: exercise.id,
          marking: exercise.marking,
          userId: request.user.id,
        });
        await app.audit(request, {
          action: 'exercise-session.create',
          objectType: 'exercise-session',
          objectId: session.id,
          marking: session.marking,
          details: { exercise: exercise.id },
        });
        return reply.status(201).send(session);
      },
    );

    app.get(
      '/exercises/:id/sessions',
      {
        config: { marks: 'objects', authz: { kind: 'read', fixture: 'exercise', param: 'id' } },
        schema: {
          tags: ['exercises'],
          summary: "An exercise's sessions, newest first",
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(SessionSchema), total: Type.Number() }) },
        },
      },
      async (request) => {
        const exercise = await readableExercise(request, request.params.id);
        const items = await listSessions(db(), exercise.id, readerOf(request));
        return { items, total: items.length };
      },
    );

    app.get(
      '/exercise-sessions/:id',
      {
        config: {
          marks: 'objects',
          authz: { kind: 'read', fixture: 'exerciseSession', param: 'id' },
        },
        schema: {
          tags: ['exercises'],
          summary: 'A session: state, simulated time, last seq',
          params: SessionParams,
          response: { 200: SessionSchema },
        },
      },
      async (request) => (await readableSession(request, request.params.id)).session,
    );

    app.get(
      '/exercise-sessions/:id/events',
      {
        config: {
          marks: 'objects',
          authz: { kind: 'none', reason: 'needs a participant; covered by test/exercises/attacks.test.ts' },
        },
        schema: {
          tags: ['exercises'],
          summary:
            'The session’s events after seq `after`, as the reader may see them (the frames of the WebSocket, without it)',
          params: SessionParams,
          querystring: Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0 })) }),
          response: { 200: Type.Object({ items: Type.Array(EventViewSchema), lastSeq: Type.Number() }) },
        },
      },
      async (request) => {
        const { session, exercise } = await readableSession(request, request.params.id);
        const viewer = viewerOf(request, exercise);
        const byId = new Map(exercise.injects.map((i) => [i.id, i]));
        const items = (await eventsAfter(db(), session.id, request.query.after ?? 0, readerOf(request)))
          .map((e) => viewOfEvent(e, viewer, (id) => byId.get(id)))
          .filter((v) => v !== null);
        return { items, lastSeq: session.lastSeq };
      },
    );

    app.post(
      '/exercise-sessions/:id/actions',
      {
        config: {
          marks: 'none',
          authz: {
            kind: 'none',
            reason: 'facilitators of an exercise; covered by test/exercises/live.test.ts',
          },
        },
        schema: {
          tags: ['exercises'],
          summary:
            'The facilitator’s clock: start (or resume), pause, advance simulated time (by or to), end',
          params: SessionParams,
          body: Type.Object(
            {
              action: Type.Union([
                Type.Literal('start'),
                Type.Literal('pause'),
                Type.Literal('advance'),
                Type.Literal('end'),
              ]),
              by: Type.Optional(Type.Number({ minimum: 0, maximum: 1200 })),
              to: Type.Optional(Type.Number({ minimum: 0, maximum: 1200 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Ack },
        },
      },
      async (request) => {
        const { session, exercise } = await readableSession(request, request.params.id);
        requireFacilitator(request, exercise);
        return hub.act(session.id, request, request.body);
      },
    );

    app.post(
      '/exercise-sessions/:id/decisions',
      {
        config: {
          marks: 'none',
          authz: { kind: 'none', reason: 'players of an exercise; covered by test/exercises/live.test.ts' },
        },
        schema: {
          tags: ['exercises'],
          summary:
            'Record a decision on a delivered inject: options considered, action, rationale, owner, follow-up, and what it changes in the scenario',
          params: SessionParams,
          body: Type.Object({
            injectId: Type.String({ maxLength: 64 }),
            team: Type.Optional(Type.String({ maxLength: 64 })),
            optionsConsidered: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 20 })),
            action: Type.String({ maxLength: 2000 }),
            adjustment: Type.Optional(Type.Unknown()),
            rationale: Type.Optional(Type.String({ maxLength: 4000 })),
            owner: Type.Optional(Type.String({ maxLength: 200 })),
            followUp: Type.Optional(Type.String({ maxLength: 2000 })),
          }),
          response: { 201: Type.Object({ id: Type.String(), seq: Type.Number() }) },
        },
      },
      async (request, reply) => {
        const { session, exercise } = await readableSession(request, request.params.id);
        const viewer = viewerOf(request, exercise);
        const input = validateDecision(request.body);
        return reply
          .status(201)
          .send(await hub.decide(session.id, request, viewer, { ...input, team: request.body.team }));
      },
    );

    app.put(
      '/exercise-sessions/:id/scores',
      {
        config: {
          marks: 'objects',
          authz: {
            kind: 'none',
            reason: 'evaluators of an exercise; covered by test/exercises/attacks.test.ts',
          },
        },
        schema: {
          tags: ['exercises'],
          summary: 'An evaluator scores how an expectation of a delivered inject was met (0–100)',
          params: SessionParams,
          body: Type.Object(
            {
              injectId: Type.String({ maxLength: 64 }),
              expectationId: Type.String({ maxLength: 64 }),
              score: Type.Integer({ minimum: 0, maximum: 100 }),
              comment: Type.Optional(Type.String({ maxLength: 4000 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: ScoreSchema },
        },
      },
      async (request) => {
        const { session, exercise } = await readableSession(request, request.params.id);
        const viewer = viewerOf(request, exercise);
        if (viewer.role !== 'evaluator' && viewer.role !== 'facilitator')
          throw new ChokepointError('forbidden', 'only evaluators and facilitators score', { field: 'id' });
        const inject = exercise.injects.find((i) => i.id === request.body.injectId);
        if (!inject) throw notFound('no such inject', { field: 'injectId' });
        if (!inject.expectations.some((e) => e.id === request.body.expectationId))
          throw badInput(`inject ${inject.id} has no expectation "${request.body.expectationId}"`, {
            field: 'expectationId',
          });
        const score = await setScore(db(), session.id, {
          injectId: inject.id,
          expectationId: request.body.expectationId,
          evaluatorId: request.user.id,
          score: request.body.score,
          comment: request.body.comment ?? '',
          marking: inject.marking,
        });
        await app.audit(request, {
          action: 'exercise-score.set',
          objectType: 'exercise-session',
          objectId: session.id,
          marking: inject.marking,
          details: { inject: inject.id, expectation: score.expectationId, score: score.score },
        });
        return score;
      },
    );

    app.get(
      '/exercise-sessions/:id/scores',
      {
        config: {
          marks: 'objects',
          authz: {
            kind: 'none',
            reason: 'participants of an exercise; covered by test/exercises/attacks.test.ts',
          },
        },
        schema: {
          tags: ['exercises'],
          summary: 'Scores the reader may read',
          params: SessionParams,
          response: { 200: Type.Object({ items: Type.Array(ScoreSchema), total: Type.Number() }) },
        },
      },
      async (request) => {
        const { session, exercise } = await readableSession(request, request.params.id);
        viewerOf(request, exercise);
        const items = await listScores(db(), session.id, readerOf(request));
        return { items, total: items.length };
      },
    );

    app.post(
      '/exercise-sessions/:id/answers',
      {
        config: {
          marks: 'none',
          authz: {
            kind: 'none',
            reason: 'participants of an exercise; covered by test/exercises/attacks.test.ts',
          },
        },
        schema: {
          tags: ['exercises'],
          summary: 'Answer the lessons-learned questionnaire once (anonymous when the exercise says so)',
          params: SessionParams,
          body: Type.Object(
            {
              answers: Type.Record(
                Type.String({ maxLength: 64 }),
                // Integer first: with ajv's type coercion a string branch tried first would turn 4 into "4".
                Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.String({ maxLength: 8000 })]),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ id: Type.String(), anonymous: Type.Boolean() }) },
        },
      },
      async (request, reply) => {
        const { session, exercise } = await readableSession(request, request.params.id);
        const viewer = viewerOf(request, exercise);
        const { questions, anonymous } = exercise.design.questionnaire;
        for (const [id, answer] of Object.entries(request.body.answers)) {
          const q = questions.find((x) => x.id === id);
          if (!q) throw badInput(`no question "${id}"`, { field: `answers.${id}` });
          if ((q.kind === 'scale') !== (typeof answer === 'number'))
            throw badInput(q.kind === 'scale' ? 'answer with 1 to 5' : 'answer with text', {
              field: `answers.${id}`,
            });
        }
        const saved = await submitAnswers(db(), session.id, {
          userId: request.user.id,
          team: viewer.team,
          anonymous,
          answers: request.body.answers,
          marking: session.marking,
        });
        // Who answered is audited (the receipt keeps that too), never what, and not which answer row is theirs.
        await app.audit(request, {
          action: 'exercise-questionnaire.answer',
          objectType: 'exercise-session',
          objectId: session.id,
          marking: session.marking,
          ...(anonymous ? {} : { details: { answer: saved.id } }),
        });
        return reply.status(201).send({ id: anonymous ? 'anonymous' : saved.id, anonymous });
      },
    );

    app.get(
      '/exercise-sessions/:id/answers',
      {
        config: {
          marks: 'objects',
          authz: {
            kind: 'none',
            reason: 'facilitators and evaluators; covered by test/exercises/attacks.test.ts',
          },
        },
        schema: {
          tags: ['exercises'],
          summary: 'Questionnaire answers (facilitators and evaluators); anonymous answers name no one',
          params: SessionParams,
          response: { 200: Type.Object({ items: Type.Array(AnswerSchema), total: Type.Number() }) },
        },
      },
      async (request) => {
        const { session, exercise } = await readableSession(request, request.params.id);
        const viewer = viewerOf(request, exercise);
        if (viewer.role !== 'facilitator' && viewer.role !== 'evaluator')
          throw new ChokepointError('forbidden', 'only facilitators and evaluators read the answers', {
            field: 'id',
          });
        const items = await listAnswers(db(), session.id, readerOf(request));
        return { items, total: items.length };
      },
    );
  };
}
