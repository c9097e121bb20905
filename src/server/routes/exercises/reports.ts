import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Clearance, MarkingLevel } from '../../../analysis/marking.ts';
import {
  createReportLink,
  getExercise,
  getSession,
  listReportLinks,
  resolveReportLink,
  revokeReportLink,
  type ExerciseRecord,
} from '../../../data/exercises/index.ts';
import { exerciseReportModel, renderExerciseReport } from '../../../data/exercises/reportFile.ts';
import { markingHeader } from '../../security/enforcement.ts';
import type { DocumentFormat } from '../../../data/tech/documentFile.ts';
import { getOrganisation, newReadContext } from '../../../data/security/index.ts';
import { documentHeaders } from '../../documentReply.ts';
import { requirePermission } from '../../security/access.ts';
import { readerOf } from '../../security/markings.ts';
import { ChokepointError, notFound } from '../../../errors.ts';
import { partOf, readableExercise } from '../../exercises/access.ts';
import { IdParams, ReportLinkSchema } from './schemas.ts';

/**
 * The after-action report (PRODUCT.md §3.5) as PDF, XLSX or DOCX (to edit), in Japanese or English, for one recipient
 * organisation: redacted to what both that organisation (at its sharing cap, without compartments) and the
 * requester may read, with the marking on every page and in the `x-chokepoint-marking` header. Shareable with
 * participants without an account through a signed, expiring, revocable link (data/exercises/reportLinks.ts).
 */
const ReportQuery = Type.Object({
  format: Type.Union(
    [Type.Literal('pdf'), Type.Literal('xlsx'), Type.Literal('docx'), Type.Literal('json')],
    {
      description: 'json: the document model itself (sections and marking), as a shared snapshot keeps it',
    },
  ),
  lang: Type.Optional(Type.Union([Type.Literal('ja'), Type.Literal('en')])),
  org: Type.String({ minLength: 1, maxLength: 64 }),
  session: Type.Optional(Type.String({ maxLength: 64 })),
});

/** Facilitators, evaluators and observers report on an exercise (players see their own session). */
function requireReporter(request: FastifyRequest, exercise: ExerciseRecord): void {
  const role = partOf(request, exercise)?.role;
  if (role !== 'facilitator' && role !== 'evaluator' && role !== 'observer')
    throw new ChokepointError(
      'forbidden',
      'only facilitators, evaluators and observers report on an exercise',
      {
        field: 'id',
      },
    );
}

/** The recipient organisation as a reader: its sharing cap (no higher than the requester's level), no compartments. */
async function recipientClearance(
  request: FastifyRequest,
  orgId: string,
): Promise<{ name: string; clearance: Clearance }> {
  const org = await getOrganisation(request.server.services.state, orgId).catch(() => undefined);
  if (!org) throw notFound('organisation not found', { field: 'org' });
  const level = Math.min(org.sharingCap, request.user.clearance.level) as MarkingLevel;
  return { name: org.name, clearance: { level, compartments: [], organisationId: org.id } };
}

