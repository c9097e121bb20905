import { Type } from 'typebox';
import { defaultSpeedKnots } from '../../../analysis/maritime/route.ts';
import { MarkingSchema } from '../../security/markings.ts';
import { ProvenanceSchema } from '../../provenanceSchema.ts';

/** The maritime answers as the API shows them, and the pieces several maritime routes share. */

/** Why the maritime routes need no fixture in the authorization-matrix test (docs/security.md). */
export const derivedFromNetwork = {
  kind: 'none' as const,
  reason:
    'derived from the sea-network (and trade) datasets, needs them imported; covered by test/maritime/api.test.ts',
};
export const PassageList = Type.Optional(
  Type.String({
    maxLength: 400,
    pattern: '^[a-z_,\\s]*$',
    description: 'comma-separated passage ids, or all',
  }),
);
export const Speed = Type.Optional(
  Type.Number({ exclusiveMinimum: 0, maximum: 60, default: defaultSpeedKnots, description: 'knots' }),
);
export const Point = Type.Tuple([Type.Number(), Type.Number()]);
export const Lines = Type.Object({
  type: Type.Literal('MultiLineString'),
  coordinates: Type.Array(Type.Array(Point)),
});
export const Names = Type.Record(Type.String(), Type.Object({ en: Type.String(), ja: Type.String() }));
/** The freight rules of src/analysis/maritime/freightRules.ts. */
export const FreightRuleSchema = Type.Union([
  Type.Literal('sea'),
  Type.Literal('sea_quantity_unknown'),
  Type.Literal('land'),
  Type.Literal('air_product'),
  Type.Literal('air_value'),
  Type.Literal('no_port'),
]);
export const CountryRoute = Type.Object({
  distanceKm: Type.Number(),
  fromPort: Type.String(),
  toPort: Type.String(),
  passages: Type.Array(Type.String()),
  days: Type.Number(),
});
export const PortSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  country: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
});
/** What exposureReport (src/data/maritime/exposureReport.ts) answers, with the products listed and the marking. */
export const ExposureSchema = Type.Object({
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
export const StraitProperties = Type.Object({
  portwatchId: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  passage: Type.Union([Type.String(), Type.Null()]),
  en: Type.String(),
  ja: Type.Union([Type.String(), Type.Null()]),
  geofence: Type.Optional(Type.Boolean()),
  radiusKm: Type.Optional(Type.Number()),
});
export const StraitFeature = Type.Union([
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
export const LaneFeature = Type.Object({
  type: Type.Literal('Feature'),
  properties: Type.Object({ passages: Type.Array(Type.String()) }),
  geometry: Lines,
});
