import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { App } from '../app.ts';
import type { Marking } from '../../analysis/marking.ts';
import { provenanceOf, findTradeDataset } from '../../data/catalog/index.ts';
import {
  openSeaRoutes,
  parseClosures,
  routeBetweenPorts,
  exposureReport,
  seaNetworkId,
} from '../../data/maritime/index.ts';
import { passageDefinitions } from '../../analysis/maritime/passages.ts';
import { defaultSpeedKnots } from '../../analysis/maritime/route.ts';
import { circleRing, simplifiedNetworkLines } from '../../analysis/maritime/networkGeometry.ts';
import { assertReadable, datasetMarking, deriveMarking, MarkingSchema } from '../security/markings.ts';
import { ProvenanceSchema } from '../provenanceSchema.ts';

/**
 * Maritime chokepoints (PRODUCT.md §3.3): port-to-port routes with closures, chokepoint exposure of a
 * reporter's imports with a closure what-if, and GeoJSON for maps (route line, simplified network, straits).
 * Results derive from the sea-network dataset (and the trade dataset for exposure): they carry the join of those
 * datasets' markings, and a user who may not read one gets 404 (docs/security.md).
 */
const none = (reason: string) => ({ authz: { kind: 'none' as const, reason } });
const why =
  'derived from the sea-network (and trade) datasets, needs them imported; covered by test/maritime/api.test.ts';

const PassageList = Type.Optional(
  Type.String({
    maxLength: 400,
    pattern: '^[a-z_,\\s]*$',
    description: 'comma-separated passage ids, or all',
  }),
);
const Speed = Type.Optional(
  Type.Number({ exclusiveMinimum: 0, maximum: 60, default: defaultSpeedKnots, description: 'knots' }),
);
const Point = Type.Tuple([Type.Number(), Type.Number()]);
const Lines = Type.Object({
  type: Type.Literal('MultiLineString'),
  coordinates: Type.Array(Type.Array(Point)),
});
const Names = Type.Record(Type.String(), Type.Object({ en: Type.String(), ja: Type.String() }));
/** The freight rules of src/analysis/maritime/freightRules.ts. */
const FreightRuleSchema = Type.Union([
  Type.Literal('sea'),
  Type.Literal('sea_quantity_unknown'),
  Type.Literal('land'),
  Type.Literal('air_product'),
  Type.Literal('air_value'),
  Type.Literal('no_port'),
]);
const CountryRoute = Type.Object({
  distanceKm: Type.Number(),
  fromPort: Type.String(),
  toPort: Type.String(),
  passages: Type.Array(Type.String()),
  days: Type.Number(),
});
const PortSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  country: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
});
/** What exposureReport (src/data/maritime/exposureReport.ts) answers, with the products listed and the marking. */
const ExposureSchema = Type.Object({
  reporter: Type.Object({ code: Type.String(), en: Type.String(), ja: Type.String() }),
  year: Type.Number(),
  hs: Type.Union([Type.String(), Type.Null()]),
  closed: Type.Array(Type.String()),
  speedKnots: Type.Number(),
  freight: Type.Object({ airValuePerTonneUsd: Type.Number(), airProducts: Type.Array(Type.String()) }),
  reporterPorts: Type.Array(Type.String()),
  totalValueKusd: Type.Number(),
  seaValueKusd: Type.Number(),
  byRule: Type.Array(
    Type.Object({
      rule: FreightRuleSchema,
      en: Type.String(),
      ja: Type.String(),
      valueKusd: Type.Number(),
      flows: Type.Number(),
    }),
  ),
  passages: Type.Array(
    Type.Object({
      passage: Type.String(),
      valueKusd: Type.Number(),
      shareOfImports: Type.Number(),
      shareOfSeaImports: Type.Number(),
      flows: Type.Number(),
      topFlows: Type.Array(
        Type.Object({
          partner: Type.String(),
          product: Type.String(),
          valueKusd: Type.Number(),
          rule: FreightRuleSchema,
        }),
      ),
    }),
  ),
  partners: Type.Array(
    Type.Object({
      partner: Type.String(),
      valueKusd: Type.Number(),
      byRule: Type.Record(Type.String(), Type.Number(), { description: 'value by freight rule' }),
      route: Type.Union([CountryRoute, Type.Null()]),
      scenario: Type.Optional(
        Type.Object({
          route: Type.Union([CountryRoute, Type.Null()]),
          affectedValueKusd: Type.Number(),
          extraKm: Type.Union([Type.Number(), Type.Null()]),
          extraDays: Type.Union([Type.Number(), Type.Null()]),
          noRoute: Type.Boolean(),
        }),
      ),
    }),
  ),
  products: Type.Array(
    Type.Object({
      product: Type.String(),
      valueKusd: Type.Number(),
      seaValueKusd: Type.Number(),
      byPassage: Type.Record(Type.String(), Type.Number()),
    }),
  ),
  productCount: Type.Integer(),
  scenario: Type.Optional(
    Type.Object({
      closed: Type.Array(Type.String()),
      affectedValueKusd: Type.Number(),
      noRouteValueKusd: Type.Number(),
      meanExtraDays: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
  passageNames: Names,
  partnerNames: Names,
  valueUnit: Type.Literal('thousand USD'),
  method: Type.String(),
  provenance: Type.Object({ trade: ProvenanceSchema, network: ProvenanceSchema }),
  synthetic: Type.Boolean(),
  timings: Type.Object({
    queryMs: Type.Number(),
    routesMs: Type.Number(),
    exposureMs: Type.Number(),
    aggregatesFromCache: Type.Boolean(),
  }),
  marking: MarkingSchema,
});
const StraitProperties = Type.Object({
  portwatchId: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  passage: Type.Union([Type.String(), Type.Null()]),
  en: Type.String(),
  ja: Type.Union([Type.String(), Type.Null()]),
  geofence: Type.Optional(Type.Boolean()),
  radiusKm: Type.Optional(Type.Number()),
});
const StraitFeature = Type.Union([
  Type.Object({
    type: Type.Literal('Feature'),
    properties: StraitProperties,
    geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Point }),
  }),
  Type.Object({
    type: Type.Literal('Feature'),
    properties: StraitProperties,
    geometry: Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Type.Array(Point)) }),
  }),
]);
const LaneFeature = Type.Object({
  type: Type.Literal('Feature'),
  properties: Type.Object({ passages: Type.Array(Type.String()) }),
  geometry: Lines,
});

