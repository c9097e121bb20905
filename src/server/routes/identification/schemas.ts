import { Type, type Static } from 'typebox';
import type { SameType } from '../../sameType.ts';
import type { Marking } from '../../../analysis/marking.ts';
import type {
  AlternativesReport,
  CoercionReport,
  LeakageReport,
  Party,
  MineralChainReport,
  MonthlySurgeReport,
  SupplierPushReport,
  SurgeReport,
} from '../../../data/identification/index.ts';
import { MarkingSchema } from '../../security/markings.ts';
import { ProvenanceSchema } from '../../provenanceSchema.ts';

/**
 * Schemas of the identification routes (issue 25): the registry of critical goods and technologies, the analyses
 * (coercion, alternatives, overcapacity, mine ▸ refine ▸ trade, leakage) and the risk register. Every analysis
 * result carries `marking`: the join of the datasets and stored groups it read.
 */
const Num = Type.Number();
const NumOrNull = Type.Union([Type.Number(), Type.Null()]);
const StrOrNull = Type.Union([Type.String(), Type.Null()]);
export const Label = Type.Object({ ja: Type.String(), en: Type.String() });
export const Notes = Type.Array(Label);

export const Kind = Type.Union([Type.Literal('good'), Type.Literal('technology')]);
export const Status = Type.Union([Type.Literal('active'), Type.Literal('proposed'), Type.Literal('retired')]);
// Literal tuples (not a mapped array), so that the static types are the unions themselves; test/identification/
// api.test.ts checks them against domainIds, riskTypeIds and riskLevels.
export const Domain = Type.Union([
  Type.Literal('computing'),
  Type.Literal('clean-tech'),
  Type.Literal('biotech'),
  Type.Literal('defence-space'),
]);
export const Direction = Type.Union([Type.Literal('exports'), Type.Literal('imports')]);
export const RiskType = Type.Union([
  Type.Literal('supply-disruption'),
  Type.Literal('coercion-technology-transfer'),
  Type.Literal('acquisition-overproduction'),
  Type.Literal('like-minded-leakage'),
]);
export const RiskLevel = Type.Union([
  Type.Literal('low'),
  Type.Literal('medium'),
  Type.Literal('high'),
  Type.Literal('critical'),
]);
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** An ISO3 country or a group id/name (EU27, LIKE_MINDED …), as the screen takes it. */
const PartyText = Type.String({ minLength: 2, maxLength: 64 });
const Year = Type.Integer({ minimum: 1950, maximum: 2100 });
const Hs6 = Type.String({ pattern: '^\\d{6}$' });
/** Comma-separated HS6 codes. */
const HsList = Type.String({ pattern: '^\\d{6}(,\\d{6})*$', maxLength: 7000 });
const Share = Type.Number({ minimum: 0, maximum: 1 });

export const PartySchema = Type.Object({
  id: Type.String(),
  isGroup: Type.Boolean(),
  members: Type.Array(Type.String()),
});

export const CoercionQuery = Type.Object(
  {
    reporter: PartyText,
    coercer: Type.Optional(PartyText),
    year: Year,
    direction: Direction,
    dataset: Type.Optional(Type.String({ maxLength: 128 })),
    hs: Type.Optional(HsList),
    critical: Type.Optional(Type.Boolean()),
    minCoercerShare: Type.Optional(Share),
    maxAbsorption: Type.Optional(Share),
    maxAlternativeHhi: Type.Optional(Share),
  },
  { additionalProperties: false },
);

