import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badInput } from '../../../errors.ts';
import { compareScenarios } from '../../../analysis/scenario/compare.ts';
import { deriveMarking, MarkingSchema } from '../../security/markings.ts';
import { ComparedProvenanceSchema, ScenarioComparisonSchema } from '../../scenarioResultSchema.ts';
import { audited, finishedResult, readableRun } from '../../scenarios/scenarioAccess.ts';

/** /api/scenario-comparison — finished runs side by side; the comparison carries the join of their markings. */
export const scenarioComparisonRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/scenario-comparison',
    {
      config: {
        marks: 'result',
        authz: { kind: 'none', reason: 'needs two finished runs; covered by test/scenario/api.test.ts' },
      },
      schema: {
        tags: ['scenarios'],
        summary: 'Side-by-side comparison of finished runs (?runs=id1,id2,…)',
        querystring: Type.Object({ runs: Type.String({ minLength: 1, maxLength: 2000 }) }),
        response: {
          200: Type.Object({
            marking: MarkingSchema,
            comparison: ScenarioComparisonSchema,
            provenance: ComparedProvenanceSchema,
          }),
        },
      },
    },
    async (request) => {
      const ids = [
        ...new Set(
          request.query.runs
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
      if (ids.length < 2 || ids.length > 8)
        throw badInput('give 2 to 8 run ids separated by commas', { field: 'runs' });
      const runs = [];
      for (const id of ids) {
        const run = await readableRun(request, id);
        runs.push({ id: run.id, marking: run.marking, result: finishedResult(run, 'runs') });
      }
      const marking = deriveMarking(runs.map((r) => r.marking));
      if (marking.level >= 1) await audited(request, 'read', 'scenario-comparison', ids.join(','), marking);
      return {
        marking,
        comparison: compareScenarios(runs.map((r) => ({ label: r.id, result: r.result }))),
        provenance: runs.map((r) => ({ run: r.id, ...r.result.provenance })),
      };
    },
  );
};
