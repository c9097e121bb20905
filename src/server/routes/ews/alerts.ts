import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ChokepointError } from '../../../errors.ts';
import { assertReadable, readerOf } from '../../security/markings.ts';
import { currentUser } from '../../security/access.ts';
import { alertLevels } from '../../../analysis/ews/levels.ts';
import {
  alertHistory,
  getAlert,
  listAlerts,
  rulePrecision,
  transitionAlert,
  type AlertRecord,
} from '../../../data/ews/index.ts';
import { AlertSchema, AlertStatusSchema, IdParams, writers } from './schemas.ts';

/**
 * /api/ews/alerts — the alert inbox and lifecycle (acknowledge, assign, resolve with true/false-alarm feedback),
 * and the precision of each rule from that feedback. Lists, counts and precision hold only the alerts the reader
 * may see (docs/security.md).
 */
const withLevelName = (a: AlertRecord) => ({ ...a, levelName: alertLevels[a.level] });

async function readableAlert(app: FastifyInstance, request: FastifyRequest, id: string) {
  const alert = await getAlert(app.services.state, id);
  if (!alert) throw new ChokepointError('not_found', 'alert not found', { field: 'id' });
  assertReadable(request, alert.marking, 'alert', { field: 'id' });
  return alert;
}

const Action = Type.Union([
  Type.Object({ action: Type.Literal('acknowledge') }, { additionalProperties: false }),
  Type.Object(
    { action: Type.Literal('assign'), assignee: Type.String({ minLength: 1, maxLength: 200 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('resolve'),
      feedback: Type.Union([Type.Literal('true_alarm'), Type.Literal('false_alarm')]),
      reason: Type.Optional(Type.String({ maxLength: 2000 })),
    },
    { additionalProperties: false },
  ),
]);

export const alertRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const state = () => app.services.state;

  app.get(
    '/ews/alerts',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'ewsAlert' } },
      schema: {
        tags: ['early warning'],
        summary:
          'Alert inbox: filter and page; lists and totals hold only alerts the reader may see, a base alert replaced by a readable marked one left out',
        querystring: Type.Object({
          status: Type.Optional(AlertStatusSchema),
          minLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
          level: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
          from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$' })),
          to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$' })),
          hs: Type.Optional(Type.String({ maxLength: 64 })),
          reporter: Type.Optional(Type.String({ maxLength: 8 })),
          partner: Type.Optional(Type.String({ maxLength: 8 })),
          itemId: Type.Optional(Type.String({ maxLength: 64 })),
          page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(AlertSchema),
            total: Type.Number(),
            page: Type.Number(),
            pageSize: Type.Number(),
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 50;
      const { items, total } = await listAlerts(
        state(),
        {
          status: q.status,
          minLevel: q.minLevel,
          level: q.level,
          from: q.from,
          to: q.to,
          hs: q.hs,
          reporter: q.reporter,
          partner: q.partner,
          itemId: q.itemId,
          reader: readerOf(request),
        },
        page,
        pageSize,
      );
      return { items: items.map(withLevelName), total, page, pageSize };
    },
  );

  app.get(
    '/ews/alerts/:id',
    {
      config: { marks: 'objects', authz: { kind: 'read', fixture: 'ewsAlert', param: 'id' } },
      schema: {
        tags: ['early warning'],
        summary: 'One alert with its history',
        params: IdParams,
        response: {
          200: Type.Object({
            alert: AlertSchema,
            history: Type.Array(
              Type.Object({
                action: Type.String(),
                actor: Type.Union([Type.String(), Type.Null()]),
                note: Type.Union([Type.String(), Type.Null()]),
                at: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const alert = await readableAlert(app, request, id);
      if (alert.marking.level >= 1)
        await app.audit(request, {
          action: 'read',
          objectType: 'ews-alert',
          objectId: id,
          marking: alert.marking,
        });
      return { alert: withLevelName(alert), history: await alertHistory(state(), id) };
    },
  );

  app.post(
    '/ews/alerts/:id/actions',
    {
      config: { marks: 'result', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['early warning'],
        summary: 'Lifecycle: acknowledge, assign, resolve (with true/false-alarm feedback)',
        params: IdParams,
        body: Action,
        response: { 200: AlertSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { id } = request.params;
      await readableAlert(app, request, id);
      const updated = await transitionAlert(state(), id, request.body, user.id);
      await app.audit(request, {
        action: `alert-${request.body.action}`,
        objectType: 'ews-alert',
        objectId: id,
        marking: updated.marking,
      });
      return withLevelName(updated);
    },
  );

  app.get(
    '/ews/precision',
    {
      config: {
        marks: 'none',
        authz: { kind: 'none', reason: 'aggregates over readable alerts only (readableSql)' },
      },
      schema: {
        tags: ['early warning'],
        summary: 'Precision per rule from feedback on resolved alerts the reader may see',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                rule: Type.String(),
                trueAlarms: Type.Number(),
                falseAlarms: Type.Number(),
                precision: Type.Union([Type.Number(), Type.Null()]),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await rulePrecision(state(), readerOf(request)) }),
  );
};
