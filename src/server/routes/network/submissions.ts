import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Marking } from '../../../analysis/marking.ts';
import {
  getSubmission,
  importSubmission,
  listSubmissions,
  SubmissionProblems,
} from '../../../data/network/index.ts';
import { badInput, ChokepointError } from '../../../errors.ts';
import { MarkingSchema, readerOf } from '../../security/markings.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import { currentUser, requirePermission } from '../../security/access.ts';
import { networkAccessOf } from '../../network/access.ts';
import {
  IdParams,
  SubmissionDetailSchema,
  SubmissionProblemsSchema,
  SubmissionSummarySchema,
} from './schemas.ts';

/**
 * Supply-structure submissions (issue 24): a company uploads its template (CSV or XLSX); every problem comes back
 * by sheet, row and column and nothing is stored unless there is none. A submission is read by its organisation
 * and by ministry organisations within its marking (default level 1 取扱注意, releasable to any organisation so
 * that the ministry can read it; the organisation rule keeps other companies out). Every read is audited.
 */
const writers = ['analyst' as const, 'administrator' as const];
const defaultMarking: Marking = { level: 1, compartments: [], releasableTo: null };

export const networkSubmissionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.post(
    '/network/submissions',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['network'],
        summary:
          "Submit a company's products, sites and suppliers (template as CSV or XLSX, base64); all or nothing",
        body: Type.Object(
          {
            fileName: Type.String({ minLength: 1, maxLength: 200, pattern: '\\.(csv|xlsx|CSV|XLSX)$' }),
            contentBase64: Type.String({ minLength: 1, maxLength: 10_000_000 }),
            organisation: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            marking: Type.Optional(MarkingSchema),
            reason: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            submission: SubmissionSummarySchema,
            matches: Type.Object({ joined: Type.Number(), created: Type.Number(), proposed: Type.Number() }),
          }),
          400: SubmissionProblemsSchema,
        },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const access = await networkAccessOf(request);
      const organisationId = request.body.organisation ?? user.organisationId;
      if (organisationId !== user.organisationId && !access.ministry)
        throw new ChokepointError('forbidden', 'only the ministry submits for another organisation', {
          field: 'organisation',
        });
      const { marking } = authorizeMarkingChange(request, {
        requested: request.body.marking,
        fallback: defaultMarking,
        what: 'submission',
      });
      if (marking.level < 1) {
        requirePermission(request, 'declassify');
        if ((request.body.reason?.trim() ?? '').length < 10)
          throw badInput('a submission below level 1 needs a reason of at least 10 characters', {
            field: 'reason',
          });
      }
      try {
        const saved = await importSubmission(db(), {
          organisationId,
          content: Buffer.from(request.body.contentBase64, 'base64'),
          fileName: request.body.fileName,
          marking,
          submittedBy: user.username,
        });
        await app.audit(request, {
          action: 'network.submit',
          objectType: 'network_submission',
          objectId: saved.submission.id,
          marking,
          details: {
            organisation: organisationId,
            suppliers: saved.submission.supplierCount,
            ...saved.matches,
          },
        });
        return saved;
      } catch (error) {
        if (!(error instanceof SubmissionProblems)) throw error;
        return reply.status(400).send({ error: error.toJSON(), problems: error.problems });
      }
    },
  );

  app.get(
    '/network/submissions',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'networkSubmission' } },
      schema: {
        tags: ['network'],
        summary: "Submissions the user may read: their own organisation's, or all (ministry), newest first",
        querystring: Type.Object({
          organisation: Type.Optional(Type.String({ maxLength: 64 })),
          current: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Type.Object({ items: Type.Array(SubmissionSummarySchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const items = await listSubmissions(db(), {
        reader: readerOf(request),
        access: await networkAccessOf(request),
        organisationId: request.query.organisation,
        currentOnly: request.query.current,
      });
      await app.audit(request, {
        action: 'read',
        objectType: 'network_submission',
        details: { list: items.length, organisation: request.query.organisation ?? null },
      });
      return { items, total: items.length };
    },
  );

  app.get(
    '/network/submissions/:id',
    {
      config: { marks: 'objects', authz: { kind: 'read', fixture: 'networkSubmission', param: 'id' } },
      schema: {
        tags: ['network'],
        summary: 'One submission with its products, sites and supplier lines (own organisation or ministry)',
        params: IdParams,
        response: { 200: SubmissionDetailSchema },
      },
    },
    async (request) => {
      const found = await getSubmission(
        db(),
        request.params.id,
        readerOf(request),
        await networkAccessOf(request),
      );
      await app.audit(request, {
        action: 'read',
        objectType: 'network_submission',
        objectId: found.id,
        marking: found.marking,
      });
      return found;
    },
  );
};
