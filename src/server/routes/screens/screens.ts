import fs from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { MarkingSchema } from '../../security/markings.ts';
import { requirePermission } from '../../security/access.ts';
import { type ScreenResult, writeScreenCsv, writeScreenXlsx } from '../../../data/screening/index.ts';
import { seedCriticalGoods, seedGroups } from '../../../data/reference/index.ts';
import { methodById, methods } from '../../../analysis/methods/index.ts';
import { screenFor } from '../../screens/cachedScreen.ts';
import { sendSerializedJson } from '../../serializedJson.ts';
import { ScreenProvenanceSchema } from './schemas.ts';

/**
 * /api/screens — the supply-chain screen (PRODUCT.md §3.2) of one reporter and year: every imported HS6 with
 * its indicators and method flags, paginated, sortable and filterable, with counts per method and provenance.
 * A screen derives from its trade dataset and carries that dataset's marking; a user who may not read the
 * dataset gets 404, as if it did not exist (docs/security.md).
 */
const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);

export const ScreenItemSchema = Type.Object({
  reporter: Type.String(),
  hs6: Type.String({ description: 'HS6 code (HS revision of the dataset)' }),
  labelEn: Type.String(),
  labelJa: Type.String(),
  importValueUsd: Type.Number(),
  hhi: Type.Number({ description: 'Σ s², 0–1' }),
  topSupplier: Type.String({ description: 'ISO3' }),
  topShare: Type.Number(),
  top3Share: Type.Number(),
  suppliers: Type.Number(),
  countriesTo75: Type.Number(),
  concernShare: Type.Number(),
  likeMindedShare: Type.Number(),
  partnerShare: Nullable(Type.Number()),
  extraGroupShare: Type.Number(),
  unitValueUsdPerTonne: Nullable(Type.Number()),
  exportValueUsd: Type.Number(),
  importExportRatio: Type.Number({ description: 'M/X; 9999 when the reporter exports none (noExports)' }),
  noExports: Type.Boolean(),
  worldExportHhi: Nullable(Type.Number()),
  topWorldExporter: Type.Union([Type.String(), Type.Null()]),
  topWorldExporterShare: Nullable(Type.Number()),
  yearsWithImports: Type.Number(),
  critical: Type.Array(Type.String()),
  flags: Type.Record(Type.String(), Type.Boolean()),
  persistence: Type.Record(Type.String(), Type.Object({ met: Type.Number(), of: Type.Number() })),
});

/** The columns a screen can be sorted by. */
const SortSchema = Type.Union([
  Type.Literal('importValueUsd'),
  Type.Literal('hhi'),
  Type.Literal('topShare'),
  Type.Literal('top3Share'),
  Type.Literal('suppliers'),
  Type.Literal('countriesTo75'),
  Type.Literal('concernShare'),
  Type.Literal('likeMindedShare'),
  Type.Literal('worldExportHhi'),
  Type.Literal('importExportRatio'),
  Type.Literal('exportValueUsd'),
  Type.Literal('hs6'),
]);

export const ScreenQuerySchema = Type.Object({
  reporter: Type.String({ minLength: 2, maxLength: 64, description: 'ISO3, name or group id (EU27 …)' }),
  year: Type.Integer({ minimum: 1900, maximum: 2200 }),
  dataset: Type.Optional(Type.String({ maxLength: 64 })),
  partner: Type.Optional(
    Type.String({ maxLength: 64, description: 'named partner for the majority method' }),
  ),
  thresholds: Type.Optional(
    Type.String({ maxLength: 500, description: 'comma-separated method.name=value, e.g. eu2021.hhi=0.3' }),
  ),
  window: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  method: Type.Optional(Type.String({ description: 'only products flagged by this method' })),
  critical: Type.Optional(Type.Boolean({ description: 'only critical goods (特定重要物資)' })),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'HS6 prefix or words of the label (ja/en)' })),
  topSupplier: Type.Optional(Type.String({ maxLength: 3 })),
  minImportUsd: Type.Optional(Type.Number({ minimum: 0 })),
  sort: Type.Optional(SortSchema),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
});