export const CoercionResponse = Type.Object({
  reporter: PartySchema,
  coercer: PartySchema,
  year: Num,
  direction: Direction,
  parameters: Type.Object({ minCoercerShare: Num, maxAbsorption: Num, maxAlternativeHhi: Num }),
  items: Type.Array(
    Type.Object({
      hs6: Type.String(),
      labelEn: Type.String(),
      labelJa: Type.String(),
      critical: Type.Array(Type.String()),
      valueUsd: Num,
      withCoercerUsd: Num,
      coercerShare: NumOrNull,
      alternativeUsd: Num,
      openUsd: Num,
      absorption: NumOrNull,
      alternativeHhi: NumOrNull,
      coercerMarketShare: NumOrNull,
      rca: NumOrNull,
      reliant: Type.Boolean(),
      hardToReplace: Type.Boolean(),
      atRisk: Type.Boolean(),
    }),
  ),
  counts: Type.Object({ products: Num, reliant: Num, hardToReplace: Num, atRisk: Num }),
  atRiskUsd: Num,
  provenance: ProvenanceSchema,
  notes: Notes,
  marking: MarkingSchema,
});

export const AlternativesQuery = Type.Object(
  {
    reporter: PartyText,
    coercer: Type.Optional(PartyText),
    year: Year,
    hs6: Hs6,
    direction: Direction,
    dataset: Type.Optional(Type.String({ maxLength: 128 })),
    years: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    minGrowth: Type.Optional(Type.Number({ minimum: -1, maximum: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 250 })),
  },
  { additionalProperties: false },
);

export const AlternativesResponse = Type.Object({
  reporter: PartySchema,
  coercer: PartySchema,
  hs6: Type.String(),
  year: Num,
  fromYear: NumOrNull,
  direction: Direction,
  items: Type.Array(
    Type.Object({
      rank: Num,
      country: Type.String(),
      value: Num,
      headroom: Num,
      reporterShare: Num,
      coercerShare: Num,
      growth: NumOrNull,
      groups: Type.Array(Type.String()),
    }),
  ),
  provenance: ProvenanceSchema,
  marking: MarkingSchema,
});

const overcapacityParameters = {
  minVolumeGrowth: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  minUnitValueFall: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  minBaseValue: Type.Optional(Type.Number({ minimum: 0 })),
  minExcessGrowth: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  minSupplierShare: Type.Optional(Share),
};
const OvercapacityParameters = Type.Object({
  minVolumeGrowth: Num,
  minUnitValueFall: Num,
  minBaseValue: Num,
  minExcessGrowth: Num,
  minSupplierShare: Num,
});
const SurgePoint = {
  period: Type.String(),
  base: Type.String(),
  value: Num,
  valueGrowth: NumOrNull,
  volumeGrowth: NumOrNull,
  unitValue: NumOrNull,
  unitValueChange: NumOrNull,
  surge: Type.Boolean(),
  missing: Type.Union([Type.Literal('no-quantity'), Type.Literal('small-base'), Type.Null()]),
};

export const SurgesQuery = Type.Object(
  {
    reporter: PartyText,
    supplier: Type.Optional(PartyText),
    year: Year,
    dataset: Type.Optional(Type.String({ maxLength: 128 })),
    hs: Type.Optional(HsList),
    critical: Type.Optional(Type.Boolean()),
    ...overcapacityParameters,
  },
  { additionalProperties: false },
);

export const SurgesResponse = Type.Object({
  reporter: PartySchema,
  supplier: Type.Union([PartySchema, Type.Null()]),
  year: Num,
  baseYear: Num,
  parameters: OvercapacityParameters,
  items: Type.Array(Type.Object({ hs6: Type.String(), critical: Type.Array(Type.String()), ...SurgePoint })),
  counts: Type.Object({ products: Num, surges: Num, noQuantity: Num }),
  provenance: ProvenanceSchema,
  marking: MarkingSchema,
});

export const MonthlySurgesQuery = Type.Object(
  {
    dataset: Type.String({ minLength: 1, maxLength: 128 }),
    reporter: Type.String({ minLength: 1, maxLength: 64 }),
    flow: Type.Union([Type.Literal('import'), Type.Literal('export')]),
    hs: Type.String({ minLength: 1, maxLength: 64 }),
    partner: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    ...overcapacityParameters,
  },
  { additionalProperties: false },
);

