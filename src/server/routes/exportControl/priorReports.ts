import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { joinMarkings } from '../../../analysis/marking.ts';
import {
  listInforms,
  openPriorReport,
  priorReportCheck,
  reviewPriorReport,
} from '../../../data/exportControl/index.ts';
import { readerOf } from '../../security/markings.ts';
import { actorOf, recordMarking, resultMarking } from '../../exportControl/recordMarking.ts';
import { CaseSchema, IdParams, MarkingChoiceFields } from './schemas.ts';

/**
 * Prior reports (事前報告) of overseas factories, technology transfers, licences and joint ventures (issue 20), kept
 * as `prior-report` cases: submitted with the transaction check of the technology to the destination for the
 * counterparty, then reviewed (more information, no objection, conditions, recommendation, withdrawn). The list
 * is the case inbox (GET /export-control/cases?kind=prior-report). Level 1, the writer's organisation, by default.
 */
const writers = ['analyst' as const, 'administrator' as const];

export const exportControlPriorReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.post(
    '/export-control/prior-reports',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['export-control'],
        summary:
          'Submit a prior report (overseas factory, technology transfer, licensing, joint venture): checked on arrival and opened as a case',
        body: Type.Object(
          {
            kind: Type.Union([
              Type.Literal('overseas-factory'),
              Type.Literal('technology-transfer'),
              Type.Literal('licensing'),
              Type.Literal('joint-venture'),
            ]),
            company: Type.String({ minLength: 1, maxLength: 300 }),
            technology: Type.String({ minLength: 1, maxLength: 300 }),
            registryEntry: Type.Optional(Type.String({ maxLength: 100 })),
            item: Type.Optional(Type.String({ maxLength: 40 })),
            destination: Type.String({ minLength: 1, maxLength: 100 }),
            counterparty: Type.Optional(Type.String({ maxLength: 500 })),
            plannedOn: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
            description: Type.Optional(Type.String({ maxLength: 8000 })),
            ...MarkingChoiceFields,
          },
          { additionalProperties: false },
        ),
        response: { 201: CaseSchema },
      },
    },
    async (request, reply) => {
      const { marking: _m, reason: _r, ...input } = request.body;
      const choice = recordMarking(request, request.body, 'prior report');
      const informs = await listInforms(db(), { status: 'active', reader: readerOf(request) });
      const check = priorReportCheck(app.services.catalog, input, informs);
      const read = await resultMarking(
        request,
        check,
        check.sources.map((s) => s.dataset),
      );
      const opened = await openPriorReport(
        db(),
        input,
        check,
        { ...choice, marking: joinMarkings([choice.marking, read]) },
        actorOf(request),
      );
      return reply.status(201).send(opened);
    },
  );

  app.post(
    '/export-control/prior-reports/:id/reviews',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['export-control'],
        summary:
          'Review a prior report: more-information, no-objection, conditions (named), recommendation or withdrawn, with a reason',
        params: IdParams,
        body: Type.Object(
          {
            outcome: Type.Union([
              Type.Literal('more-information'),
              Type.Literal('no-objection'),
              Type.Literal('conditions'),
              Type.Literal('recommendation'),
              Type.Literal('withdrawn'),
            ]),
            reason: Type.String({ minLength: 1, maxLength: 4000 }),
            conditions: Type.Optional(Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: CaseSchema },
      },
    },
    async (request) =>
      reviewPriorReport(db(), request.params.id, request.body, actorOf(request), readerOf(request)),
  );
};
