import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { exportCheck, listInforms } from '../../../data/exportControl/index.ts';
import { MarkingSchema, readerOf } from '../../security/markings.ts';
import { resultMarking } from '../../exportControl/recordMarking.ts';
import { caseToKeep, keepCase } from '../../exportControl/keepCase.ts';
import { EndUseSchema, SaveCaseSchema, TransactionCheckSchema } from './schemas.ts';

/**
 * The transaction check and catch-all check (issue 20): item (HS code or 別表第一 entry) × destination × end user
 * (screened) × end use → licence required, catch-all check (with the questions of METI's clear-evidence guideline)
 * or no requirement, with the rule path. The inform notices consulted are the active ones the user may read: a
 * notice binds the exporter it was addressed to, and the API's notices are their organisation's by default.
 */
const writers = ['analyst' as const, 'administrator' as const];

export const exportControlCheckRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.post(
    '/export-control/checks',
    {
      config: { marks: 'result', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['export-control'],
        summary:
          'Check an export: item × destination × end user × end use → licence-required | catch-all-check | no-requirement, with reasons; optionally kept as a case',
        body: Type.Object(
          {
            item: Type.String({ minLength: 1, maxLength: 40 }),
            destination: Type.String({ minLength: 1, maxLength: 100 }),
            endUser: Type.Optional(Type.String({ maxLength: 500 })),
            endUse: Type.Optional(EndUseSchema),
            exporter: Type.Optional(Type.String({ maxLength: 300 })),
            on: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
            informed: Type.Optional(
              Type.Object(
                { wmd: Type.Optional(Type.Boolean()), conventional: Type.Optional(Type.Boolean()) },
                { additionalProperties: false },
              ),
            ),
            lists: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 50 })),
            case: Type.Optional(SaveCaseSchema),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Intersect([
            TransactionCheckSchema,
            Type.Object({ caseId: Type.Union([Type.String(), Type.Null()]), marking: MarkingSchema }),
          ]),
        },
      },
    },
    async (request) => {
      const { case: keep, ...query } = request.body;
      const toKeep = caseToKeep(request, keep);
      const informs = await listInforms(db(), { status: 'active', reader: readerOf(request) });
      const result = exportCheck(app.services.catalog, query, informs);
      const read = await resultMarking(
        request,
        result,
        result.sources.map((s) => s.dataset),
      );
      const title = `${result.item} → ${result.destination}${result.endUser ? ` (${result.endUser})` : ''}`;
      const { caseId, marking } = await keepCase(
        db(),
        toKeep,
        { kind: 'transaction-check', title, subject: query, result },
        read,
      );
      return { ...result, caseId, marking };
    },
  );
};
