import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ChokepointError } from '../../../errors.ts';
import {
  MarkingSchema,
  assertReadable,
  canReadMarking,
  readerOf,
  deriveMarking,
  datasetMarking,
} from '../../security/markings.ts';
import { MethodProvenanceSchema } from '../../provenanceSchema.ts';
import { provenanceOf } from '../../../data/catalog/index.ts';
import { eventConcerns } from '../../../analysis/ews/events.ts';
import { evaluateRules } from '../../../analysis/ews/rules.ts';
import { computeIndicators } from '../../../analysis/ews/indicators.ts';
import {
  aggregatePartners,
  buildPanel,
  panelPeriods,
  type SeriesPanel,
} from '../../../analysis/ews/panel.ts';
import {
  getItem,
  itemCoverage,
  listItems,
  readableEvents,
  readMonthly,
  readPrices,
  ruleSetById,
  valueUnitOf,
  type ItemRecord,
} from '../../../data/ews/index.ts';
import {
  EventSchema,
  IdParams,
  ItemSchema,
  Label,
  LevelSchema,
  NullableNumbers,
  ValueUnitSchema,
} from './schemas.ts';

/**
 * /api/ews/items — monitored items (grade A–D, cadence) and one item's page: its monthly series with the seasonal
 * baseline, the value thresholds of the rules and the months they fire, the partners to draw, the recorded
 * events that concern it and the linked prices. Items carry markings; lists hold only readable ones.
 */
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

/** The readable events that concern the item's product and supplier (and the shown partner). */
function eventsOfItem(all: Awaited<ReturnType<typeof readableEvents>>, item: ItemRecord, partner: string) {
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
async function linkedPrices(app: FastifyInstance, request: FastifyRequest, hs: string) {
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

export const itemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const state = () => app.services.state;

  app.get(
    '/ews/items',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'ewsItem' } },
      schema: {
        tags: ['early warning'],
        summary: 'Monitored items (grade A–D, cadence)',
        querystring: Type.Object({ listId: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                ...ItemSchema.properties,
                /** Whether the item's dataset holds its series (src/data/ews/itemCoverage.ts). */
                coverage: Type.Union([
                  Type.Literal('ok'),
                  Type.Literal('no_dataset'),
                  Type.Literal('dataset_missing'),
                  Type.Literal('no_rows'),
                ]),
              }),
            ),
            total: Type.Number(),
          }),
        },
      },
    },
    async (request) => {
      const items = await listItems(state(), {
        listId: request.query.listId,
        reader: readerOf(request),
      });
      const coverage = await itemCoverage(app.services, items);
      return { items: items.map((i) => ({ ...i, coverage: coverage.get(i.id)! })), total: items.length };
    },
  );

  app.get(
    '/ews/items/:id',
    {
      config: { marks: 'result', authz: { kind: 'read', fixture: 'ewsItem', param: 'id' } },
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
      const { id } = request.params;
      const item = await getItem(state(), id);
      if (!item) throw new ChokepointError('not_found', 'item not found', { field: 'id' });
      assertReadable(request, item.marking, 'item', { field: 'id' });
      const partner = request.query.partner ?? item.partner ?? 'WLD';
      const readableEventList = await readableEvents(state(), readerOf(request));
      const events = eventsOfItem(readableEventList, item, partner);
      const prices = await linkedPrices(app, request, item.hs);
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
};
