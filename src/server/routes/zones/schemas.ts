import { Type, type Static, type TLiteral } from 'typebox';
import { MarkingSchema } from '../../security/markings.ts';

/** The zone assessment as the API shows it, and the query that names one (shared by the zone and policy routes). */
export const Label = Type.Object({ ja: Type.String(), en: Type.String() });
const Indicators = Type.Record(Type.String(), Type.Union([Type.Number(), Type.Boolean(), Type.Null()]));
// A tuple, so that the unions' static types are the three zones (an array's would be never).
const zoneLiterals: [TLiteral<'disruptive'>, TLiteral<'advantage'>, TLiteral<'dependence'>] = [
  Type.Literal('disruptive'),
  Type.Literal('advantage'),
  Type.Literal('dependence'),
];
export const ZoneValue = Type.Union([...zoneLiterals, Type.Null()]);
const Condition = Type.Object({
  indicator: Type.String(),
  op: Type.Union([
    Type.Literal('>'),
    Type.Literal('>='),
    Type.Literal('<'),
    Type.Literal('<='),
    Type.Literal('=='),
    Type.Literal('!='),
  ]),
  threshold: Type.Union([Type.Number(), Type.Boolean()]),
  value: Type.Union([Type.Number(), Type.Boolean(), Type.Null()]),
  met: Type.Union([Type.Boolean(), Type.Null()]),
});
export const Override = Type.Object({
  id: Type.Number(),
  entryId: Type.String(),
  reporter: Type.String(),
  zone: ZoneValue,
  reason: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  marking: MarkingSchema,
});
/** A policy risk (analysis/policy/measures.ts `PolicyRisk`). */
export const PolicyRiskSchema = Type.Union([
  Type.Literal('supply-dependence'),
  Type.Literal('supplier-concentration'),
  Type.Literal('technology-leakage'),
  Type.Literal('losing-lead'),
]);
/** A measure the policy map suggests for an entry, and why (its zone, its risks). */
export const SuggestedMeasure = Type.Object({
  measure: Type.String(),
  family: Type.Union([Type.Literal('promotion'), Type.Literal('protection'), Type.Literal('partnership')]),
  becauseZone: Type.Boolean(),
  becauseRisks: Type.Array(PolicyRiskSchema),
});

export const ZoneEntrySchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('good'), Type.Literal('technology')]),
  name: Label,
  hs6: Type.Array(Type.String()),
  patentFields: Type.Array(Type.String()),
  zone: ZoneValue,
  ruleZone: ZoneValue,
  rule: Type.Union([Type.Object({ id: Type.String(), label: Label }), Type.Null()]),
  override: Type.Union([Override, Type.Null()]),
  indicators: Indicators,
  trace: Type.Array(
    Type.Object({
      ruleId: Type.String(),
      zone: Type.Union(zoneLiterals),
      fired: Type.Boolean(),
      conditions: Type.Array(Condition),
    }),
  ),
  matrix: Type.Object({
    advantage: Type.Union([Type.Number(), Type.Null()]),
    concentration: Type.Union([Type.Number(), Type.Null()]),
    concentrationSource: Type.Union([
      Type.Literal('import-hhi'),
      Type.Literal('world-export-hhi'),
      Type.Literal('world-patent-hhi'),
      Type.Null(),
    ]),
  }),
  risks: Type.Array(PolicyRiskSchema),
  suggested: Type.Array(SuggestedMeasure),
  applied: Type.Array(
    Type.Object({
      measureId: Type.String(),
      status: Type.Union([Type.Literal('planned'), Type.Literal('in-force'), Type.Literal('ended')]),
      since: Type.Union([Type.String(), Type.Null()]),
      note: Type.String(),
    }),
  ),
  marking: MarkingSchema,
});
const Provenance = Type.Object({
  dataset: Type.String(),
  title: Type.String(),
  publisher: Type.String(),
  version: Type.String(),
  synthetic: Type.Boolean(),
});
export const ZonesResponse = Type.Object({
  reporter: Type.String(),
  ruleSet: Type.Object({ id: Type.String(), version: Type.String() }),
  zones: Type.Array(
    Type.Object({
      id: Type.Union(zoneLiterals),
      number: Type.String(),
      ja: Type.String(),
      en: Type.String(),
    }),
  ),
  items: Type.Array(ZoneEntrySchema),
  total: Type.Number(),
  notes: Type.Array(Label),
  provenance: Type.Array(Provenance),
});

export const ZonesQuery = Type.Object({
  reporter: Type.Optional(Type.String({ minLength: 2, maxLength: 64, default: 'JPN' })),
  patents: Type.Optional(Type.String({ maxLength: 64 })),
  exports: Type.Optional(Type.String({ maxLength: 64 })),
  exportYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
  trade: Type.Optional(Type.String({ maxLength: 64 })),
  screenYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
  screen: Type.Optional(Type.Boolean({ default: true })),
});
export type ZonesQueryType = Static<typeof ZonesQuery>;

export function zoneRequestOf(q: ZonesQueryType) {
  return {
    reporter: q.reporter ?? 'JPN',
    patentsDataset: q.patents,
    exportsDataset: q.exports,
    exportYear: q.exportYear,
    screenDataset: q.screen === false ? (false as const) : q.trade,
    screenYear: q.screenYear,
  };
}

export const IdParams = Type.Object({ entry: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }) });
