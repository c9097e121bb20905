import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import Value from 'typebox/value';
import { dominates, publicMarking, type Marking } from '../../analysis/marking.ts';
import { badInput, ChokepointError, notFound } from '../../errors.ts';
import {
  parseScenarioText,
  createRun,
  createScenario,
  deleteScenario,
  failInterruptedRuns,
  failRun,
  finishRun,
  getRun,
  getScenario,
  listRuns,
  listScenarios,
  setRunProgress,
  updateScenario,
  runScenarioOnData,
  type ScenarioRunOutput,
} from '../../data/scenario/index.ts';
import { listGroups } from '../../data/reference/index.ts';
import { normalizeMarking } from '../../data/security/index.ts';
import { compareScenarios } from '../../analysis/scenario/compare.ts';
import {
  assertReadable,
  datasetMarking,
  deriveMarking,
  MarkingSchema,
  readerOf,
} from '../security/markings.ts';
import { requirePermission } from '../security/access.ts';
import {
  ComparedProvenanceSchema,
  ScenarioComparisonSchema,
  ScenarioRunOutputSchema,
} from '../scenarioResultSchema.ts';
import { runInBackground, type RunRecords } from '../jobs/runner.ts';

/**
 * Scenarios (PRODUCT.md §3.4): CRUD with versions and markings, runs as jobs with progress (POST a run, poll it),
 * results (timeline, sector losses, binding products), side-by-side comparison and export. A run's marking is
 * the join of the scenario's and the datasets' it read; hidden scenarios and runs answer like missing ones.
 */
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const writers = ['analyst' as const, 'administrator' as const];
const ScenarioSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameJa: Type.Union([Type.String(), Type.Null()]),
  version: Type.Number(),
  marking: MarkingSchema,
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const ScenarioSchema = Type.Intersect([
  ScenarioSummarySchema,
  Type.Object({
    text: Type.String(),
    versions: Type.Array(
      Type.Object({
        version: Type.Number(),
        createdAt: Type.String(),
        createdBy: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  }),
]);
const RunSchema = Type.Object({
  id: Type.String(),
  scenarioId: Type.String(),
  version: Type.Number(),
  dataset: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  progress: Type.Number(),
  marking: MarkingSchema,
  error: Type.Union([
    Type.Object({ code: Type.String(), message: Type.String(), place: Type.Any() }),
    Type.Null(),
  ]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.Union([Type.String(), Type.Null()]),
});
const ScenarioBody = Type.Object(
  {
    /** The scenario as YAML or JSON text (the file format of `chokepoint scenario run`). */
    text: Type.String({ minLength: 1, maxLength: 1_000_000 }),
    marking: Type.Optional(MarkingSchema),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

async function validate(app: FastifyInstance, text: string) {
  return parseScenarioText(text, undefined, await listGroups(app.services.state));
}

async function readableScenario(request: FastifyRequest, id: string, version?: number) {
  const scenario = await getScenario(request.server.services.state, id, version).catch((e) => {
    if (e instanceof ChokepointError && e.code === 'not_found') return undefined;
    throw e;
  });
  if (!scenario) throw notFound('scenario not found', { field: 'id' });
  assertReadable(request, scenario.marking, 'scenario', { field: 'id' });
  return scenario;
}

/** A run the user may read, its stored result checked against the result's current form. */
async function readableRun(request: FastifyRequest, id: string) {
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
function finishedResult(
  run: { id: string; status: string; result: ScenarioRunOutput | null },
  field: string,
) {
  if (run.status !== 'done' || !run.result)
    throw new ChokepointError('conflict', `run ${run.id} is ${run.status}, not done`, { field });
  return run.result;
}

async function audited(
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

/** A scenario run's record for the background runner: progress and outcome go to `scenario_runs`. */
export const scenarioRunRecords: RunRecords<{ result: ScenarioRunOutput; marking: Marking }> = {
  what: 'run',
  progress: (db, id, progress) => setRunProgress(db, id, progress),
  finish: (db, id, outcome) => finishRun(db, id, outcome.result, outcome.marking),
  fail: failRun,
};

/** Starts a run in the background: progress in the table, then the result with the derived marking. */
function startRun(
  app: FastifyInstance,
  runId: string,
  text: string,
  scenarioMarking: Marking,
  dataset?: string,
): void {
  runInBackground(app, scenarioRunRecords, runId, async (progress) => {
    const definition = await validate(app, text);
    const result = await runScenarioOnData({
      dataDir: app.services.dataDir,
      catalog: app.services.catalog,
      analytics: app.services.analytics,
      definition,
      dataset,
      onProgress: (done, total) => progress(total > 0 ? done / total : 0.5, 'running'),
    });
    const inputs = [
      result.provenance.trade.dataset,
      ...(result.provenance.ioTable ? [result.provenance.ioTable.dataset] : []),
    ];
    const marking = deriveMarking([
      scenarioMarking,
      ...(await Promise.all(inputs.map((d) => datasetMarking(app, d)))),
    ]);
    return { result, marking };
  });
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The product table of a result as CSV, each row carrying the trade dataset and version it came from. */
export function resultCsv(result: ScenarioRunOutput): string {
  const p = result.provenance.trade;
  const header = [
    'product',
    'imports_kusd',
    'lost_kusd',
    'lost_p5',
    'lost_p95',
    'replaced_kusd',
    'replaced_p5',
    'replaced_p95',
    'unmet_kusd',
    'unmet_p5',
    'unmet_p95',
    'tts_months',
    'ttr_months',
    'binding',
    'binding_probability',
    'dataset',
    'dataset_version',
    'synthetic',
  ];
  const rows = result.products.map((x) => [
    x.product,
    x.imports,
    x.lost.value,
    x.lost.p5,
    x.lost.p95,
    x.replaced.value,
    x.replaced.p5,
    x.replaced.p95,
    x.unmet.value,
    x.unmet.p5,
    x.unmet.p95,
    x.timeToSurvive.value,
    x.timeToRecover.value,
    x.binding,
    x.bindingProbability,
    p.dataset,
    p.version,
    p.synthetic,
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export const scenarioRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;
  // Jobs run inside the server process: runs a previous process left unfinished can never finish.
  await failInterruptedRuns(db());

  app.get(
    '/scenarios',
    {
      config: { authz: { kind: 'list', fixture: 'scenario' } },
      schema: {
        tags: ['scenarios'],
        summary: 'Saved scenarios the user may read, newest first',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(ScenarioSummarySchema), total: Type.Number() }) },
      },
    },
    async (request) =>
      listScenarios(db(), readerOf(request), {
        limit: request.query.limit ?? 100,
        offset: request.query.offset ?? 0,
      }),
  );

  app.post(
    '/scenarios',
    {
      config: { roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['scenarios'],
        summary: 'Save a new scenario (YAML/JSON text); it is validated first',
        body: ScenarioBody,
        response: { 201: ScenarioSummarySchema },
      },
    },
    async (request, reply) => {
      const definition = await validate(app, request.body.text);
      const marking = normalizeMarking(request.body.marking ?? publicMarking);
      const saved = await createScenario(db(), {
        definition,
        text: request.body.text,
        marking,
        userId: request.user.id,
      });
      await audited(request, 'create', 'scenario', saved.id, marking);
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/scenarios/:id',
    {
      config: { authz: { kind: 'read', fixture: 'scenario', param: 'id' } },
      schema: {
        tags: ['scenarios'],
        summary: 'A scenario with its definition text (current or ?version=N) and version list',
        params: IdParams,
        querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { 200: ScenarioSchema },
      },
    },
    async (request) => {
      const scenario = await readableScenario(request, request.params.id, request.query.version);
      if (scenario.marking.level >= 1)
        await audited(request, 'read', 'scenario', scenario.id, scenario.marking);
      return scenario;
    },
  );

  app.put(
    '/scenarios/:id',
    {
      config: { roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['scenarios'],
        summary: 'Save a new version; lowering the marking needs declassify and a reason',
        params: IdParams,
        body: ScenarioBody,
        response: { 200: ScenarioSummarySchema },
      },
    },
    async (request) => {
      const current = await readableScenario(request, request.params.id);
      const definition = await validate(app, request.body.text);
      const marking = request.body.marking ? normalizeMarking(request.body.marking) : undefined;
      const lowered = marking !== undefined && !dominates(marking, current.marking);
      if (lowered) {
        requirePermission(request, 'declassify');
        if ((request.body.reason?.trim().length ?? 0) < 10)
          throw badInput('lowering a marking needs a reason of at least 10 characters', { field: 'reason' });
      }
      const saved = await updateScenario(db(), current.id, {
        definition,
        text: request.body.text,
        marking,
        userId: request.user.id,
      });
      await audited(request, lowered ? 'declassify' : 'update', 'scenario', saved.id, saved.marking, {
        version: saved.version,
        ...(marking ? { before: current.marking, after: marking } : {}),
        ...(lowered ? { reason: request.body.reason } : {}),
      });
      return saved;
    },
  );

  app.delete(
    '/scenarios/:id',
    {
      config: { roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['scenarios'],
        summary: 'Delete a scenario (its versions and runs are kept for the audit trail)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const current = await readableScenario(request, request.params.id);
      await deleteScenario(db(), current.id);
      await audited(request, 'delete', 'scenario', current.id, current.marking);
      return reply.status(204).send();
    },
  );

  app.post(
    '/scenarios/:id/runs',
    {
      config: { roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['scenarios'],
        summary: 'Start a run (a job); poll GET /scenario-runs/:id for progress and the result',
        params: IdParams,
        body: Type.Object(
          {
            version: Type.Optional(Type.Integer({ minimum: 1 })),
            dataset: Type.Optional(Type.String({ maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
        response: { 202: RunSchema },
      },
    },
    async (request, reply) => {
      const scenario = await readableScenario(request, request.params.id, request.body.version);
      // The dataset must exist and be readable before the job starts, so that a hidden dataset is never used.
      if (request.body.dataset) {
        const entry = app.services.catalog.find(request.body.dataset);
        if (!entry) throw notFound('dataset not found', { field: 'dataset' });
        assertReadable(request, await datasetMarking(app, entry.id), 'dataset', { field: 'dataset' });
      }
      const run = await createRun(db(), {
        scenarioId: scenario.id,
        version: request.body.version ?? scenario.version,
        dataset: request.body.dataset,
        marking: scenario.marking,
        userId: request.user.id,
      });
      await audited(request, 'run', 'scenario', scenario.id, scenario.marking, {
        run: run.id,
        version: run.version,
      });
      startRun(app, run.id, scenario.text, scenario.marking, request.body.dataset);
      return reply.status(202).send(run);
    },
  );

  app.get(
    '/scenarios/:id/runs',
    {
      config: { authz: { kind: 'read', fixture: 'scenario', param: 'id' } },
      schema: {
        tags: ['scenarios'],
        summary: "A scenario's runs the user may read",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(RunSchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const scenario = await readableScenario(request, request.params.id);
      const items = await listRuns(db(), scenario.id, readerOf(request));
      return { items, total: items.length };
    },
  );

  app.get(
    '/scenario-runs/:id',
    {
      config: { authz: { kind: 'read', fixture: 'scenarioRun', param: 'id' } },
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
      config: { authz: { kind: 'read', fixture: 'scenarioRun', param: 'id' } },
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

  app.get(
    '/scenario-comparison',
    {
      config: {
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
