import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { joinMarkings } from '../../../analysis/marking.ts';
import { monitorCircumvention } from '../../../data/exportControl/index.ts';
import { readerOf } from '../../security/markings.ts';
import { resultMarking } from '../../exportControl/recordMarking.ts';
import { caseToKeep, keepCase } from '../../exportControl/keepCase.ts';
import { CaseSchema, CircumventionSchema, SaveCaseSchema } from './schemas.ts';

/**
 * The circumvention monitor (issue 20): third countries — Group A countries included — whose imports of
 * controlled goods from Japan and its partners surge while their exports of the same goods to the target rise,
 * on an annual trade dataset (src/analysis/exportControl/circumvention.ts). A report may be kept as a case.
 */
const Query = Type.Object({
  target: Type.Optional(Type.String({ maxLength: 100 })),
  sources: Type.Optional(Type.String({ maxLength: 60 })),
  list: Type.Optional(Type.String({ maxLength: 40 })),
  products: Type.Optional(
    Type.Array(Type.String({ pattern: '^[0-9. ]{6,9}$' }), {
      maxItems: 500,
      description: 'HS6 codes instead of a list',
    }),
  ),
  baseYear: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
  dataset: Type.Optional(Type.String({ maxLength: 100 })),
  surge: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  rise: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  minValueUsd: Type.Optional(Type.Number({ minimum: 0 })),
});

async function runMonitor(request: FastifyRequest, query: Static<typeof Query>) {
  const { catalog, dataDir, analytics, state } = request.server.services;
  const { list, products, ...rest } = query;
  const {
    dataset: _entry,
    markings,
    ...report
  } = await monitorCircumvention(
    { catalog, dataDir, analytics, state },
    { ...rest, productList: list, products: products?.map((hs6) => ({ hs6, note: '' })) },
    readerOf(request),
  );
  const read = await resultMarking(
    request,
    [],
    [report.provenance.dataset, ...(report.groupA ? [report.groupA.dataset] : [])],
  );
  return { ...report, marking: joinMarkings([read, ...markings]) };
}

export const exportControlCircumventionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/export-control/circumvention',
    {
      config: { marks: 'result', authz: { kind: 'action' } },
      schema: {
        tags: ['export-control'],
        summary:
          'Third countries whose imports of controlled goods from Japan and a partner group surge while their exports of the same goods to the target rise',
        querystring: Query,
        response: { 200: CircumventionSchema },
      },
    },
    async (request) => runMonitor(request, request.query),
  );

  app.post(
    '/export-control/circumvention/reports',
    {
      config: { marks: 'objects', roles: ['analyst', 'administrator'], authz: { kind: 'action' } },
      schema: {
        tags: ['export-control'],
        summary: 'Run the monitor and keep the report as a circumvention-report case',
        body: Type.Object(
          { query: Query, case: Type.Optional(SaveCaseSchema) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Omit(CaseSchema, ['result']) },
      },
    },
    async (request, reply) => {
      const toKeep = caseToKeep(request, request.body.case ?? {});
      const report = await runMonitor(request, request.body.query);
      const p = report.parameters;
      const { kept } = await keepCase(
        app.services.state,
        toKeep,
        {
          kind: 'circumvention-report',
          title: `${report.target} ← ${report.sources.group}, ${p.baseYear}→${p.year}`,
          subject: request.body.query,
          result: report,
        },
        report.marking,
      );
      const { result: _result, ...opened } = kept!;
      return reply.status(201).send(opened);
    },
  );
};
