import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { randomUUID } from 'node:crypto';
import { ChokepointError } from '../../errors.ts';
import { ewsIntervalSeconds, smtpRelay } from '../../config.ts';
import {
  MarkingSchema,
  assertReadable,
  canReadMarking,
  readerOf,
  deriveMarking,
  datasetMarking,
} from '../security/markings.ts';
import { currentUser } from '../security/access.ts';
import { MethodProvenanceSchema } from '../provenanceSchema.ts';
import { RuleSetSchema } from '../ruleSetSchema.ts';
import { provenanceOf } from '../../data/catalog/index.ts';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import { alertLevels } from '../../analysis/ews/levels.ts';
import { indicatorLabels, indicatorNames } from '../../analysis/ews/indicators.ts';
import { eventConcerns } from '../../analysis/ews/events.ts';
import { evaluateRules } from '../../analysis/ews/rules.ts';
import {
  readPrices,
  readableEvents,
  recordEvent,
  saveRuleSet,
  storedRuleSets,
  readMonthly,
  valueUnitOf,
  ruleSetById,
  scanItem,
  EwsScheduler,
  alertHistory,
  getAlert,
  getItem,
  listAlerts,
  listItems,
  rulePrecision,
  transitionAlert,
  type AlertStatus,
  type ItemRecord,
} from '../../data/ews/index.ts';
import { aggregatePartners, buildPanel, panelPeriods, type SeriesPanel } from '../../analysis/ews/panel.ts';
import { computeIndicators } from '../../analysis/ews/indicators.ts';
import { defaultRuleSet, validateRuleSet } from '../../analysis/ews/rules.ts';
import { backtest } from '../../analysis/ews/backtest.ts';

/**
 * /api/ews — early warning (早期警戒): alert inbox and lifecycle, monitored items with their series and
 * thresholds, rule sets, recorded events, backtests. Alerts and items carry markings; lists and counts only
 * include what the reader may see (docs/security.md).
 */
