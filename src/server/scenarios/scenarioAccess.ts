import type { FastifyRequest } from 'fastify';
import Value from 'typebox/value';
import type { Marking } from '../../analysis/marking.ts';
import { ChokepointError, notFound } from '../../errors.ts';
import { getRun, getScenario, type ScenarioRunOutput } from '../../data/scenario/index.ts';
import { assertReadable } from '../security/markings.ts';
import { ScenarioRunOutputSchema } from '../scenarioResultSchema.ts';

/**
 * Reading saved scenarios and runs for the scenario routes: a hidden one answers like a missing one
 * (docs/security.md), a run's stored result must have the current form, and marked reads are audited.
 */
export async function readableScenario(request: FastifyRequest, id: string, version?: number) {
  const scenario = await getScenario(request.server.services.state, id, version).catch((e) => {
    if (e instanceof ChokepointError && e.code === 'not_found') return undefined;
    throw e;
  });
  if (!scenario) throw notFound('scenario not found', { field: 'id' });
  assertReadable(request, scenario.marking, 'scenario', { field: 'id' });
  return scenario;
}

/** A run the user may read, its stored result checked against the result's current form. */
export async function readableRun(request: FastifyRequest, id: string) {
  const run = await getRun(request.server.services.state, id);
  if (!run) throw notFound('scenario run not found', { field: 'id' });
  assertReadable(request, run.marking, 'scenario run', { field: 'id' });
  if (run.result !== null && !Value.Check(ScenarioRunOutputSchema, run.result))
    throw new ChokepointError(
      'conflict',
      `run ${id} was stored by an older version of chokepoint and its result lacks figures of the current one: run the scenario again`,
      { field: 'id' },
    );
  return { ...run, result: run.result as ScenarioRunOutput | null };
}

/** A finished run's result (a run that is not done has none). */
export function finishedResult(
  run: { id: string; status: string; result: ScenarioRunOutput | null },
  field: string,
) {
  if (run.status !== 'done' || !run.result)
    throw new ChokepointError('conflict', `run ${run.id} is ${run.status}, not done`, { field });
  return run.result;
}

export async function audited(
  request: FastifyRequest,
  action: string,
  objectType: string,
  objectId: string,
  marking: Marking,
  details?: Record<string, unknown>,
) {
  await request.server.audit(request, {
    action,
    objectType,
    objectId,
    marking,
    ...(details ? { details } : {}),
  });
}
