import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ChokepointError, notFound } from '../../errors.ts';
import { createJob, failInterruptedJobs, getJob, listJobs } from '../../data/state/index.ts';
import { assertReadable, MarkingSchema, readerOf } from '../security/markings.ts';
import { requirePermission, requireRole } from '../security/access.ts';
import { jobRoles, prepareJob } from '../jobs/kinds.ts';
import { runInBackground } from '../jobs/runner.ts';
import { jobRecords } from '../jobs/records.ts';
import { ErrorValueSchema } from '../errorSchema.ts';

/**
 * Jobs: long operations started from the web app (fetch a dataset, generate a SYNTHETIC year, screen every
 * reporter to a file), polled for progress. A job's marking is the join of the datasets it read; nobody sees a
 * job whose marking they may not read.
 */
const JobBody = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('fetch'),
      dataset: Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'a dataset id of GET /datasets/manifests, or "all": every dataset the server can reach',
      }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('synth'),
      year: Type.Integer({ minimum: 1995, maximum: 2100 }),
      rows: Type.Integer({ minimum: 1000, maximum: 20_000_000 }),
      seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('screen-all'),
      year: Type.Integer({ minimum: 1995, maximum: 2100 }),
      dataset: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
      thresholds: Type.Optional(Type.String({ maxLength: 500 })),
      window: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    },
    { additionalProperties: false },
  ),
]);

const JobSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  params: Type.Record(Type.String(), Type.Any()),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  progress: Type.Union([Type.Number(), Type.Null()]),
  stage: Type.Union([Type.String(), Type.Null()]),
  result: Type.Union([Type.Record(Type.String(), Type.Any()), Type.Null()]),
  error: Type.Union([ErrorValueSchema, Type.Null()]),
  hasFile: Type.Boolean(),
  marking: MarkingSchema,
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

async function visibleJob(request: FastifyRequest, id: string) {
  const job = await getJob(request.server.services.state, id);
  if (!job) throw notFound('job not found', { field: 'id' });
  assertReadable(request, job.marking, 'job', { field: 'id' });
  return job;
}

export const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;
  await failInterruptedJobs(db());

  app.post(
    '/jobs',
    {
      config: { marks: 'result', authz: { kind: 'action' } },
      schema: {
        tags: ['jobs'],
        summary:
          'Start a long operation (fetch a dataset, generate a SYNTHETIC year, screen every reporter); poll GET /jobs/:id',
        body: JobBody,
        response: { 202: JobSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      requireRole(request, ...jobRoles[body.kind]);
      if (body.kind === 'screen-all') requirePermission(request, 'export');
      // Checked before anything is stored: a refused job leaves no row behind.
      const id = randomUUID();
      const { marking, work } = await prepareJob(app, request, body, id);
      const job = await createJob(db(), {
        id,
        kind: body.kind,
        params: { ...body },
        marking,
        userId: request.user.id,
      });
      runInBackground(app, jobRecords, job.id, work);
      await app.audit(request, {
        action: 'job.start',
        objectType: 'job',
        objectId: job.id,
        details: { kind: body.kind },
      });
      return reply.status(202).send(job);
    },
  );

  app.get(
    '/jobs',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'job' } },
      schema: {
        tags: ['jobs'],
        summary: 'Jobs the user may read (?mine=true: the ones they started), newest first',
        querystring: Type.Object({
          mine: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(JobSchema), total: Type.Number() }) },
      },
    },
    async (request) =>
      listJobs(
        db(),
        { reader: readerOf(request), createdBy: request.query.mine ? request.user.id : undefined },
        {
          limit: request.query.limit ?? 50,
          offset: request.query.offset ?? 0,
        },
      ),
  );

  app.get(
    '/jobs/:id',
    {
      config: { marks: 'result', authz: { kind: 'read', fixture: 'job', param: 'id' } },
      schema: {
        tags: ['jobs'],
        summary: 'A job: status, progress, stage, then its result or error',
        params: IdParams,
        response: { 200: JobSchema },
      },
    },
    async (request) => {
      const { file: _file, ...job } = await visibleJob(request, request.params.id);
      return job;
    },
  );

  app.get(
    '/jobs/:id/download',
    {
      config: {
        marks: 'export',
        authz: {
          kind: 'none',
          reason: 'needs a finished job with a file; covered by test/server/jobs.test.ts',
        },
      },
      schema: {
        tags: ['jobs'],
        summary: 'The file a finished job wrote (audited as an export)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      requirePermission(request, 'export');
      const job = await visibleJob(request, request.params.id);
      if (job.status !== 'done' || !job.file || !fs.existsSync(job.file)) {
        throw new ChokepointError(
          'conflict',
          job.status === 'done'
            ? 'the job wrote no file, or it was removed'
            : `the job is ${job.status}, not done`,
          { field: 'id' },
        );
      }
      await app.audit(request, {
        action: 'export',
        objectType: 'job',
        objectId: job.id,
        marking: job.marking,
        details: { kind: job.kind },
      });
      reply.header('content-disposition', `attachment; filename="${job.file.split(/[\\/]/).pop()}"`);
      reply.header('x-chokepoint-marking', JSON.stringify(job.marking));
      return reply.type('text/csv; charset=utf-8').send(fs.createReadStream(job.file));
    },
  );
};