export const MonthlySurgesResponse = Type.Object({
  dataset: Type.String(),
  reporter: Type.String(),
  flow: Type.Union([Type.Literal('import'), Type.Literal('export')]),
  hs: Type.String(),
  partner: StrOrNull,
  unit: StrOrNull,
  parameters: OvercapacityParameters,
  points: Type.Array(Type.Object(SurgePoint)),
  surges: Type.Array(Type.String()),
  provenance: ProvenanceSchema,
  marking: MarkingSchema,
});

export const SupplierPushQuery = Type.Object(
  {
    hs6: Hs6,
    year: Year,
    years: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    dataset: Type.Optional(Type.String({ maxLength: 128 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 250 })),
    ...overcapacityParameters,
  },
  { additionalProperties: false },
);

export const SupplierPushResponse = Type.Object({
  hs6: Type.String(),
  year: Num,
  fromYear: Num,
  worldUsd: Type.Object({ from: Num, to: Num }),
  parameters: OvercapacityParameters,
  items: Type.Array(
    Type.Object({
      supplier: Type.String(),
      exports0: Num,
      exports1: Num,
      world0: Num,
      world1: Num,
      share0: NumOrNull,
      share1: NumOrNull,
      supplierGrowth: NumOrNull,
      worldGrowth: NumOrNull,
      excessGrowth: NumOrNull,
      demandEffect: NumOrNull,
      shareEffect: NumOrNull,
      push: Type.Boolean(),
    }),
  ),
  provenance: ProvenanceSchema,
  marking: MarkingSchema,
});

/** A stage of a mineral's chain (analysis/minerals/stageChain.ts `Stage`). */
const StageSchema = Type.Union([
  Type.Literal('mining'),
  Type.Literal('refining'),
  Type.Literal('trade'),
  Type.Literal('imports'),
]);

export const MineralChainsQuery = Type.Object(
  {
    reporter: PartyText,
    year: Year,
    dataset: Type.Optional(Type.String({ maxLength: 128 })),
    /** Comma-separated chain ids (lithium, nickel, cobalt, graphite, rare-earths, gallium, germanium). */
    mineral: Type.Optional(Type.String({ pattern: '^[a-z-]+(,[a-z-]+)*$', maxLength: 200 })),
  },
  { additionalProperties: false },
);

const ProductionSchema = Type.Union([
  Type.Object({ type: Type.String(), unit: Type.String(), year: Num, world: NumOrNull }),
  Type.Null(),
]);

export const MineralChainsResponse = Type.Object({
  reporter: PartySchema,
  year: Num,
  items: Type.Array(
    Type.Object({
      mineral: Type.String(),
      ja: Type.String(),
      en: Type.String(),
      refinedHs: Type.Array(Type.String()),
      stages: Type.Array(
        Type.Object({
          stage: StageSchema,
          total: Num,
          hhi: NumOrNull,
          leader: StrOrNull,
          leaderShare: NumOrNull,
          countriesTo75: NumOrNull,
          top: Type.Array(Type.Object({ country: Type.String(), share: Num })),
        }),
      ),
      bottleneck: Type.Union([StageSchema, Type.Null()]),
      leaderChanges: Type.Boolean(),
      production: Type.Object({ mining: ProductionSchema, refining: ProductionSchema }),
      reporterImportsUsd: Num,
      notes: Notes,
    }),
  ),
  provenance: Type.Object({
    trade: ProvenanceSchema,
    production: Type.Union([ProvenanceSchema, Type.Null()]),
  }),
  marking: MarkingSchema,
});

export const LeakageQuery = Type.Object(
  {
    reporter: PartyText,
    via: Type.Optional(PartyText),
    concern: Type.Optional(PartyText),
    year: Year,
    hs: HsList,
    dataset: Type.Optional(Type.String({ maxLength: 128 })),
  },
  { additionalProperties: false },
);

