import { Type, type Static } from 'typebox';
import { ProvenanceSchema } from './provenanceSchema.ts';
import type { SameType } from './sameType.ts';
import type { ScenarioRunOutput } from '../data/scenario/index.ts';
import type { ScenarioComparison } from '../analysis/scenario/compare.ts';

/**
 * Response schemas of a scenario run's result and of a comparison of runs (src/analysis/scenario/run.ts,
 * compare.ts). The `title` of a sub-schema names its type in the web app's generated API types
 * (scripts/apiTypes.ts). The checks at the end fail to compile when the schemas and the analysis types part.
 */
const Ranged = Type.Object(
  { value: Type.Number(), p5: Type.Number(), p50: Type.Number(), p95: Type.Number() },
  {
    title: 'Ranged',
    description: 'A figure (central run) with its Monte Carlo 5th, 50th and 95th percentiles',
  },
);

const PartnerAmount = Type.Object(
  {
    partner: Type.String(),
    en: Type.String(),
    ja: Type.String(),
    value: Type.Number(),
    likeMinded: Type.Optional(Type.Boolean()),
  },
  { title: 'PartnerAmount' },
);

const ProductMonth = Type.Object(
  {
    month: Type.Number(),
    lost: Type.Number(),
    lostQuantity: Type.Union([Type.Number(), Type.Null()]),
    replaced: Type.Number(),
    stockDrawn: Type.Number(),
    unmet: Type.Number(),
  },
  { title: 'ProductMonth' },
);

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

const ProductResult = Type.Object(
  {
    product: Type.String(),
    imports: Type.Number(),
    lost: Ranged,
    lostQuantity: NullableNumber,
    replaced: Ranged,
    unmet: Ranged,
    timeToSurvive: Type.Object({
      value: NullableNumber,
      p5: NullableNumber,
      p50: NullableNumber,
      p95: NullableNumber,
    }),
    timeToRecover: Ranged,
    binding: Type.Boolean(),
    bindingProbability: Type.Number(),
    lostFrom: Type.Array(PartnerAmount),
    replacedFrom: Type.Array(PartnerAmount),
    months: Type.Array(ProductMonth),
  },
  { title: 'ProductResult' },
);

const SectorResult = Type.Object(
  {
    code: Type.String(),
    en: Type.String(),
    ja: Type.String(),
    directInoperability: Ranged,
    inoperability: Ranged,
    leontiefOutputLoss: Ranged,
    ghoshOutputLoss: Ranged,
    arioOutputLoss: Ranged,
    leontiefValueAddedLoss: Ranged,
    arioValueAddedLoss: Ranged,
  },
  { title: 'SectorResult' },
);

const ScenarioProvenance = Type.Object(
  {
    trade: ProvenanceSchema,
    ioTable: Type.Optional(ProvenanceSchema),
    seaNetwork: Type.Optional(ProvenanceSchema),
    concordance: Type.Optional(Type.Object({ id: Type.String(), source: Type.String() })),
    methods: Type.Array(Type.String()),
  },
  { title: 'ScenarioProvenance' },
);

export const ScenarioRunOutputSchema = Type.Object(
  {
    name: Type.String(),
    nameJa: Type.Optional(Type.String()),
    reporter: Type.Object({ iso3: Type.String(), en: Type.String(), ja: Type.String() }),
    year: Type.Number(),
    horizonMonths: Type.Number(),
    units: Type.Object({
      trade: Type.Literal('thousand USD'),
      quantity: Type.Literal('tonnes'),
      sectors: Type.Optional(Type.String()),
    }),
    totals: Type.Object({
      importsAffected: Type.Number(),
      lost: Ranged,
      replaced: Ranged,
      stockDrawn: Ranged,
      unmet: Ranged,
    }),
    products: Type.Array(ProductResult),
    bindingProducts: Type.Array(Type.String()),
    economy: Type.Optional(
      Type.Object({
        sectors: Type.Array(SectorResult),
        leontiefValueAddedLoss: Ranged,
        ghoshOutputLoss: Ranged,
        arioValueAddedLoss: Ranged,
        arioOutputLoss: Ranged,
        worstDay: Type.Number(),
        worstRelativeOutput: Ranged,
        recoveredDay: NullableNumber,
        timeline: Type.Object({
          central: Type.Array(Type.Number()),
          p5: Type.Array(Type.Number()),
          p50: Type.Array(Type.Number()),
          p95: Type.Array(Type.Number()),
        }),
        sectorTimeline: Type.Array(Type.Array(Type.Number())),
      }),
    ),
    monteCarlo: Type.Object({ draws: Type.Number(), seed: Type.Number() }),
    assumptions: Type.Array(Type.String()),
    provenance: ScenarioProvenance,
  },
  { title: 'ScenarioRunResult' },
);

const RangedOrNull = Type.Union([Ranged, Type.Null()]);

export const ScenarioComparisonSchema = Type.Object(
  {
    columns: Type.Array(
      Type.Object({
        label: Type.String(),
        name: Type.String(),
        nameJa: Type.Optional(Type.String()),
        year: Type.Number(),
        horizonMonths: Type.Number(),
      }),
    ),
    totals: Type.Array(
      Type.Object({
        metric: Type.Union([
          Type.Literal('lost'),
          Type.Literal('replaced'),
          Type.Literal('stockDrawn'),
          Type.Literal('unmet'),
        ]),
        values: Type.Array(Ranged),
      }),
    ),
    economy: Type.Array(
      Type.Object({
        metric: Type.Union([
          Type.Literal('leontiefValueAddedLoss'),
          Type.Literal('arioValueAddedLoss'),
          Type.Literal('ghoshOutputLoss'),
          Type.Literal('arioOutputLoss'),
        ]),
        values: Type.Array(RangedOrNull),
      }),
    ),
    products: Type.Array(
      Type.Object({
        product: Type.String(),
        lost: Type.Array(RangedOrNull),
        unmet: Type.Array(RangedOrNull),
        timeToSurvive: Type.Array(NullableNumber),
        binding: Type.Array(Type.Union([Type.Boolean(), Type.Null()])),
      }),
    ),
    sectors: Type.Array(
      Type.Object({
        code: Type.String(),
        en: Type.String(),
        ja: Type.String(),
        arioValueAddedLoss: Type.Array(RangedOrNull),
        leontiefValueAddedLoss: Type.Array(RangedOrNull),
      }),
    ),
  },
  { title: 'ScenarioComparison' },
);

/** The comparison's provenance: each run's, with its id. */
export const ComparedProvenanceSchema = Type.Array(
  Type.Intersect([Type.Object({ run: Type.String() }), ScenarioProvenance]),
);

const resultMatches: SameType<Static<typeof ScenarioRunOutputSchema>, ScenarioRunOutput> = true;
const comparisonMatches: SameType<Static<typeof ScenarioComparisonSchema>, ScenarioComparison> = true;
void resultMatches;
void comparisonMatches;
