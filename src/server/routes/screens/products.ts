import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { assertReadable, datasetMarking, deriveMarking, MarkingSchema } from '../../security/markings.ts';
import {
  parseThresholds,
  resolveScreen,
  productDossier,
  type ProductDossier,
  mineralView,
  type MineralTradeView,
} from '../../../data/screening/index.ts';
import { findTradeDataset, type Catalog } from '../../../data/catalog/index.ts';
import { ResultCache } from '../../resultCache.ts';
import { ProvenanceSchema } from '../../provenanceSchema.ts';
import { screenServicesOf, stateContext } from '../../screens/screenServices.ts';
import { ScreenProvenanceSchema } from './schemas.ts';
import { sendSerializedJson } from '../../serializedJson.ts';

/**
 * /api/products/:hs6 — the product dossier (suppliers over the years, world exporters, the reporter's exports,
 * every method's verdict with its numbers, mine ▸ refine ▸ trade for minerals) and /api/minerals (the whole
 * mine ▸ refine ▸ trade list). Results carry the join of the markings of the datasets they use.
 */
const Label = Type.Object({ ja: Type.String(), en: Type.String() });
const Supplier = Type.Object({ partner: Type.String(), valueUsd: Type.Number(), share: Type.Number() });
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

const DossierYear = Type.Object({
  year: Type.Number(),
  importValueUsd: Type.Number(),
  hhi: Type.Number(),
  topSupplier: Type.Union([Type.String(), Type.Null()]),
  topShare: Type.Number(),
  top3Share: Type.Number(),
  supplierCount: Type.Number(),
  countriesTo75: Type.Number(),
  concernShare: Type.Number(),
  likeMindedShare: Type.Number(),
  extraGroupShare: Type.Number(),
  importExportRatio: Type.Number(),
  noExports: Type.Boolean(),
  exportValueUsd: Type.Number(),
  worldExportHhi: NullableNumber,
  worldExportValueUsd: Type.Number(),
  topWorldExporter: Type.Union([Type.String(), Type.Null()]),
  topWorldExporterShare: NullableNumber,
  partnerShare: Type.Optional(NullableNumber),
  unitValueUsdPerTonne: NullableNumber,
  suppliers: Type.Array(Supplier),
});

const Verdict = Type.Object({
  method: Type.String(),
  year: Type.Number(),
  flagged: Type.Boolean(),
  rule: Type.String(),
  thresholds: Type.Record(Type.String(), Type.Number()),
  criteria: Type.Array(
    Type.Object({
      indicator: Type.String(),
      label: Label,
      value: NullableNumber,
      op: Type.String(),
      threshold: Type.Number(),
      met: Type.Boolean(),
    }),
  ),
  persistence: Type.Optional(
    Type.Object({
      met: Type.Number(),
      of: Type.Number(),
      years: Type.Array(Type.Number()),
      metYears: Type.Array(Type.Number()),
      required: Type.Number(),
    }),
  ),
});

const ShareOf = Type.Object({ iso3: Type.String(), value: Type.Number(), share: Type.Number() });
export const MineralViewSchema = Type.Object({
  commodity: Type.String(),
  type: Type.String(),
  stage: Type.String(),
  unit: Type.String(),
  hs6: Type.String(),
  match: Type.String(),
  note: Type.Optional(Type.String()),
  productionYear: Type.Number(),
  worldProduction: NullableNumber,
  producers: Type.Array(ShareOf),
  topProducer: Type.Union([Type.String(), Type.Null()]),
  topProducerShare: NullableNumber,
  tradeYear: Type.Number(),
  exporters: Type.Array(ShareOf),
  topExporter: Type.Union([Type.String(), Type.Null()]),
  topExporterShare: NullableNumber,
  exporterIsNotProducer: Type.Boolean(),
  provenance: Type.Object({ production: ProvenanceSchema, trade: ProvenanceSchema }),
});

/** Parts left out because the reader may not read their datasets (e.g. 'minerals'), so the page can say so. */
const Withheld = Type.Array(Type.String(), {
  description: 'parts left out because the reader may not read their datasets',
});

const DossierSchema = Type.Object({
  hs6: Type.String(),
  labelEn: Type.String(),
  labelJa: Type.String(),
  reporter: Type.String(),
  reporterMembers: Type.Array(Type.String()),
  year: Type.Number(),
  critical: Type.Array(Type.String()),
  years: Type.Array(DossierYear),
  worldExporters: Type.Array(Supplier),
  importTrend: Type.Object({
    growth: NullableNumber,
    years: Type.Array(Type.Number()),
    skippedYears: Type.Array(Type.Number()),
  }),
  verdicts: Type.Array(Verdict),
  minerals: Type.Array(MineralViewSchema),
  withheld: Withheld,
  provenance: ScreenProvenanceSchema,
  marking: MarkingSchema,
});