const ScreenResponseSchema = Type.Object({
  reporter: Type.String(),
  reporterMembers: Type.Array(Type.String()),
  year: Type.Number(),
  window: Type.Number(),
  screened: Type.Number({ description: 'products the reporter imports' }),
  counts: Type.Record(Type.String(), Type.Number(), { description: 'products flagged per method' }),
  methods: Type.Array(
    Type.Object({ id: Type.String(), nameJa: Type.String(), nameEn: Type.String(), citation: Type.String() }),
  ),
  total: Type.Number({ description: 'items matching the filters' }),
  page: Type.Number(),
  pageSize: Type.Number(),
  items: Type.Array(ScreenItemSchema),
  provenance: ScreenProvenanceSchema,
  marking: MarkingSchema,
});

const CountsResponseSchema = Type.Object({
  reporter: Type.String(),
  year: Type.Number(),
  screened: Type.Number(),
  counts: Type.Record(Type.String(), Type.Number()),
  provenance: ScreenProvenanceSchema,
  marking: MarkingSchema,
});

type Sortable = Static<typeof SortSchema>;
type Item = ScreenResult['items'][number];

/** Sorted copies of cached screens (null values last, ties by HS6), kept as long as the screen itself is. */
const sortedCache = new WeakMap<ScreenResult, Map<string, Item[]>>();

function sortedItems(result: ScreenResult, sort: Sortable, direction: 1 | -1): Item[] {
  let byOrder = sortedCache.get(result);
  if (!byOrder) sortedCache.set(result, (byOrder = new Map()));
  const key = `${sort}:${direction}`;
  let items = byOrder.get(key);
  if (!items) {
    items = [...result.items].sort((a, b) => {
      const x = a[sort];
      const y = b[sort];
      if (x === y) return a.hs6.localeCompare(b.hs6);
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * direction;
    });
    byOrder.set(key, items);
  }
  return items;
}

const pagesPerScreen = 256;
/**
 * Serialized pages of cached screens (by filters, sort, page and marking), kept as long as the screen itself:
 * a repeated page is one Buffer write, not a filter, slice and JSON serialization (docs/benchmarks.md). The
 * page depends only on the screen and the query, never on the user; who may see it is decided before.
 */
const pageCache = new WeakMap<ScreenResult, Map<string, Buffer>>();

function pagesOf(result: ScreenResult): Map<string, Buffer> {
  let pages = pageCache.get(result);
  if (!pages) pageCache.set(result, (pages = new Map()));
  return pages;
}

function matchesText(item: ScreenResult['items'][number], q: string): boolean {
  const text = q.trim().toLowerCase();
  if (/^\d+$/.test(text)) return item.hs6.startsWith(text);
  return item.labelEn.toLowerCase().includes(text) || item.labelJa.includes(q.trim());
}

/** An export takes the screen's filters (no pages: every matching row) and the HS chapter. */
const {
  sort: _sort,
  order: _order,
  page: _page,
  pageSize: _pageSize,
  ...screenFilters
} = ScreenQuerySchema.properties;
const ScreenExportQuerySchema = Type.Object({
  ...screenFilters,
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
  chapter: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'HS chapter (2 digits)' })),
});