async function sendReport(
  request: FastifyRequest,
  reply: FastifyReply,
  input: {
    exercise: ExerciseRecord;
    sessionId: string | null;
    organisation: { id: string; name: string };
    readers: Clearance[];
    lang: 'ja' | 'en';
    format: DocumentFormat | 'json';
  },
) {
  const db = request.server.services.state;
  const session = input.sessionId ? ((await getSession(db, input.sessionId)) ?? null) : null;
  if (input.sessionId && (!session || session.exerciseId !== input.exercise.id))
    throw notFound('session not found', { field: 'session' });
  const reportInput = {
    exercise: input.exercise,
    session,
    organisation: input.organisation,
    readers: input.readers,
    lang: input.lang,
  };
  if (input.format === 'json') {
    const report = await exerciseReportModel(db, reportInput);
    reply.headers({
      'content-type': 'application/json; charset=utf-8',
      [markingHeader]: JSON.stringify(report.marking),
    });
    return { file: JSON.stringify(report), marking: report.marking };
  }
  const { report, file } = await renderExerciseReport(db, reportInput, input.format);
  reply.headers(
    documentHeaders(report, input.format, `exercise-report-${input.exercise.id}-${input.organisation.id}`),
  );
  return { file, marking: report.marking };
}

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.get(
    '/exercises/:id/report',
    {
      config: {
        marks: 'export',
        authz: {
          kind: 'none',
          reason:
            'needs the export permission and a part in the exercise; hidden-as-missing in test/exercises/attacks.test.ts',
        },
      },
      schema: {
        tags: ['exercises'],
        summary:
          'After-action report for one recipient organisation (PDF or XLSX, ja or en), redacted and marked',
        params: IdParams,
        querystring: ReportQuery,
      },
    },
    async (request, reply) => {
      requirePermission(request, 'export');
      const exercise = await readableExercise(request, request.params.id);
      requireReporter(request, exercise);
      const { name, clearance } = await recipientClearance(request, request.query.org);
      const { file, marking } = await sendReport(request, reply, {
        exercise,
        sessionId: request.query.session ?? null,
        organisation: { id: request.query.org, name },
        readers: [clearance, request.user.clearance],
        lang: request.query.lang ?? 'ja',
        format: request.query.format,
      });
      await app.audit(request, {
        action: 'export',
        objectType: 'exercise-report',
        objectId: exercise.id,
        marking,
        details: {
          org: request.query.org,
          format: request.query.format,
          session: request.query.session ?? null,
        },
      });
      return reply.send(file);
    },
  );

  app.post(
    '/exercises/:id/report-links',
    {
      config: { marks: 'objects', authz: { kind: 'action' } },
      schema: {
        tags: ['exercises'],
        summary:
          'A signed, expiring link to the report for participants without an account (needs the share permission)',
        params: IdParams,
        body: Type.Object(
          {
            org: Type.String({ minLength: 1, maxLength: 64 }),
            format: Type.Union([Type.Literal('pdf'), Type.Literal('xlsx')]),
            lang: Type.Optional(Type.Union([Type.Literal('ja'), Type.Literal('en')])),
            session: Type.Optional(Type.String({ maxLength: 64 })),
            days: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 90 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ link: ReportLinkSchema, token: Type.String(), url: Type.String() }),
        },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'share');
      requirePermission(request, 'export');
      const exercise = await readableExercise(request, request.params.id);
      requireReporter(request, exercise);
      const { clearance } = await recipientClearance(request, request.body.org);
      if (request.body.session) {
        const session = await getSession(db(), request.body.session, readerOf(request));
        if (!session || session.exerciseId !== exercise.id)
          throw notFound('session not found', { field: 'session' });
      }
      const { link, token } = await createReportLink(db(), {
        exerciseId: exercise.id,
        sessionId: request.body.session ?? null,
        organisationId: request.body.org,
        lang: request.body.lang ?? 'ja',
        format: request.body.format,
        readers: [clearance, request.user.clearance],
        marking: exercise.marking,
        createdBy: request.user.id,
        days: request.body.days ?? 14,
      });
      await app.audit(request, {
        action: 'share',
        objectType: 'exercise-report-link',
        objectId: link.id,
        marking: exercise.marking,
        details: { exercise: exercise.id, org: link.organisationId, expiresAt: link.expiresAt },
      });
      const { readers: _readers, ...shown } = link;
      return reply.status(201).send({ link: shown, token, url: `/api/exercise-report-links/${token}` });
    },
  );

  app.get(
    '/exercises/:id/report-links',
    {
      config: {
        marks: 'objects',
        authz: {
          kind: 'none',
          reason: 'needs a part in the exercise; covered by test/exercises/report.test.ts',
        },
      },
      schema: {
        tags: ['exercises'],
        summary: "An exercise's report links (not their tokens), revoked ones too",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(ReportLinkSchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const exercise = await readableExercise(request, request.params.id);
      requireReporter(request, exercise);
      const items = (await listReportLinks(db(), exercise.id, readerOf(request))).map(
        ({ readers: _readers, ...l }) => l,
      );
      return { items, total: items.length };
    },
  );

  app.delete(
    '/exercises/:id/report-links/:linkId',
    {
      config: { marks: 'none', authz: { kind: 'action' } },
      schema: {
        tags: ['exercises'],
        summary: 'Revoke a report link for good',
        params: Type.Object({ id: Type.String({ maxLength: 64 }), linkId: Type.String({ maxLength: 64 }) }),
        body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) })),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const exercise = await readableExercise(request, request.params.id);
      requireReporter(request, exercise);
      const link = (await listReportLinks(db(), exercise.id, readerOf(request))).find(
        (l) => l.id === request.params.linkId,
      );
      if (!link) throw notFound('no such report link', { field: 'linkId' });
      await revokeReportLink(db(), link.id, { by: request.user.id, reason: request.body?.reason ?? '' });
      await app.audit(request, {
        action: 'revoke',
        objectType: 'exercise-report-link',
        objectId: link.id,
        marking: exercise.marking,
        details: { exercise: exercise.id, reason: request.body?.reason ?? '' },
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/exercise-report-links/:token',
    {
      config: {
        public: true,
        marks: 'export',
        authz: {
          kind: 'none',
          reason: 'public: the signed token is the credential; covered by test/exercises/report.test.ts',
        },
      },
      schema: {
        tags: ['exercises'],
        summary: 'The report a signed link stands for (no account needed) while the link is valid',
        params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }),
      },
    },
    async (request, reply) => {
      const link = await resolveReportLink(db(), request.params.token);
      const exercise = await getExercise(db(), link.exerciseId);
      if (!exercise) throw notFound('no such report link', { field: 'token' });
      const org = await getOrganisation(db(), link.organisationId);
      // The link holder reads as the clearances recorded with the link (for the marking enforcement, too).
      if (request.readContext)
        request.readContext = newReadContext(
          { clearance: link.readers[0] },
          request.readContext.datasetMarkings,
        );
      const { file, marking } = await sendReport(request, reply, {
        exercise,
        sessionId: link.sessionId,
        organisation: { id: org.id, name: org.name },
        readers: link.readers,
        lang: link.lang,
        format: link.format,
      });
      await app.audit(request, {
        action: 'read',
        objectType: 'exercise-report-link',
        objectId: link.id,
        marking,
        details: { exercise: exercise.id, org: link.organisationId },
      });
      return reply.send(file);
    },
  );
};