const ProductQuery = Type.Object({
  reporter: Type.String({ minLength: 2, maxLength: 64 }),
  year: Type.Integer({ minimum: 1900, maximum: 2200 }),
  dataset: Type.Optional(Type.String({ maxLength: 64 })),
  partner: Type.Optional(Type.String({ maxLength: 64 })),
  thresholds: Type.Optional(Type.String({ maxLength: 500 })),
});

/** The parts of a page left out because the reader may not read their datasets (issue 18, item 14). */
const withheldParts = (catalog: Catalog): string[] => (catalog.withholds('minerals') ? ['minerals'] : []);

const dossierCache = new ResultCache<ProductDossier & { minerals: MineralTradeView[] }>(256);
const serializedDossiers = new WeakMap<object, { marking: string; body: Buffer }>();

export const productRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/products/:hs6',
    {
      config: {
        marks: 'result',
        auditAs: 'product-dossier',
        authz: {
          kind: 'none',
          reason:
            'a dossier is derived from trade and minerals datasets; marking checks in test/server/screens.test.ts',
        },
      },
      schema: {
        tags: ['screens'],
        summary:
          'Product dossier: suppliers over the years, world exporters, exports, every method’s verdict, mine ▸ refine ▸ trade',
        params: Type.Object({ hs6: Type.String({ maxLength: 12 }) }),
        querystring: ProductQuery,
        response: { 200: DossierSchema },
      },
    },
    async (request, reply) => {
      const { hs6 } = request.params;
      const query = request.query;
      const services = screenServicesOf(app);
      const entry = findTradeDataset(services.catalog, query.dataset, query.year);
      const minerals = services.catalog.ofKind('minerals')[0];
      const context = await stateContext(app, [entry.id, ...(minerals ? [minerals.id] : [])]);
      const marking = context.marking;
      assertReadable(request, marking, 'dataset');
      const params = [hs6, query.reporter, query.year, query.partner, query.thresholds];
      const key = ResultCache.key([entry.id, entry.path, minerals?.path, params, context.version, marking]);
      const dossier = await dossierCache.get(key, async () => {
        const screenRequest = {
          reporter: query.reporter,
          year: query.year,
          dataset: entry.id,
          partner: query.partner,
          thresholds: parseThresholds(query.thresholds ? query.thresholds.split(',').filter(Boolean) : []),
        };
        const resolved = await resolveScreen(services, { ...screenRequest, critical: false });
        const d = await productDossier(services, { ...screenRequest, hs6 }, resolved);
        return { ...d, minerals: await mineralView(services, d.hs6, query.year, entry.id) };
      });
      // Minerals the reader may not read are left out and the page says so (issue 18, item 14).
      const withheld = withheldParts(services.catalog);
      // Serialized once per cached dossier and marking; the clearance check above runs every time, and the read is
      // audited by the enforcement point (one entry per user × datasets × hour, repeats counted).
      const markingKey = JSON.stringify([marking, withheld]);
      let serialized = serializedDossiers.get(dossier);
      if (serialized?.marking !== markingKey) {
        serialized = {
          marking: markingKey,
          body: Buffer.from(reply.serialize({ ...dossier, withheld, marking }) as string),
        };
        serializedDossiers.set(dossier, serialized);
      }
      return sendSerializedJson(reply, serialized.body);
    },
  );

  app.get(
    '/minerals',
    {
      config: {
        marks: 'result',
        authz: {
          kind: 'none',
          reason: 'derived from trade and minerals datasets; marking checks in test/server/screens.test.ts',
        },
      },
      schema: {
        tags: ['screens'],
        summary:
          'Mine ▸ refine ▸ trade: USGS production shares next to world export shares for every mapped mineral HS6',
        querystring: Type.Object({
          year: Type.Integer({ minimum: 1900, maximum: 2200 }),
          dataset: Type.Optional(Type.String({ maxLength: 64 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(MineralViewSchema),
            total: Type.Number(),
            withheld: Withheld,
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request) => {
      const query = request.query;
      const services = screenServicesOf(app);
      const items = await mineralView(services, 'ALL', query.year, query.dataset);
      const withheld = withheldParts(services.catalog);
      const ids = [
        ...new Set(items.flatMap((i) => [i.provenance.production.dataset, i.provenance.trade.dataset])),
      ];
      const marking = deriveMarking(await Promise.all(ids.map((id) => datasetMarking(app, id))));
      assertReadable(request, marking, 'dataset');
      return { items, total: items.length, withheld, marking };
    },
  );
};
