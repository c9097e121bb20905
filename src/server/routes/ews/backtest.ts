import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ChokepointError } from '../../../errors.ts';
import { MarkingSchema, assertReadable, datasetMarking, readerOf } from '../../security/markings.ts';
import { MethodProvenanceSchema } from '../../provenanceSchema.ts';
import { provenanceOf } from '../../../data/catalog/index.ts';
import { buildPanel } from '../../../analysis/ews/panel.ts';
import { computeIndicators } from '../../../analysis/ews/indicators.ts';
import { backtest } from '../../../analysis/ews/backtest.ts';
import { readableEvents, readMonthly, ruleSetById } from '../../../data/ews/index.ts';
import { BacktestReportSchema, writers } from './schemas.ts';

/**
 * /api/ews/backtest — a rule set run over the history of a monthly dataset: alerts per rule and when, and false
 * alarms on a quiet period, precision and recall against the recorded events the reader may see.
 */
export const backtestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const state = () => app.services.state;

  app.post(
    '/ews/backtest',
    {
      config: { marks: 'result', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['early warning'],
        summary:
          'Run a rule set over the history of a monthly dataset: alerts per rule and when, precision and recall against the recorded events (with them and on statistics only), false alarms on a quiet period',
        body: Type.Object(
          {
            dataset: Type.String({ maxLength: 64 }),
            ruleSet: Type.Optional(Type.String({ maxLength: 64 })),
            reporter: Type.Optional(Type.String({ maxLength: 8 })),
            hs: Type.Optional(Type.String({ maxLength: 64 })),
            flow: Type.Optional(Type.Union([Type.Literal('import'), Type.Literal('export')])),
            quietFrom: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$' })),
            quietTo: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            report: BacktestReportSchema,
            provenance: MethodProvenanceSchema,
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request) => {
      const b = request.body;
      const entry = app.services.catalog.find(b.dataset);
      if (!entry) throw new ChokepointError('not_found', 'dataset not found', { field: 'dataset' });
      const marking = await datasetMarking(app, entry.id);
      assertReadable(request, marking, 'dataset', { field: 'dataset' });
      const rows = await readMonthly(app.services.dataDir, app.services.analytics, entry, {
        reporter: b.reporter,
        hs: b.hs,
        flow: b.flow,
      });
      if (rows.length === 0)
        throw new ChokepointError('no_data', 'no monthly rows match', { field: 'dataset' });
      const ruleSet = await ruleSetById(state(), b.ruleSet ?? 'default');
      const panel = buildPanel(rows, {
        file: entry.id,
        missing: (entry.extra?.missing as 'zero' | 'unknown') ?? 'zero',
      });
      // The backtest computes the event indicators from the events itself, without look-ahead.
      const { report } = backtest(panel, computeIndicators(panel, ruleSet.parameters), ruleSet, {
        events: await readableEvents(state(), readerOf(request)),
        quiet: b.quietFrom && b.quietTo ? { from: b.quietFrom, to: b.quietTo } : undefined,
      });
      // No series-year in the quiet period gives NaN; JSON says null (and the response serializer refuses NaN).
      const quiet = report.quiet && {
        ...report.quiet,
        alertsPerSeriesYear: Number.isFinite(report.quiet.alertsPerSeriesYear)
          ? report.quiet.alertsPerSeriesYear
          : null,
      };
      return {
        report: { ...report, quiet },
        provenance: { ...provenanceOf(entry), method: `EWS rule set ${ruleSet.id}` },
        marking,
      };
    },
  );
};
