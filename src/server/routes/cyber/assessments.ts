import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ChokepointError, notFound, badInput } from '../../../errors.ts';
import { scoreAssessment, ScoringError } from '../../../analysis/cyber/starScore.ts';
import {
  createAssessment,
  cyberAggregate,
  findFramework,
  getAssessment,
  listAssessments,
  saveAnswer,
  setAssessment,
} from '../../../data/cyber/index.ts';
import { getOrganisation, normalizeMarking, markingOfReads } from '../../../data/security/index.ts';
import { assertReadable, canReadMarking, MarkingSchema, readerOf } from '../../security/markings.ts';
import { joinMarkings } from '../../../analysis/marking.ts';
import {
  AnswerValueSchema,
  AssessmentScoreSchema,
  AssessmentSummarySchema,
  IdParams,
  StoredAnswerSchema,
} from './schemas.ts';

/**
 * Self-assessments (issue 22): a company answers a catalogue's requirements one at a time (saved as it goes),
 * sees its ★ level, scores and gaps, releases the assessment to organisations of its choice (its marking's
 * releasableTo: the owning organisation plus the chosen ones) and submits it. Only members of the owning
 * organisation change it. Aggregates over submitted assessments never show a cell of fewer than 3 organisations.
 */
const writers = ['analyst' as const, 'administrator' as const];

async function ownAssessment(request: FastifyRequest, id: string, write: boolean) {
  const a = await getAssessment(request.server.services.state, id);
  if (!a) throw notFound('assessment not found', { field: 'id' });
  assertReadable(request, a.marking, 'assessment', { field: 'id' });
  if (write && a.organisationId !== request.user.organisationId)
    throw new ChokepointError('forbidden', 'only the assessed organisation changes its assessment', {
      field: 'id',
    });
  return a;
}

async function scored(request: FastifyRequest, a: NonNullable<Awaited<ReturnType<typeof getAssessment>>>) {
  const f = await findFramework(request.server.services.state, a.frameworkId);
  if (!f) throw notFound('catalogue not found', { field: 'frameworkId' });
  assertReadable(request, f.marking, 'catalogue', { field: 'frameworkId' });
  try {
    return scoreAssessment(f.framework, Object.fromEntries(a.answers.map((x) => [x.requirementId, x])));
  } catch (error) {
    if (error instanceof ScoringError) return null;
    throw error;
  }
}

