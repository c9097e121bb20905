import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  assessCase,
  checkFdiCase,
  FdiCaseSchema,
  getInvestmentCase,
  investmentCaseEvents,
  listInvestmentCases,
  loadFeftaRules,
  openInvestmentCase,
  updateInvestmentCase,
} from '../../../data/investment/index.ts';
import { daysLeft } from '../../../analysis/investment/reviewPeriod.ts';
import { joinMarkings } from '../../../analysis/marking.ts';
import { MarkingSchema, readerOf } from '../../security/markings.ts';
import { actorOf, recordMarking, resultMarking } from '../../exportControl/recordMarking.ts';
import {
  AssessmentSchema,
  IdParams,
  InvestmentCaseChangeSchema,
  InvestmentCaseSchema,
  InvestmentCaseStatusSchema,
} from './schemas.ts';

/**
 * Investment cases (issue 21): a notification becomes a case with its assessment, the statutory review period
 * (30 days from acceptance, shortened or extended up to five months), reviewer, ministries consulted and outcome;
 * marked (level 1 or higher; nobody marks above their own clearance) and audited. Lists filter by marking in SQL.
 */
const writers = ['analyst' as const, 'administrator' as const];

export const investmentCaseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.post(
    '/investment/cases',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['investment'],
        summary:
          'Open a case from a notification: assessed at once, review deadline from the acceptance date',
        body: Type.Object(
          {
            case: FdiCaseSchema,
            title: Type.Optional(Type.String({ maxLength: 300 })),
            reviewer: Type.Optional(Type.String({ maxLength: 100 })),
            marking: Type.Optional(MarkingSchema),
            reason: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: InvestmentCaseSchema },
      },
    },
    async (request) => {
      const input = checkFdiCase(request.body.case);
      const assessment = await assessCase(app.services.catalog, db(), loadFeftaRules(), input);
      const chosen = recordMarking(
        request,
        { marking: request.body.marking, reason: request.body.reason },
        'investment case',
      );
      const read = await resultMarking(
        request,
        assessment,
        assessment.ownership ? [assessment.ownership.dataset] : [],
      );
      const created = await openInvestmentCase(
        db(),
        {
          title: request.body.title,
          caseInput: input,
          assessment,
          reviewer: request.body.reviewer,
          ...chosen,
          marking: joinMarkings([chosen.marking, read]),
        },
        actorOf(request),
      );
      return created;
    },
  );

  app.get(
    '/investment/cases',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'investmentCase' } },
      schema: {
        tags: ['investment'],
        summary: 'The case inbox: cases the user may read, soonest review deadline first',
        querystring: Type.Object({
          status: Type.Optional(InvestmentCaseStatusSchema),
          reviewer: Type.Optional(Type.String({ maxLength: 100 })),
          open: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(InvestmentCaseSchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const { limit = 100, offset = 0, ...filter } = request.query;
      const cases = await listInvestmentCases(db(), { ...filter, reader: readerOf(request) });
      return {
        items: cases.slice(offset, offset + limit).map(({ caseInput: _i, assessment: _a, ...c }) => c),
        total: cases.length,
      };
    },
  );

  app.get(
    '/investment/cases/:id',
    {
      config: { marks: 'objects', authz: { kind: 'read', fixture: 'investmentCase', param: 'id' } },
      schema: {
        tags: ['investment'],
        summary: 'A case with the notification, its assessment as made and its trail',
        params: IdParams,
        response: {
          200: Type.Intersect([
            InvestmentCaseSchema,
            Type.Object({
              caseInput: FdiCaseSchema,
              assessment: AssessmentSchema,
              events: Type.Array(
                Type.Object({
                  id: Type.Number(),
                  action: Type.String(),
                  detail: Type.Record(Type.String(), Type.Unknown()),
                  actor: Type.Union([Type.String(), Type.Null()]),
                  at: Type.String(),
                }),
              ),
            }),
          ]),
        },
      },
    },
    async (request) => {
      const found = await getInvestmentCase(db(), request.params.id, readerOf(request));
      await app.audit(request, {
        action: 'read',
        objectType: 'investment_case',
        objectId: found.id,
        marking: found.marking,
      });
      return { ...found, events: await investmentCaseEvents(db(), found.id, readerOf(request)) };
    },
  );

  app.patch(
    '/investment/cases/:id',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['investment'],
        summary:
          'Change a case: status, reviewer, acceptance date, shortened or extended review, consultations, outcome',
        params: IdParams,
        body: InvestmentCaseChangeSchema,
        response: { 200: InvestmentCaseSchema },
      },
    },
    async (request) => {
      const {
        caseInput: _i,
        assessment: _a,
        ...updated
      } = await updateInvestmentCase(
        db(),
        request.params.id,
        request.body,
        actorOf(request),
        readerOf(request),
      );
      return updated;
    },
  );

  app.get(
    '/investment/deadlines',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'investmentCase' } },
      schema: {
        tags: ['investment'],
        summary: 'Open cases with a review deadline, soonest first, with the days left',
        querystring: Type.Object({
          today: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                title: Type.String(),
                status: InvestmentCaseStatusSchema,
                reviewer: Type.Union([Type.String(), Type.Null()]),
                reviewEndsOn: Type.String(),
                reviewChange: Type.Union([Type.Null(), Type.Literal('shortened'), Type.Literal('extended')]),
                daysLeft: Type.Number(),
                marking: MarkingSchema,
              }),
            ),
            total: Type.Number(),
          }),
        },
      },
    },
    async (request) => {
      const today = request.query.today ?? new Date().toISOString().slice(0, 10);
      const cases = await listInvestmentCases(db(), {
        open: true,
        withDeadline: true,
        reader: readerOf(request),
      });
      const items = cases.map((c) => ({
        id: c.id,
        title: c.title,
        status: c.status,
        reviewer: c.reviewer,
        reviewEndsOn: c.reviewEndsOn ?? '',
        reviewChange: c.reviewChange,
        daysLeft: daysLeft(c.reviewEndsOn ?? today, today),
        marking: c.marking,
      }));
      return { items, total: items.length };
    },
  );
};