const Label = Type.Object({ ja: Type.String(), en: Type.String() });
const Indicator = Type.Object({
  rule: Type.String(),
  name: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()]),
  op: Type.String(),
  threshold: Type.Number(),
});
const FlowSchema = Type.Union([Type.Literal('import'), Type.Literal('export')]);
const LevelSchema = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)]);
const LevelCounts = Type.Record(Type.String(), Type.Number(), { description: 'alerts per level 1–4' });
/** BacktestReport of src/analysis/ews/backtest.ts. */
const BacktestReportSchema = Type.Object({
  periods: Type.Object({ from: Type.String(), to: Type.String() }),
  alerts: Type.Number(),
  byLevel: LevelCounts,
  rules: Type.Array(
    Type.Object({
      rule: Type.String(),
      label: Label,
      level: Type.Number(),
      alerts: Type.Number(),
      series: Type.Number(),
      /** Alert months with their series, oldest first (at most 200). */
      when: Type.Array(
        Type.Object({
          period: Type.String(),
          reporter: Type.String(),
          partner: Type.String(),
          hs: Type.String(),
          flow: Type.String(),
        }),
      ),
    }),
  ),
  quiet: Type.Optional(
    Type.Object({
      from: Type.String(),
      to: Type.String(),
      series: Type.Number(),
      seriesYears: Type.Number(),
      alerts: Type.Number(),
      alertsPerSeriesYear: Type.Union([Type.Number(), Type.Null()], {
        description: 'null when no series-year',
      }),
      byLevel: LevelCounts,
    }),
  ),
});
const AlertSchema = Type.Object({
  id: Type.String(),
  itemId: Type.Union([Type.String(), Type.Null()]),
  ruleSet: Type.String(),
  period: Type.String(),
  reporter: Type.String(),
  partner: Type.String(),
  hs: Type.String(),
  flow: FlowSchema,
  level: LevelSchema,
  levelName: Label,
  rules: Type.Array(Type.Object({ id: Type.String(), level: Type.Number(), label: Label })),
  indicators: Type.Array(Indicator),
  explanation: Label,
  status: Type.Union([
    Type.Literal('new'),
    Type.Literal('acknowledged'),
    Type.Literal('assigned'),
    Type.Literal('resolved'),
  ]),
  assignee: Type.Union([Type.String(), Type.Null()]),
  feedback: Type.Union([Type.Literal('true_alarm'), Type.Literal('false_alarm'), Type.Null()]),
  feedbackReason: Type.Union([Type.String(), Type.Null()]),
  marking: MarkingSchema,
  /** 'marked': computed with recorded events marked above the series (docs/ews.md, "Markings of stored alerts"). */
  eventBasis: Type.Union([Type.Literal('base'), Type.Literal('marked')]),
  /** The base alert this one replaces for readers cleared for it. */
  supersedes: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const ItemSchema = Type.Object({
  id: Type.String(),
  listId: Type.String(),
  reporter: Type.String(),
  partner: Type.Union([Type.String(), Type.Null()]),
  hs: Type.String(),
  flow: FlowSchema,
  label: Label,
  grade: Type.String(),
  cadence: Type.String(),
  dataset: Type.Union([Type.String(), Type.Null()]),
  ruleSet: Type.String(),
  nextScanAt: Type.Union([Type.String(), Type.Null()]),
  lastScanAt: Type.Union([Type.String(), Type.Null()]),
  marking: MarkingSchema,
});
/** src/data/ews/valueUnit.ts: the unit of a monthly dataset's values as its publisher gives them. */
const ValueUnitSchema = Type.Union(
  [
    Type.Object({
      currency: Type.String(),
      scale: Type.Number(),
      label: Label,
    }),
    Type.Literal('unknown'),
    Type.Null(),
  ],
  {
    description:
      "unit of the series' values (not converted); 'unknown' when the file did not say; null when the dataset was imported before units were recorded",
  },
);
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const writers = ['administrator', 'analyst'] as ('administrator' | 'analyst')[];

const withLevelName = <T extends { level: number }>(a: T) => ({
  ...a,
  levelName: alertLevels[a.level as 1 | 2 | 3 | 4],
});

const EventSchema = Type.Object({
  id: Type.String(),
  country: Type.String(),
  hs: Type.Array(Type.String()),
  targets: Type.Array(Type.String()),
  announced: Type.String(),
  effective: Type.String(),
  title: Label,
  source: Type.String(),
  /** true for the list shipped with chokepoint (src/data/ews/seedEvents.csv), false for ones users recorded. */
  seed: Type.Boolean(),
  marking: MarkingSchema,
});

async function readableAlert(app: Parameters<FastifyPluginAsync>[0], request: FastifyRequest, id: string) {
  const alert = await getAlert(app.services.state, id);
  if (!alert) throw new ChokepointError('not_found', 'alert not found', { field: 'id' });
  assertReadable(request, alert.marking, 'alert', { field: 'id' });
  return alert;
}

/**
 * Partners of a panel's first group by value over its last 12 months (aggregates first), with their share of the
 * partner total: what the item page offers to draw.
 */
function partnersByValue(panel: SeriesPanel) {
  const T = panel.months;
  const from = Math.max(0, T - 12);
  const sums = panel.series.map((k, s) => {
    let v = 0;
    for (let t = from; t < T; t++) {
      const x = panel.value[s * T + t];
      if (x === x) v += x;
    }
    return { partner: k.partner, aggregate: panel.aggregate[s] === 1, value12m: v };
  });
  const total = sums.filter((x) => !x.aggregate).reduce((a, x) => a + x.value12m, 0);
  return sums
    .map((x) => ({ ...x, share12m: !x.aggregate && total > 0 ? x.value12m / total : null }))
    .sort((a, b) => Number(b.aggregate) - Number(a.aggregate) || b.value12m - a.value12m);
}

export const ewsRoutes: FastifyPluginAsync = async (app) => {
  const state = () => app.services.state;

  // The scheduler scans due items in process every CHOKEPOINT_EWS_INTERVAL_SECONDS (default 900; 0 = off).
  const interval = ewsIntervalSeconds();
  if (interval > 0) {
    const scheduler = new EwsScheduler({
      state: app.services.state,
      scan: (item) => scanItem(app.services, item),
      notify: { smtp: smtpRelay() },
      onError: (item, error) => app.log.warn({ item: item.id, err: error }, 'EWS scan failed'),
    });
    scheduler.start(interval * 1000);
    app.addHook('onClose', async () => scheduler.stop());
  }

  app.get(
    '/ews/alerts',
    {
      config: { authz: { kind: 'list', fixture: 'ewsAlert' } },
      schema: {
        tags: ['early warning'],
        summary:
          'Alert inbox: filter and page; lists and totals hold only alerts the reader may see, a base alert replaced by a readable marked one left out',
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([
              Type.Literal('new'),
              Type.Literal('acknowledged'),
              Type.Literal('assigned'),
              Type.Literal('resolved'),
            ]),
          ),
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
      const q = request.query as {
        status?: AlertStatus;
        minLevel?: number;
        level?: number;
        from?: string;
        to?: string;
        hs?: string;
        reporter?: string;
        partner?: string;
        itemId?: string;
        page?: number;
        pageSize?: number;
      };
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
      config: { authz: { kind: 'read', fixture: 'ewsAlert', param: 'id' } },
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
      const { id } = request.params as { id: string };
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
  app.post(
    '/ews/alerts/:id/actions',
    {
      config: { roles: writers, authz: { kind: 'action' } },
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
      const { id } = request.params as { id: string };
      await readableAlert(app, request, id);
      const updated = await transitionAlert(
        state(),
        id,
        request.body as Parameters<typeof transitionAlert>[2],
        user.id,
      );
      await app.audit(request, {
        action: `alert-${(request.body as { action: string }).action}`,
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
      config: { authz: { kind: 'none', reason: 'aggregates over readable alerts only (readableSql)' } },
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

  app.get(
    '/ews/items',
    {
      config: { authz: { kind: 'list', fixture: 'ewsItem' } },
      schema: {
        tags: ['early warning'],
        summary: 'Monitored items (grade A–D, cadence)',
        querystring: Type.Object({ listId: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: Type.Object({ items: Type.Array(ItemSchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const items = await listItems(state(), {
        listId: (request.query as { listId?: string }).listId,
        reader: readerOf(request),
      });
      return { items, total: items.length };
    },
  );

  const NullableNumbers = Type.Array(Type.Union([Type.Number(), Type.Null()]));
  app.get(
    '/ews/items/:id',
    {
      config: { authz: { kind: 'read', fixture: 'ewsItem', param: 'id' } },
      schema: {
        tags: ['early warning'],
        summary:
          'An item with its monthly series (the item’s partner, or ?partner=), seasonal baseline, the value thresholds of the rules, rule hits over the history, recorded events and linked prices',
        params: IdParams,
        querystring: Type.Object({ partner: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })) }),
        response: {
          200: Type.Object({
            item: ItemSchema,
            series: Type.Union([
              Type.Null(),
              Type.Object({
                partner: Type.String(),
                periods: Type.Array(Type.String()),
                value: NullableNumbers,
                expected: NullableNumbers,
                thresholds: Type.Array(
                  Type.Object({
                    rule: Type.String(),
                    z: Type.Number(),
                    values: NullableNumbers,
                  }),
                ),
                valueZ: NullableNumbers,
                /** Months where the rule set fires on this series (as a scan of that month would have). */
                points: Type.Array(
                  Type.Object({
                    period: Type.String(),
                    level: LevelSchema,
                    rules: Type.Array(Type.String()),
                    explanation: Label,
                  }),
                ),
              }),
            ]),
            /** Partners of the same reporter × product × flow, by value over the last 12 months. */
            partners: Type.Array(
              Type.Object({
                partner: Type.String(),
                aggregate: Type.Boolean(),
                value12m: Type.Number(),
                share12m: Type.Union([Type.Number(), Type.Null()]),
              }),
            ),
            /** Unit of series.value, expected, thresholds and partners' value12m. */
            valueUnit: ValueUnitSchema,
            events: Type.Array(EventSchema),
            prices: Type.Array(
              Type.Object({
                code: Type.String(),
                name: Type.String(),
                unit: Type.String(),
                periods: Type.Array(Type.String()),
                values: NullableNumbers,
                provenance: MethodProvenanceSchema,
                marking: MarkingSchema,
              }),
            ),
            ruleSet: Type.String(),
            provenance: Type.Union([Type.Null(), MethodProvenanceSchema]),
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const item = await getItem(state(), id);
      if (!item) throw new ChokepointError('not_found', 'item not found', { field: 'id' });
      assertReadable(request, item.marking, 'item', { field: 'id' });
      const partner = (request.query as { partner?: string }).partner ?? item.partner ?? 'WLD';
      const readableEventList = await readableEvents(state(), readerOf(request));
      const events = eventsOfItem(readableEventList, item, partner);
      const prices = await linkedPrices(request, item.hs);
      const entry = item.dataset ? app.services.catalog.find(item.dataset) : undefined;
      if (!entry)
        return {
          item,
          series: null,
          partners: [],
          valueUnit: null,
          events,
          prices,
          ruleSet: item.ruleSet,
          provenance: null,
          marking: deriveMarking([item.marking, ...prices.map((p) => p.marking)]),
        };
      const dm = await datasetMarking(app, entry.id);
      assertReadable(request, dm, 'item', { field: 'id' });
      const rows = await readMonthly(app.services.dataDir, app.services.analytics, entry, {
        reporter: item.reporter,
        hs: item.hs,
        flow: item.flow,
      });
      const marking = deriveMarking([item.marking, dm, ...prices.map((p) => p.marking)]);
      const provenance = { ...provenanceOf(entry), method: `EWS rule set ${item.ruleSet} (docs/ews.md)` };
      const base = { events, prices, ruleSet: item.ruleSet, provenance, valueUnit: valueUnitOf(entry) };
      if (rows.length === 0) return { item, series: null, partners: [], marking, ...base };
      const ruleSet = await ruleSetById(state(), item.ruleSet);
      const panel = buildPanel(rows, {
        file: entry.id,
        missing: (entry.extra?.missing as 'zero' | 'unknown') ?? 'zero',
      });
      const ind = computeIndicators(panel, ruleSet.parameters, readableEventList);
      const T = panel.months;
      const partners = partnersByValue(panel);
      const s = panel.series.findIndex((k) => k.partner === partner);
      if (s < 0) return { item, series: null, partners, marking, ...base };
      const slice = (a: Float64Array) =>
        Array.from(a.subarray(s * T, (s + 1) * T), (v) => (Number.isFinite(v) ? v : null));
      // Value at which valueZ reaches a rule's threshold: (B + c)·exp(z·σ) − c, c = offset × trailing level.
      const zThresholds = [
        ...new Set(
          ruleSet.rules.flatMap((r) =>
            r.when.filter((c) => c.indicator === 'valueZ').map((c) => `${r.id}|${c.threshold}`),
          ),
        ),
      ];
      const level = (t: number) => {
        let sum = 0;
        for (let k = t - 12; k < t; k++) sum += panel.value[s * T + k];
        return t >= 12 ? sum / 12 : NaN;
      };
      const thresholds = zThresholds.map((key) => {
        const [rule, z] = key.split('|');
        const values = Array.from({ length: T }, (_, t) => {
          const B = ind.expected[s * T + t];
          const sigma = ind.scale[s * T + t];
          const c = ruleSet.parameters.seasonal.offset * level(t);
          const v = (B + c) * Math.exp(Number(z) * sigma) - c;
          return Number.isFinite(v) ? Math.max(0, v) : null;
        });
        return { rule, z: Number(z), values };
      });
      const points = evaluateRules(panel, ind, ruleSet)
        .filter((a) => a.partner === partner)
        .map((a) => ({
          period: a.period,
          level: a.level,
          rules: a.rules.map((r) => r.id),
          explanation: a.explanation,
        }));
      return {
        item,
        series: {
          partner,
          periods: panelPeriods(panel),
          value: slice(panel.value),
          expected: slice(ind.expected),
          thresholds,
          valueZ: slice(ind.table.valueZ),
          points,
        },
        partners,
        marking,
        ...base,
      };
    },
  );

  /** The readable events that concern the item's product and supplier (and the shown partner). */
  function eventsOfItem(
    all: Awaited<ReturnType<typeof readableEvents>>,
    item: ItemRecord,
    partner: string,
  ) {
    // On an aggregate (world, EU) an event concerns the series when it concerns any partner of the product.
    const aggregate = aggregatePartners.has(partner);
    return all.filter((e) =>
      eventConcerns(e, {
        reporter: item.reporter,
        partner: !aggregate ? partner : item.flow === 'import' ? e.country : (e.targets[0] ?? partner),
        hs: item.hs,
        flow: item.flow,
      }),
    );
  }

  /** Price series of readable price datasets linked to the product (src/data/ews/priceLinks.ts). */
  async function linkedPrices(request: FastifyRequest, hs: string) {
    const out = [];
    for (const entry of app.services.catalog.ofKind('prices')) {
      const m = await datasetMarking(app, entry.id);
      if (!canReadMarking(request, m)) continue;
      const series = (
        (entry.extra?.series as { code: string; name: string; unit: string; hs: string[] }[]) ?? []
      ).filter((x) => x.hs.some((h) => hs.startsWith(h) || h.startsWith(hs)));
      if (series.length === 0) continue;
      const rows = await readPrices(app.services.dataDir, app.services.analytics, entry);
      for (const x of series) {
        const own = rows.filter((r) => r.series === x.code);
        out.push({
          code: x.code,
          name: x.name,
          unit: x.unit,
          periods: own.map((r) => r.period),
          values: own.map((r) => (Number.isFinite(r.value) ? r.value : null)),
          provenance: { ...provenanceOf(entry), method: 'World Bank Pink Sheet, monthly average price' },
          marking: m,
        });
      }
    }
    return out;
  }

  app.get(
    '/ews/rule-sets',
    {
      config: { authz: { kind: 'none', reason: 'rule sets filtered by marking in memory' } },
      schema: {
        tags: ['early warning'],
        summary: 'Rule sets: the documented default and stored ones',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ id: Type.String(), body: RuleSetSchema, marking: MarkingSchema }),
            ),
            indicators: Type.Array(Type.String()),
            indicatorLabels: Type.Record(
              Type.String(),
              Type.Object({ ja: Type.String(), en: Type.String(), unit: Type.String() }),
            ),
            levels: Type.Record(Type.String(), Label),
          }),
        },
      },
    },
    async (request) => {
      return {
        items: [
          { id: 'default', body: defaultRuleSet, marking: publicMarking },
          ...(await storedRuleSets(state(), readerOf(request))),
        ],
        indicators: [...indicatorNames],
        indicatorLabels,
        levels: alertLevels,
      };
    },
  );

  app.put(
    '/ews/rule-sets/:id',
    {
      config: { roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['early warning'],
        summary: 'Save a rule set (validated; thresholds and parameters as in docs/ews.md)',
        params: IdParams,
        body: Type.Object({ body: Type.Any(), marking: Type.Optional(MarkingSchema) }),
        response: { 200: Type.Object({ id: Type.String() }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { id } = request.params as { id: string };
      if (id === 'default')
        throw new ChokepointError(
          'conflict',
          'the default rule set is shipped with chokepoint; save yours under another id',
          { field: 'id' },
        );
      const { body, marking } = request.body as { body: unknown; marking?: Marking };
      const ruleSet = validateRuleSet({ ...(body as object), id });
      const m = marking ?? publicMarking;
      await saveRuleSet(state(), ruleSet, m, user.id);
      await app.audit(request, { action: 'save', objectType: 'ews-rule-set', objectId: id, marking: m });
      return { id };
    },
  );

  app.post(
    '/ews/events',
    {
      config: { roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['early warning'],
        summary: 'Record an event (export-control announcement) with its dates and source',
        body: Type.Object(
          {
            country: Type.String({ pattern: '^[A-Z]{3}$' }),
            hs: Type.Array(Type.String({ pattern: '^\\d{2,10}$' }), { minItems: 1, maxItems: 200 }),
            targets: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z]{3}$' }), { maxItems: 300 })),
            announced: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
            effective: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
            title: Label,
            source: Type.String({ minLength: 1, maxLength: 2000 }),
            marking: Type.Optional(MarkingSchema),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ id: Type.String() }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const b = request.body as {
        country: string;
        hs: string[];
        targets?: string[];
        announced: string;
        effective: string;
        title: { ja: string; en: string };
        source: string;
        marking?: Marking;
      };
      if (b.effective < b.announced)
        throw new ChokepointError('bad_input', 'effective date is before the announcement', {
          field: 'effective',
        });
      const id = randomUUID();
      await recordEvent(
        state(),
        {
          id,
          country: b.country,
          hs: b.hs,
          targets: b.targets ?? [],
          announced: b.announced,
          effective: b.effective,
          title: b.title,
          source: b.source,
          marking: b.marking ?? publicMarking,
        },
        user.id,
      );
      await app.audit(request, {
        action: 'create',
        objectType: 'ews-event',
        objectId: id,
        marking: b.marking ?? publicMarking,
      });
      return { id };
    },
  );

  app.post(
    '/ews/backtest',
    {
      config: { roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['early warning'],
        summary:
          'Run a rule set over the history of a monthly dataset: alerts per rule and when, false alarms on a quiet period',
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
      const b = request.body as {
        dataset: string;
        ruleSet?: string;
        reporter?: string;
        hs?: string;
        flow?: 'import' | 'export';
        quietFrom?: string;
        quietTo?: string;
      };
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
      const ind = computeIndicators(panel, ruleSet.parameters, await readableEvents(state(), readerOf(request)));
      const { report } = backtest(
        panel,
        ind,
        ruleSet,
        b.quietFrom && b.quietTo ? { from: b.quietFrom, to: b.quietTo } : undefined,
      );
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
