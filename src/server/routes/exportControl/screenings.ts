import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  readPartyText,
  screenParties,
  screenParty,
  withDecisions,
  listDatasetId,
} from '../../../data/exportControl/index.ts';
import { createJob } from '../../../data/state/index.ts';
import { MarkingSchema, readerOf } from '../../security/markings.ts';
import { runInBackground } from '../../jobs/runner.ts';
import { jobRecords } from '../../jobs/records.ts';
import { resultMarking } from '../../exportControl/recordMarking.ts';
import { caseToKeep, keepCase } from '../../exportControl/keepCase.ts';
import { SaveCaseSchema, ScreenResultSchema } from './schemas.ts';

/**
 * Party screening (issue 20): one name against the screening lists present, with the decisions in force that the
 * reader may read laid over the hits; a counterparty CSV screened as a job (progress by GET /jobs/:id) that opens
 * a batch-screening case. Either may be kept as a case (level 1, the writer's organisation, by default).
 */
const writers = ['analyst' as const, 'administrator' as const];
const ListOptions = {
  lists: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 50 })),
  threshold: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
};

export const exportControlScreeningRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.post(
    '/export-control/screenings',
    {
      config: { marks: 'result', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['export-control'],
        summary:
          'Screen one party (kanji, kana, Chinese, Cyrillic or Latin) against the screening lists; scores 0–1 with explanations; optionally kept as a case',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 500 }),
            country: Type.Optional(Type.String({ maxLength: 100 })),
            identifiers: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
            ...ListOptions,
            case: Type.Optional(SaveCaseSchema),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Intersect([
            ScreenResultSchema,
            Type.Object({ caseId: Type.Union([Type.String(), Type.Null()]), marking: MarkingSchema }),
          ]),
        },
      },
    },
    async (request) => {
      const { case: keep, ...query } = request.body;
      const toKeep = caseToKeep(request, keep);
      const result = await withDecisions(db(), screenParty(app.services.catalog, query), readerOf(request));
      const read = await resultMarking(
        request,
        result,
        result.lists.map((l) => listDatasetId(l.list)),
      );
      const { caseId, marking } = await keepCase(
        db(),
        toKeep,
        { kind: 'party-screening', title: result.query.name, subject: result.query, result },
        read,
      );
      return { ...result, caseId, marking };
    },
  );

  app.post(
    '/export-control/screenings/batch',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['export-control'],
        summary:
          'Screen a counterparty CSV (columns name, and optionally id, country, identifiers) as a job: progress by GET /jobs/:id; the result opens a batch-screening case',
        body: Type.Object(
          {
            csv: Type.String({ minLength: 1, maxLength: 20_000_000 }),
            fileName: Type.Optional(Type.String({ maxLength: 200 })),
            ...ListOptions,
            case: Type.Optional(SaveCaseSchema),
          },
          { additionalProperties: false },
        ),
        response: {
          202: Type.Object({
            id: Type.String(),
            kind: Type.String(),
            status: Type.String(),
            parties: Type.Number(),
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const fileName = body.fileName?.trim() || 'parties.csv';
      // Every row is checked before the job starts: a bad row is a 400 naming its line, and nothing is stored.
      const parties = readPartyText(body.csv, fileName);
      const toKeep = caseToKeep(request, body.case ?? {})!;
      const options = { lists: body.lists, threshold: body.threshold, limit: body.limit };
      const reader = readerOf(request);
      const id = randomUUID();
      const job = await createJob(db(), {
        id,
        kind: 'party-screening-batch',
        params: { file: fileName, parties: parties.length, ...options },
        marking: toKeep.choice.marking,
        userId: request.user.id,
      });
      runInBackground(app, jobRecords, id, async (progress) => {
        const screened = screenParties(app.services.catalog, parties, {
          ...options,
          onProgress: (done, total) => progress((0.9 * done) / total, 'screening'),
        });
        progress(0.9, 'decisions');
        const withHits = [];
        for (const [i, s] of screened.entries()) {
          if (s.result.matches.length === 0) continue;
          withHits.push({
            line: s.line,
            id: s.id,
            country: parties[i].country ?? null,
            ...(await withDecisions(db(), s.result, reader)),
          });
        }
        const subject = { file: fileName, parties: parties.length, ...options };
        const result = { parties: parties.length, withMatches: withHits.length, hits: withHits };
        // The case carries what the screen read (the lists' datasets, the decisions laid over).
        const lists = screened[0]?.result.lists.map((l) => listDatasetId(l.list)) ?? [];
        const { caseId, marking } = await keepCase(
          db(),
          toKeep,
          { kind: 'batch-screening', title: `${fileName} (${parties.length})`, subject, result },
          await resultMarking(request, withHits, lists),
        );
        return {
          result: { parties: parties.length, withMatches: withHits.length, caseId },
          marking,
        };
      });
      await app.audit(request, {
        action: 'job.start',
        objectType: 'job',
        objectId: id,
        marking: toKeep.choice.marking,
        details: { kind: 'party-screening-batch', parties: parties.length },
      });
      return reply
        .status(202)
        .send({ id, kind: job.kind, status: job.status, parties: parties.length, marking: job.marking });
    },
  );
};
