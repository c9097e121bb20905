import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  caseEvents,
  getCase,
  listCases,
  updateCase,
  caseDocument,
} from '../../../data/exportControl/index.ts';
import { readerOf } from '../../security/markings.ts';
import { requirePermission } from '../../security/access.ts';
import { renderDocument } from '../../../data/tech/documentFile.ts';
import { documentHeaders } from '../../documentReply.ts';
import { actorOf } from '../../exportControl/recordMarking.ts';
import { CaseEventSchema, CaseKindSchema, CaseSchema, CaseStatusSchema, IdParams } from './schemas.ts';

/**
 * The export-control case inbox (issue 20): every kept screen, batch screen, transaction check and circumvention
 * report, with its marking, assignee, status and trail. A case the reader may not read answers like a missing one;
 * lists and totals count only readable cases (filtered in SQL by the store).
 */
const writers = ['analyst' as const, 'administrator' as const];

export const exportControlCaseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.get(
    '/export-control/cases',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'exportControlCase' } },
      schema: {
        tags: ['export-control'],
        summary: 'Cases the user may read, most recently changed first (by status, assignee, kind)',
        querystring: Type.Object({
          status: Type.Optional(CaseStatusSchema),
          assignee: Type.Optional(Type.String({ maxLength: 100 })),
          kind: Type.Optional(CaseKindSchema),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Omit(CaseSchema, ['result'])),
            total: Type.Number(),
          }),
        },
      },
    },
    async (request) => {
      const { limit = 100, offset = 0, ...filter } = request.query;
      const cases = await listCases(db(), { ...filter, reader: readerOf(request) });
      return {
        items: cases.slice(offset, offset + limit).map(({ result: _result, ...c }) => c),
        total: cases.length,
      };
    },
  );

  app.get(
    '/export-control/cases/:id',
    {
      config: { marks: 'objects', authz: { kind: 'read', fixture: 'exportControlCase', param: 'id' } },
      schema: {
        tags: ['export-control'],
        summary:
          'A case with its result as kept and its trail (created, status, assigned, decision, rescreened)',
        params: IdParams,
        response: {
          200: Type.Intersect([CaseSchema, Type.Object({ events: Type.Array(CaseEventSchema) })]),
        },
      },
    },
    async (request) => {
      const found = await getCase(db(), request.params.id, readerOf(request));
      await app.audit(request, {
        action: 'read',
        objectType: 'export_control_case',
        objectId: found.id,
        marking: found.marking,
      });
      return { ...found, events: await caseEvents(db(), found.id, readerOf(request)) };
    },
  );

  app.get(
    '/export-control/cases/:id/export',
    {
      config: {
        marks: 'export',
        authz: { kind: 'read', fixture: 'exportControlCase', param: 'id', query: { format: 'xlsx' } },
      },
      schema: {
        tags: ['export-control'],
        summary:
          'A case as PDF or XLSX (ja or en): result as kept, trail and sources, its marking on every page and in x-chokepoint-marking',
        params: IdParams,
        querystring: Type.Object({
          format: Type.Optional(Type.Union([Type.Literal('pdf'), Type.Literal('xlsx')])),
          lang: Type.Optional(Type.Union([Type.Literal('ja'), Type.Literal('en')])),
        }),
      },
    },
    async (request, reply) => {
      requirePermission(request, 'export');
      const { format = 'pdf', lang = 'ja' } = request.query;
      const found = await getCase(db(), request.params.id, readerOf(request));
      const document = caseDocument(found, await caseEvents(db(), found.id, readerOf(request)), lang);
      const file = await renderDocument(document, format);
      await app.audit(request, {
        action: 'export',
        objectType: 'export_control_case',
        objectId: found.id,
        marking: found.marking,
        details: { format, lang },
      });
      return reply
        .headers(documentHeaders(document, format, `export-control-case-${found.id}-${lang}`))
        .send(file);
    },
  );

  app.patch(
    '/export-control/cases/:id',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['export-control'],
        summary: 'Change a case’s status or assignee (recorded in its trail and the audit log)',
        params: IdParams,
        body: Type.Object(
          {
            status: Type.Optional(CaseStatusSchema),
            assignee: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Type.Omit(CaseSchema, ['result']) },
      },
    },
    async (request) => {
      const { result: _result, ...updated } = await updateCase(
        db(),
        request.params.id,
        request.body,
        actorOf(request),
        readerOf(request),
      );
      return updated;
    },
  );
};