export const LeakageResponse = Type.Object({
  reporter: PartySchema,
  via: PartySchema,
  concern: PartySchema,
  year: Num,
  items: Type.Array(
    Type.Object({
      hs6: Type.String(),
      fromReporter: Num,
      passThroughShare: NumOrNull,
      passThroughValue: Num,
      partners: Type.Array(
        Type.Object({ partner: Type.String(), fromReporter: Num, onwardShare: NumOrNull }),
      ),
    }),
  ),
  provenance: ProvenanceSchema,
  marking: MarkingSchema,
});

const Evidence = Type.Object(
  {
    kind: Type.Union([Type.Literal('analysis'), Type.Literal('link'), Type.Literal('note')]),
    ref: Type.String({ maxLength: 2000 }),
    note: Type.String({ maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const AssessmentSchema = Type.Object(
  {
    id: Type.String(),
    entryId: Type.String(),
    reporter: Type.String(),
    riskType: RiskType,
    level: Type.Union([RiskLevel, Type.Null()]),
    judgement: Type.String(),
    evidence: Type.Array(Evidence),
    createdBy: StrOrNull,
    createdAt: Type.String(),
    marking: MarkingSchema,
  },
  { title: 'RiskAssessment' },
);

export const AssessmentBody = Type.Object(
  {
    entryId: Type.String({ minLength: 1, maxLength: 64 }),
    reporter: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,31}$' }),
    riskType: RiskType,
    level: Type.Union([RiskLevel, Type.Null()]),
    judgement: Type.String({ minLength: 10, maxLength: 5000 }),
    evidence: Type.Optional(Type.Array(Evidence, { maxItems: 50 })),
    marking: Type.Optional(MarkingSchema),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const RegisterQuery = Type.Object(
  {
    reporter: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,31}$' }),
    entry: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const RegisterResponse = Type.Object({
  reporter: Type.String(),
  riskTypes: Type.Array(
    Type.Object({ id: RiskType, ja: Type.String(), en: Type.String(), about: Label, evidence: Label }),
  ),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Kind,
      ja: Type.String(),
      en: Type.String(),
      status: Status,
      domains: Type.Array(Type.String()),
      hs6: Type.Array(Type.String()),
      risks: Type.Array(
        Type.Object({
          riskType: RiskType,
          assessment: Type.Union([AssessmentSchema, Type.Null()]),
          links: Type.Array(Type.Object({ title: Label, path: Type.String() })),
        }),
      ),
      marking: MarkingSchema,
    }),
  ),
  total: Num,
});

// Each analysis answers its report with the marking of what it read: the schemas mirror the reports' types, so
// a field added to one and not the other fails to compile.
// The parties a report names are shown without their BACI codes and group marking (the result's marking joins
// the latter), and the groups' marking is folded into the result's.
type ShownParty = Omit<Party, 'codes' | 'marking'>;
type Marked<R> = {
  [K in keyof R as K extends 'groupsMarking' ? never : K]: R[K] extends Party
    ? ShownParty
    : R[K] extends Party | null
      ? ShownParty | null
      : R[K];
} & { marking: Marking };
const coercionMatches: SameType<Static<typeof CoercionResponse>, Marked<CoercionReport>> = true;
const alternativesMatches: SameType<Static<typeof AlternativesResponse>, Marked<AlternativesReport>> = true;
const surgesMatches: SameType<Static<typeof SurgesResponse>, Marked<SurgeReport>> = true;
const monthlyMatches: SameType<Static<typeof MonthlySurgesResponse>, Marked<MonthlySurgeReport>> = true;
const pushMatches: SameType<Static<typeof SupplierPushResponse>, Marked<SupplierPushReport>> = true;
const chainsMatches: SameType<Static<typeof MineralChainsResponse>, Marked<MineralChainReport>> = true;
const leakageMatches: SameType<Static<typeof LeakageResponse>, Marked<LeakageReport>> = true;
void [
  coercionMatches,
  alternativesMatches,
  surgesMatches,
  monthlyMatches,
  pushMatches,
  chainsMatches,
  leakageMatches,
];
