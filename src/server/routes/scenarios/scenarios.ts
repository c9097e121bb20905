import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { publicMarking, type Marking } from '../../../analysis/marking.ts';
import { notFound } from '../../../errors.ts';
import {
  parseScenarioText,
  createRun,
  deleteScenario,
  listRuns,
  listScenarios,
  updateScenario,
  runScenarioOnData,
} from '../../../data/scenario/index.ts';
import { listGroups } from '../../../data/reference/index.ts';
import { assertReadable, datasetMarking, deriveMarking, readerOf } from '../../security/markings.ts';
import { runInBackground } from '../../jobs/runner.ts';
import { scenarioRunRecords } from '../../jobs/records.ts';
import { audited, readableScenario } from '../../scenarios/scenarioAccess.ts';
import { saveNewScenario } from '../../scenarios/scenarioWrites.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import {
  IdParams,
  RunSchema,
  ScenarioBody,
  ScenarioSchema,
  ScenarioSummarySchema,
  writers,
} from './schemas.ts';

/**
 * /api/scenarios — saved scenarios (PRODUCT.md §3.4): CRUD with versions and markings, and starting a run as a
 * job (POST a run, then poll it at /scenario-runs/:id). A run's marking is the join of the scenario's and the
 * datasets' it read; hidden scenarios answer like missing ones.
 */
async function validate(app: FastifyInstance, text: string) {
  return parseScenarioText(text, undefined, await listGroups(app.services.state));
}

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

export const savedScenarioRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.get(
    '/scenarios',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'scenario' } },
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
      config: { marks: 'result', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['scenarios'],
        summary: 'Save a new scenario (YAML/JSON text); it is validated first',
        body: ScenarioBody,
        response: { 201: ScenarioSummarySchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await saveNewScenario(request, { text: request.body.text, marking: request.body.marking })),
  );

  app.get(
    '/scenarios/:id',
    {
      config: { marks: 'objects', authz: { kind: 'read', fixture: 'scenario', param: 'id' } },
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
      config: { marks: 'result', roles: writers, authz: { kind: 'action' } },
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
      const change = authorizeMarkingChange(request, {
        existing: current.marking,
        requested: request.body.marking,
        fallback: publicMarking,
        reason: request.body.reason,
        what: 'scenario',
      });
      const lowered = change.lowered;
      const marking = request.body.marking ? change.marking : undefined;
      const definition = await validate(app, request.body.text);
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
      config: { marks: 'none', roles: writers, authz: { kind: 'action' } },
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
      config: { marks: 'result', roles: writers, authz: { kind: 'action' } },
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
      config: { marks: 'objects', authz: { kind: 'read', fixture: 'scenario', param: 'id' } },
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
};