export const screenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Screens read the critical goods registry and the country groups, which seed themselves on first read; seeding
  // now keeps that first read from changing the state version (and so the cache key) of the first screen.
  await seedCriticalGoods(app.services.state);
  await seedGroups(app.services.state);
  app.get(
    '/screens',
    {
      config: {
        marks: 'result',
        auditAs: 'screen',
        authz: {
          kind: 'none',
          reason: 'a screen is derived from a trade dataset; marking checks in test/server/screens.test.ts',
        },
      },
      schema: {
        tags: ['screens'],
        summary: 'Supply-chain screen of a reporter and year: indicators and method flags per HS6 product',
        querystring: ScreenQuerySchema,
        response: { 200: ScreenResponseSchema },
      },
    },
    async (request, reply) => {
      const query = request.query;
      if (query.method) methodById(query.method);
      // The clearance check (and the audit of a marked read) runs on every request, before any cached page.
      const { result, marking } = await screenFor(app, request, query);
      const pageKey = JSON.stringify([
        query.method,
        query.q,
        query.topSupplier,
        query.minImportUsd,
        query.sort,
        query.order,
        query.page,
        query.pageSize,
        marking,
      ]);
      const cachedPage = pagesOf(result).get(pageKey);
      if (cachedPage) return sendSerializedJson(reply, cachedPage);
      const sort: Sortable = query.sort ?? 'importValueUsd';
      const direction = (query.order ?? (sort === 'hs6' ? 'asc' : 'desc')) === 'asc' ? 1 : -1;
      // Filters keep the order, so the full screen is sorted once per (result, sort, order), not per request.
      let items = sortedItems(result, sort, direction);
      if (query.method) items = items.filter((i) => i.flags[query.method!]);
      if (query.q) items = items.filter((i) => matchesText(i, query.q!));
      if (query.topSupplier) items = items.filter((i) => i.topSupplier === query.topSupplier!.toUpperCase());
      if (query.minImportUsd !== undefined)
        items = items.filter((i) => i.importValueUsd >= query.minImportUsd!);
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 50;
      const body = {
        reporter: result.reporter,
        reporterMembers: result.reporterMembers,
        year: result.year,
        window: result.window,
        screened: result.screened,
        counts: result.counts,
        methods: methods.map((m) => ({
          id: m.id,
          nameJa: m.name.ja,
          nameEn: m.name.en,
          citation: m.citation,
        })),
        total: items.length,
        page,
        pageSize,
        items: items.slice((page - 1) * pageSize, page * pageSize).map(({ provenance: _p, ...rest }) => rest),
        provenance: { ...result.provenance, method: query.method ?? 'all' },
        marking,
      };
      const serialized = Buffer.from(reply.serialize(body) as string);
      const pages = pagesOf(result);
      if (pages.size >= pagesPerScreen) pages.delete(pages.keys().next().value!);
      pages.set(pageKey, serialized);
      return sendSerializedJson(reply, serialized);
    },
  );

  app.get(
    '/screens/counts',
    {
      config: {
        marks: 'result',
        authz: {
          kind: 'none',
          reason: 'derived from a trade dataset; marking checks in test/server/screens.test.ts',
        },
      },
      schema: {
        tags: ['screens'],
        summary: 'Products flagged per method for a reporter and year',
        querystring: Type.Pick(ScreenQuerySchema, [
          'reporter',
          'year',
          'dataset',
          'partner',
          'thresholds',
          'window',
          'critical',
        ]),
        response: { 200: CountsResponseSchema },
      },
    },
    async (request) => {
      const { result, marking } = await screenFor(app, request, request.query);
      return {
        reporter: result.reporter,
        year: result.year,
        screened: result.screened,
        counts: result.counts,
        provenance: result.provenance,
        marking,
      };
    },
  );

  app.get(
    '/screens/export',
    {
      config: {
        marks: 'export',
        authz: {
          kind: 'none',
          reason:
            'an export of a screen derived from a trade dataset; checks in test/server/screenExport.test.ts',
        },
      },
      schema: {
        tags: ['screens'],
        summary:
          'The whole screen (every row matching the filters, no pages) as CSV or XLSX with provenance and marking; audited',
        querystring: ScreenExportQuerySchema,
      },
    },
    async (request, reply) => {
      requirePermission(request, 'export');
      const query = request.query;
      if (query.method) methodById(query.method);
      const { result, marking } = await screenFor(app, request, query);
      const method = query.method ?? 'all';
      const items = result.items
        .filter((i) => !query.method || i.flags[query.method])
        .filter((i) => !query.chapter || i.hs6.startsWith(query.chapter))
        .filter((i) => !query.q || matchesText(i, query.q))
        .filter((i) => !query.topSupplier || i.topSupplier === query.topSupplier.toUpperCase())
        .filter((i) => query.minImportUsd === undefined || i.importValueUsd >= query.minImportUsd)
        .map((i) => ({ ...i, provenance: { ...i.provenance, method } }));
      const exported: ScreenResult = { ...result, items, provenance: { ...result.provenance, method } };
      const name = `screen-${result.reporter}-${result.year}${query.method ? `-${query.method}` : ''}.${query.format}`;
      const dir = app.services.dataDir.scratch('screen-export');
      try {
        const file = path.join(dir, name);
        if (query.format === 'csv') writeScreenCsv(exported, file, { marking });
        else await writeScreenXlsx(exported, file, { marking });
        const body = fs.readFileSync(file);
        await app.audit(request, {
          action: 'export',
          objectType: 'screen',
          objectId: `${result.entry.id}:${result.reporter}:${result.year}`,
          marking,
          details: { format: query.format, method, rows: items.length, thresholds: query.thresholds ?? null },
        });
        reply.header('content-disposition', `attachment; filename="${name}"`);
        reply.header('x-chokepoint-marking', JSON.stringify(marking));
        return reply
          .type(
            query.format === 'csv'
              ? 'text/csv; charset=utf-8'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .send(body);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
};