async function readableMarking(app: App, request: FastifyRequest, datasetIds: string[]): Promise<Marking> {
  const marking = deriveMarking(await Promise.all(datasetIds.map((id) => datasetMarking(app, id))));
  assertReadable(request, marking, 'dataset', { field: 'dataset' });
  if (marking.level >= 1) {
    await app.audit(request, {
      action: 'read',
      objectType: 'dataset',
      objectId: datasetIds.join('+'),
      marking,
      details: { route: request.routeOptions.url },
    });
  }
  return marking;
}

export const maritimeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const sea = () => openSeaRoutes(app.services.dataDir, app.services.catalog);

  app.get(
    '/maritime/chokepoints',
    {
      config: none(why),
      schema: {
        tags: ['maritime'],
        summary:
          'Passages a sea route can cross, with Japanese and English names, PortWatch coordinates and detection rule',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                kind: Type.String(),
                en: Type.String(),
                ja: Type.String(),
                portwatchId: Type.Optional(Type.String()),
                lon: Type.Optional(Type.Number()),
                lat: Type.Optional(Type.Number()),
                radiusKm: Type.Optional(Type.Number()),
                defaultClosed: Type.Boolean(),
              }),
            ),
            marking: MarkingSchema,
            provenance: ProvenanceSchema,
          }),
        },
      },
    },
    async (request) => {
      const routes = sea();
      const marking = await readableMarking(app, request, [routes.entry.id]);
      const items = passageDefinitions.map((p) => {
        const point = routes.chokepoints.find((c) => c.portwatchId === p.portwatchId);
        return {
          id: p.id,
          kind: p.kind,
          en: p.en,
          ja: p.ja,
          portwatchId: p.portwatchId,
          lon: point?.lon,
          lat: point?.lat,
          radiusKm: p.radiusKm,
          defaultClosed: p.id === 'northwest',
        };
      });
      return { items, marking, provenance: provenanceOf(routes.entry) };
    },
  );

  app.get(
    '/maritime/route',
    {
      config: none(why),
      schema: {
        tags: ['maritime'],
        summary:
          'Shortest sea route between two ports (UN/LOCODE): km, days at a stated speed, passages in travel order, GeoJSON line; route null when closures leave none',
        querystring: Type.Object({
          from: Type.String({ minLength: 2, maxLength: 40 }),
          to: Type.String({ minLength: 2, maxLength: 40 }),
          closed: PassageList,
          open: PassageList,
          speedKnots: Speed,
        }),
        response: {
          200: Type.Object({
            from: PortSummary,
            to: PortSummary,
            closed: Type.Array(Type.String()),
            speedKnots: Type.Number(),
            distanceKm: Type.Union([Type.Number(), Type.Null()]),
            days: Type.Union([Type.Number(), Type.Null()]),
            passages: Type.Array(Type.String()),
            route: Type.Union([
              Type.Object({
                distanceKm: Type.Number(),
                days: Type.Number(),
                passages: Type.Array(Type.String()),
                geometry: Lines,
              }),
              Type.Null(),
            ]),
            message: Type.Optional(Type.String()),
            method: Type.String(),
            provenance: ProvenanceSchema,
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request) => {
      const routes = sea();
      const marking = await readableMarking(app, request, [routes.entry.id]);
      const q = request.query;
      const result = routeBetweenPorts(
        routes,
        q.from,
        q.to,
        parseClosures(q.closed, q.open),
        q.speedKnots ?? defaultSpeedKnots,
      );
      return { ...result, marking };
    },
  );

  app.get(
    '/maritime/exposure',
    {
      config: none(why),
      schema: {
        tags: ['maritime'],
        summary:
          "Share of a reporter's import value passing each chokepoint (per product and in total), the freight rule of every flow, and a closure what-if",
        querystring: Type.Object({
          reporter: Type.String({ minLength: 2, maxLength: 60 }),
          year: Type.Integer({ minimum: 1950, maximum: 2100 }),
          hs: Type.Optional(Type.String({ pattern: '^[0-9]{2,6}$' })),
          closed: PassageList,
          open: PassageList,
          speedKnots: Speed,
          dataset: Type.Optional(Type.String({ maxLength: 64 })),
          products: Type.Optional(
            Type.Integer({
              minimum: 0,
              maximum: 10000,
              default: 200,
              description: 'products listed, largest first',
            }),
          ),
        }),
        response: {
          200: ExposureSchema,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const trade = findTradeDataset(app.services.catalog, q.dataset, q.year);
      const marking = await readableMarking(app, request, [seaNetworkId, trade.id]);
      const report = await exposureReport(app.services, {
        reporter: q.reporter,
        year: q.year,
        hs: q.hs,
        closed: q.closed,
        open: q.open,
        speedKnots: q.speedKnots,
        tradeDataset: trade.id,
        productsWithPassages: q.products ?? 200,
      });
      return {
        ...report,
        productCount: report.products.length,
        products: report.products.slice(0, q.products ?? 200),
        marking,
      };
    },
  );

  app.get(
    '/maritime/network.geojson',
    {
      config: none(why),
      schema: {
        tags: ['maritime'],
        summary:
          'The shipping-lane network simplified for a world map (GeoJSON FeatureCollection, split at the antimeridian)',
        querystring: Type.Object({
          toleranceKm: Type.Optional(Type.Number({ minimum: 0, maximum: 1000, default: 50 })),
        }),
        response: {
          200: Type.Object({
            type: Type.Literal('FeatureCollection'),
            features: Type.Array(LaneFeature),
            marking: MarkingSchema,
            provenance: ProvenanceSchema,
          }),
        },
      },
    },
    async (request) => {
      const routes = sea();
      const marking = await readableMarking(app, request, [routes.entry.id]);
      const features = simplifiedNetworkLines(routes.network, request.query.toleranceKm ?? 50);
      return {
        type: 'FeatureCollection' as const,
        features,
        marking,
        provenance: provenanceOf(routes.entry),
      };
    },
  );

  app.get(
    '/maritime/straits.geojson',
    {
      config: none(why),
      schema: {
        tags: ['maritime'],
        summary:
          'The 28 IMF PortWatch chokepoints as points (names ja/en where we route them) and the geofences as circles',
        response: {
          200: Type.Object({
            type: Type.Literal('FeatureCollection'),
            features: Type.Array(StraitFeature),
            marking: MarkingSchema,
            provenance: ProvenanceSchema,
          }),
        },
      },
    },
    async (request) => {
      const routes = sea();
      const marking = await readableMarking(app, request, [routes.entry.id]);
      const features: Static<typeof StraitFeature>[] = [];
      for (const c of routes.chokepoints) {
        const passage = passageDefinitions.find((p) => p.portwatchId === c.portwatchId);
        features.push({
          type: 'Feature',
          properties: {
            portwatchId: c.portwatchId,
            name: c.name,
            passage: passage?.id ?? null,
            en: passage?.en ?? c.name,
            ja: passage?.ja ?? null,
          },
          geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
        });
        if (passage?.kind === 'geofence' && passage.radiusKm) {
          features.push({
            type: 'Feature',
            properties: {
              passage: passage.id,
              en: passage.en,
              ja: passage.ja,
              radiusKm: passage.radiusKm,
              geofence: true,
            },
            geometry: { type: 'Polygon', coordinates: [circleRing(c.lon, c.lat, passage.radiusKm)] },
          });
        }
      }
      return {
        type: 'FeatureCollection' as const,
        features,
        marking,
        provenance: provenanceOf(routes.entry),
      };
    },
  );
};
