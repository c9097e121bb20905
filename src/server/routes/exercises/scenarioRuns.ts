import type { FastifyInstance, FastifyRequest } from 'fastify';
import Value from 'typebox/value';
import { joinMarkings, type Marking } from '../../../analysis/marking.ts';
import type { ScenarioDefinition } from '../../../analysis/scenario/definition.ts';
import { getRun, runScenarioOnData, type ScenarioRunOutput } from '../../../data/scenario/index.ts';
import { notFound } from '../../../errors.ts';
import { runInBackground, type StoredError } from '../../jobs/runner.ts';
import { assertReadable } from '../../security/markings.ts';
import { ScenarioRunOutputSchema } from '../../scenarioResultSchema.ts';
import { scenarioRunRecords } from '../../jobs/records.ts';

/**
 * An exercise's scenario runs: run in the background like any scenario run (progress and result in
 * scenario_runs), with `then` called on the stored result — the template exercise generates its injects there.
 */
export function startScenarioRun(
  app: FastifyInstance,
  runId: string,
  input: { definition: ScenarioDefinition; dataset?: string; marking: Marking },
  then?: {
    finish(result: ScenarioRunOutput, runMarking: Marking): Promise<void>;
    fail(error: StoredError): Promise<void>;
  },
): void {
  const { services } = app;
  runInBackground(
    app,
    {
      what: 'run',
      progress: scenarioRunRecords.progress,
      finish: async (db, id, outcome: { result: ScenarioRunOutput; marking: Marking }, read) => {
        await scenarioRunRecords.finish(db, id, outcome, read);
        await then?.finish(outcome.result, joinMarkings([outcome.marking, read]));
      },
      fail: async (db, id, error) => {
        await scenarioRunRecords.fail(db, id, error);
        await then?.fail(error);
      },
    },
    runId,
    async (progress) => ({
      result: await runScenarioOnData({
        dataDir: services.dataDir,
        catalog: services.catalog,
        analytics: services.analytics,
        definition: input.definition,
        dataset: input.dataset,
        onProgress: (done, total) => progress(total > 0 ? done / total : 0.5, 'running'),
      }),
      marking: input.marking,
    }),
  );
}

/** A run the reader may read, with its result when it is done and stored in the current form. */
export async function readableRunResult(
  request: FastifyRequest,
  runId: string,
): Promise<{ id: string; status: string; marking: Marking; result: ScenarioRunOutput | null }> {
  const run = await getRun(request.server.services.state, runId);
  if (!run) throw notFound('scenario run not found', { field: 'runId' });
  assertReadable(request, run.marking, 'scenario run', { field: 'runId' });
  const ok = run.status === 'done' && run.result !== null && Value.Check(ScenarioRunOutputSchema, run.result);
  return {
    id: run.id,
    status: run.status,
    marking: run.marking,
    result: ok ? (run.result as ScenarioRunOutput) : null,
  };
}