export const cyberAssessmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.get(
    '/cyber/assessments',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'cyberAssessment' } },
      schema: {
        tags: ['cyber'],
        summary: 'Self-assessments the user may read (own organisation’s, and those released to it)',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(AssessmentSummarySchema), total: Type.Number() }) },
      },
    },
    async (request) =>
      listAssessments(db(), readerOf(request), {
        limit: request.query.limit ?? 100,
        offset: request.query.offset ?? 0,
      }),
  );

  app.post(
    '/cyber/assessments',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['cyber'],
        summary:
          'Start a self-assessment of the own organisation against a catalogue (released to nobody else yet)',
        body: Type.Object(
          {
            framework: Type.String({ minLength: 1, maxLength: 64 }),
            title: Type.String({ minLength: 1, maxLength: 200 }),
            level: Type.Optional(
              Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2), Type.Literal(3)]),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: AssessmentSummarySchema },
      },
    },
    async (request, reply) => {
      const f = await findFramework(db(), request.body.framework);
      if (!f) throw notFound('catalogue not found', { field: 'framework' });
      assertReadable(request, f.marking, 'catalogue', { field: 'framework' });
      const marking = normalizeMarking({
        level: request.body.level ?? 1,
        compartments: [],
        releasableTo: [request.user.organisationId],
      });
      if (!canReadMarking(request, marking))
        throw new ChokepointError('forbidden', 'you cannot mark an object above your own clearance', {
          field: 'level',
        });
      const a = await createAssessment(db(), {
        frameworkId: f.framework.id,
        organisationId: request.user.organisationId,
        title: request.body.title,
        marking,
        userId: request.user.id,
      });
      await app.audit(request, { action: 'create', objectType: 'cyber_assessment', objectId: a.id, marking });
      return reply.status(201).send(a);
    },
  );

  app.get(
    '/cyber/assessments/:id',
    {
      config: { marks: 'objects', authz: { kind: 'read', fixture: 'cyberAssessment', param: 'id' } },
      schema: {
        tags: ['cyber'],
        summary: 'An assessment with its answers, the ★ level reached, scores per category and gaps',
        params: IdParams,
        response: {
          200: Type.Intersect([
            AssessmentSummarySchema,
            Type.Object({
              answers: Type.Array(StoredAnswerSchema),
              score: Type.Union([AssessmentScoreSchema, Type.Null()]),
            }),
          ]),
        },
      },
    },
    async (request) => {
      const a = await ownAssessment(request, request.params.id, false);
      if (a.marking.level >= 1)
        await app.audit(request, {
          action: 'read',
          objectType: 'cyber_assessment',
          objectId: a.id,
          marking: a.marking,
        });
      return { ...a, score: await scored(request, a) };
    },
  );

  app.put(
    '/cyber/assessments/:id/answers/:requirement',
    {
      config: { marks: 'none', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['cyber'],
        summary:
          'Save one answer (implemented / partly / not, evidence file references, comment) as the company goes',
        params: Type.Object({
          id: Type.String({ minLength: 1, maxLength: 64 }),
          requirement: Type.String({ minLength: 1, maxLength: 200 }),
        }),
        body: Type.Object(
          {
            answer: AnswerValueSchema,
            evidence: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 50 })),
            comment: Type.Optional(Type.String({ maxLength: 5000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: StoredAnswerSchema },
      },
    },
    async (request) => {
      const a = await ownAssessment(request, request.params.id, true);
      if (a.status === 'submitted')
        throw new ChokepointError(
          'conflict',
          'the assessment is submitted: start a new one to change answers',
          { field: 'id' },
        );
      const f = await findFramework(db(), a.frameworkId);
      if (!f?.framework.requirements.some((r) => r.id === request.params.requirement))
        throw badInput(`catalogue ${a.frameworkId} has no requirement "${request.params.requirement}"`, {
          field: 'requirement',
        });
      const saved = await saveAnswer(db(), a.id, request.params.requirement, request.body, request.user.id);
      await app.audit(request, {
        action: 'update',
        objectType: 'cyber_assessment',
        objectId: a.id,
        marking: a.marking,
        details: { requirement: request.params.requirement, answer: request.body.answer },
      });
      return saved;
    },
  );

  app.post(
    '/cyber/assessments/:id/release',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['cyber'],
        summary:
          'Choose to whom the assessment is released (its marking’s releasableTo: the own organisation plus these)',
        params: IdParams,
        body: Type.Object(
          { organisations: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: AssessmentSummarySchema },
      },
    },
    async (request) => {
      const a = await ownAssessment(request, request.params.id, true);
      for (const org of request.body.organisations) {
        const o = await getOrganisation(db(), org).catch(() => undefined);
        if (!o) throw badInput(`unknown organisation ${org}`, { field: 'organisations' });
        if (o.sharingCap < a.marking.level)
          throw badInput(
            `organisation ${org} may not receive level ${a.marking.level} (sharing cap ${o.sharingCap})`,
            { field: 'organisations' },
          );
      }
      const marking = normalizeMarking({
        ...a.marking,
        releasableTo: [a.organisationId, ...request.body.organisations],
      });
      const saved = await setAssessment(db(), a.id, { marking });
      await app.audit(request, {
        action: 'share',
        objectType: 'cyber_assessment',
        objectId: a.id,
        marking,
        details: { before: a.marking.releasableTo, after: marking.releasableTo },
      });
      return saved;
    },
  );

  app.post(
    '/cyber/assessments/:id/submit',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['cyber'],
        summary: 'Submit the assessment (answers are then frozen)',
        params: IdParams,
        response: { 200: AssessmentSummarySchema },
      },
    },
    async (request) => {
      const a = await ownAssessment(request, request.params.id, true);
      const saved = await setAssessment(db(), a.id, { submit: true });
      await app.audit(request, {
        action: 'submit',
        objectType: 'cyber_assessment',
        objectId: a.id,
        marking: a.marking,
      });
      return saved;
    },
  );

  const CellSchema = Type.Object({
    key: Type.String(),
    organisations: Type.Union([Type.Number(), Type.Null()]),
    value: Type.Union([Type.Number(), Type.Null()]),
    suppressed: Type.Boolean(),
  });
  app.get(
    '/cyber/aggregates',
    {
      config: {
        marks: 'result',
        authz: {
          kind: 'none',
          reason:
            'aggregates count assessments regardless of their releasability, suppressing cells below 3 organisations',
        },
      },
      schema: {
        tags: ['cyber'],
        summary:
          'Submitted assessments of a catalogue: organisations per ★ level and per fully implemented category, cells of < 3 organisations suppressed',
        querystring: Type.Object({ framework: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: {
          200: Type.Object({
            framework: Type.String(),
            k: Type.Number(),
            levels: Type.Array(CellSchema),
            categories: Type.Array(CellSchema),
            total: Type.Object({
              organisations: Type.Union([Type.Number(), Type.Null()]),
              value: Type.Union([Type.Number(), Type.Null()]),
              suppressed: Type.Boolean(),
            }),
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request) => {
      const f = await findFramework(db(), request.query.framework);
      if (!f) throw notFound('catalogue not found', { field: 'framework' });
      assertReadable(request, f.marking, 'catalogue', { field: 'framework' });
      const aggregate = await cyberAggregate(db(), f.framework, readerOf(request));
      return { ...aggregate, marking: joinMarkings([aggregate.marking, f.marking, markingOfReads()]) };
    },
  );
};
