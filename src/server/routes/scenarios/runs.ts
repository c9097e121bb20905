import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { resultCsv } from '../../../data/scenario/index.ts';
import { requirePermission } from '../../security/access.ts';
import { ScenarioRunOutputSchema } from '../../scenarioResultSchema.ts';
import { audited, finishedResult, readableRun } from '../../scenarios/scenarioAccess.ts';
import { IdParams, RunSchema } from './schemas.ts';

/**
 * /api/scenario-runs — a run's status and progress, then its result (timeline, sector losses, binding products,
 * provenance), and the export of a finished run (JSON with marking and provenance, or CSV of the products).
 */
export const scenarioRunRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/scenario-runs/:id',
    {
      config: { marks: 'objects', authz: { kind: 'read', fixture: 'scenarioRun', param: 'id' } },
      schema: {
        tags: ['scenarios'],
        summary:
          'A run: status and progress; with the result (timeline, sector losses, binding products, provenance) once done',
        params: IdParams,
        response: {
          200: Type.Intersect([
            RunSchema,
            Type.Object({ result: Type.Union([ScenarioRunOutputSchema, Type.Null()]) }),
          ]),
        },
      },
    },
    async (request) => {
      const run = await readableRun(request, request.params.id);
      if (run.marking.level >= 1 && run.status === 'done')
        await audited(request, 'read', 'scenario-run', run.id, run.marking);
      return run;
    },
  );

  app.get(
    '/scenario-runs/:id/export',
    {
      config: { marks: 'export', authz: { kind: 'read', fixture: 'scenarioRun', param: 'id' } },
      schema: {
        tags: ['scenarios'],
        summary: 'Export a finished run: JSON (everything, with marking and provenance) or CSV (products)',
        params: IdParams,
        querystring: Type.Object({
          format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
        }),
      },
    },
    async (request, reply) => {
      requirePermission(request, 'export');
      const run = await readableRun(request, request.params.id);
      const result = finishedResult(run, 'id');
      const format = request.query.format ?? 'json';
      await audited(request, 'export', 'scenario-run', run.id, run.marking, { format });
      reply.header('content-disposition', `attachment; filename="scenario-run-${run.id}.${format}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(resultCsv(result));
      return reply.type('application/json').send({
        marking: run.marking,
        exportedAt: new Date().toISOString(),
        exportedBy: request.user.username,
        run: { ...run, result: undefined },
        result,
      });
    },
  );
};
