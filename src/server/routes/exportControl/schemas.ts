import { Type, type Static, type TSchema } from 'typebox';
import type { SameType } from '../../sameType.ts';
import type { Marking } from '../../../analysis/marking.ts';
import type {
  CaseEvent,
  CircumventionResult,
  ExportCheckResult,
  ExportControlCase,
  ProductList,
  ScreenMatch,
  ScreenResult,
  StoredDecision,
  StoredInform,
} from '../../../data/exportControl/index.ts';
import { MarkingSchema } from '../../security/markings.ts';
import { ProvenanceSchema } from '../../provenanceSchema.ts';

/** Schemas shared by the export-control routes (issue 20, docs/export-control.md § API). */
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const Localized = Type.Object({ ja: Type.String(), en: Type.String() });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * The marking a user asks for on a new export-control record, with the reason a marking below level 1 needs (the
 * default is level 1 releasable to the writer's own organisation: a company's screens are its own).
 */
export const MarkingChoiceFields = {
  marking: Type.Optional(MarkingSchema),
  reason: Type.Optional(Type.String({ maxLength: 1000 })),
};

/** What a list means for an export from Japan (analysis/exportControl/transactionCheck.ts `ListRole`). */
export const ListRoleSchema = Type.Union([
  Type.Literal('end-user-list'),
  Type.Literal('export-ban'),
  Type.Literal('sanctions'),
  Type.Literal('foreign-control'),
  Type.Literal('user'),
]);
export const EndUseSchema = Type.Union([
  Type.Literal('wmd'),
  Type.Literal('conventional'),
  Type.Literal('civil'),
]);
export const InformKindSchema = Type.Union([Type.Literal('wmd'), Type.Literal('conventional')]);
const DecisionKindSchema = Type.Union([
  Type.Literal('match'),
  Type.Literal('no-match'),
  Type.Literal('escalate'),
]);

export const ExplanationSchema = Type.Object({
  feature: Type.Union([
    Type.Literal('name'),
    Type.Literal('alias'),
    Type.Literal('weak-alias'),
    Type.Literal('identifier'),
    Type.Literal('country-mismatch'),
    Type.Literal('country-agrees'),
    Type.Literal('legal-form'),
    Type.Literal('transliteration'),
  ]),
  value: Type.Number(),
  en: Type.String(),
  ja: Type.String(),
});

export const HitStateSchema = Type.Object({
  status: Type.Union([
    Type.Literal('open'),
    Type.Literal('confirmed'),
    Type.Literal('escalated'),
    Type.Literal('dismissed'),
  ]),
  decision: Type.Optional(
    Type.Object({
      id: Type.Number(),
      decision: DecisionKindSchema,
      reason: Type.String(),
      decidedBy: Nullable(Type.String()),
      decidedAt: Type.String(),
      entryFingerprint: Type.String(),
    }),
  ),
  reopened: Type.Boolean(),
});

export const ScreenMatchSchema = Type.Object({
  list: Type.String(),
  entryId: Type.String(),
  name: Type.String(),
  score: Type.Number(),
  explanation: Type.Array(ExplanationSchema),
  listRole: ListRoleSchema,
  listVersion: Type.String(),
  entryFingerprint: Type.String(),
  concerns: Type.Array(Type.String()),
  countries: Type.Array(Type.String()),
  programme: Type.Optional(Type.String()),
  state: Type.Optional(HitStateSchema),
});

export const ScreenResultSchema = Type.Object({
  query: Type.Object({
    name: Type.String(),
    country: Type.Optional(Type.String()),
    identifiers: Type.Optional(Type.Array(Type.String())),
    lists: Type.Array(Type.String()),
    threshold: Type.Number(),
  }),
  matches: Type.Array(ScreenMatchSchema),
  lists: Type.Array(Type.Object({ list: Type.String(), version: Type.String(), role: ListRoleSchema })),
});

export const CaseKindSchema = Type.Union([
  Type.Literal('party-screening'),
  Type.Literal('batch-screening'),
  Type.Literal('transaction-check'),
  Type.Literal('circumvention-report'),
  Type.Literal('technology-register'),
  Type.Literal('prior-report'),
]);
export const CaseStatusSchema = Type.Union([
  Type.Literal('open'),
  Type.Literal('in-review'),
  Type.Literal('escalated'),
  Type.Literal('closed'),
]);

export const CaseSchema = Type.Object({
  id: Type.String(),
  kind: CaseKindSchema,
  title: Type.String(),
  subject: Type.Unknown(),
  result: Type.Unknown(),
  status: CaseStatusSchema,
  assignee: Nullable(Type.String()),
  marking: MarkingSchema,
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const CaseEventSchema = Type.Object({
  id: Type.Number(),
  action: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()),
  actor: Nullable(Type.String()),
  at: Type.String(),
});

/** Open a case with the result (optional on screens and checks). */
export const SaveCaseSchema = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    assignee: Type.Optional(Type.String({ maxLength: 100 })),
    ...MarkingChoiceFields,
  },
  { additionalProperties: false },
);

export const DecisionSchema = Type.Object({
  id: Type.Number(),
  partyKey: Type.String(),
  partyName: Type.String(),
  list: Type.String(),
  entryId: Type.String(),
  entryFingerprint: Type.String(),
  decision: DecisionKindSchema,
  reason: Type.String(),
  decidedBy: Nullable(Type.String()),
  decidedAt: Type.String(),
  caseId: Nullable(Type.String()),
  marking: MarkingSchema,
});

export const InformSchema = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  kind: InformKindSchema,
  issuedOn: Type.String(),
  validUntil: Nullable(Type.String()),
  exporter: Nullable(Type.String()),
  items: Type.Array(Type.String()),
  destinations: Type.Array(Type.String()),
  endUser: Nullable(Type.String()),
  endUserCountry: Nullable(Type.String()),
  notes: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('withdrawn')]),
  marking: MarkingSchema,
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const ProductEntrySchema = Type.Object({
  hs6: Type.String({ minLength: 6, maxLength: 9 }),
  note: Type.String({ maxLength: 300 }),
});

export const ProductListSchema = Type.Object({
  id: Type.String(),
  title: Localized,
  source: Type.String(),
  products: Type.Array(ProductEntrySchema),
  builtIn: Type.Boolean(),
  marking: MarkingSchema,
  updatedBy: Nullable(Type.String()),
  updatedAt: Type.String(),
});

const YearPairSchema = Type.Object({
  base: Type.Number(),
  later: Type.Number(),
  growth: Nullable(Type.Number()),
  isNew: Type.Boolean(),
});
const ShareSchema = Type.Object({ base: Nullable(Type.Number()), later: Nullable(Type.Number()) });
const CountryFiguresFields = {
  fromSources: YearPairSchema,
  toTarget: YearPairSchema,
  shareOfTargetImports: ShareSchema,
  shareOfSourceExports: ShareSchema,
  passThrough: Nullable(Type.Number()),
};

export const CircumventionSchema = Type.Object({
  target: Type.String(),
  sources: Type.Object({ group: Type.String(), members: Type.Array(Type.String()) }),
  groupA: Nullable(Type.Object({ dataset: Type.String(), version: Type.String() })),
  products: Type.Array(ProductEntrySchema),
  productList: Nullable(Type.String()),
  parameters: Type.Object({
    baseYear: Type.Number(),
    year: Type.Number(),
    surge: Type.Number(),
    rise: Type.Number(),
    minValueUsd: Type.Number(),
  }),
  totals: Type.Object({
    sourceExports: YearPairSchema,
    targetImports: YearPairSchema,
    direct: YearPairSchema,
  }),
  productsWithoutFlows: Type.Array(Type.String()),
  countries: Type.Array(
    Type.Object({
      country: Type.String(),
      groupA: Nullable(Type.Boolean()),
      flagged: Type.Boolean(),
      ...CountryFiguresFields,
      reasons: Type.Array(
        Type.Object({
          rule: Type.Union([
            Type.Literal('surge'),
            Type.Literal('above-sources'),
            Type.Literal('rise'),
            Type.Literal('floor'),
          ]),
          met: Type.Boolean(),
          ja: Type.String(),
          en: Type.String(),
        }),
      ),
      products: Type.Array(Type.Object({ hs6: Type.String(), ...CountryFiguresFields })),
    }),
  ),
  provenance: ProvenanceSchema,
  marking: MarkingSchema,
});

const Verdict = Type.Union([
  Type.Literal('licence-required'),
  Type.Literal('catch-all-check'),
  Type.Literal('no-requirement'),
]);

export const TransactionCheckSchema = Type.Object({
  verdict: Verdict,
  reasons: Type.Array(
    Type.Object({
      rule: Type.String(),
      outcome: Type.Union([Verdict, Type.Literal('info')]),
      ja: Type.String(),
      en: Type.String(),
      citation: Type.String(),
    }),
  ),
  questions: Type.Array(
    Type.Object({ id: Type.String(), ja: Type.String(), en: Type.String(), source: Type.String() }),
  ),
  item: Type.String(),
  destination: Type.String(),
  endUser: Type.Optional(Type.String()),
  endUse: Type.Optional(EndUseSchema),
  endUserMatches: Type.Array(ScreenMatchSchema),
  informs: Type.Array(
    Type.Object({
      id: Type.String(),
      reference: Type.String(),
      kind: InformKindSchema,
      issuedOn: Type.String(),
      why: Type.Array(Localized),
      marking: MarkingSchema,
    }),
  ),
  sources: Type.Array(Type.Object({ dataset: Type.String(), version: Type.String() })),
});

// The response schemas mirror the stores' types: a field added to one and not the other fails to compile.
const matchMatches: SameType<Static<typeof ScreenMatchSchema>, ScreenMatch> = true;
const resultMatches: SameType<Static<typeof ScreenResultSchema>, ScreenResult> = true;
const caseMatches: SameType<Static<typeof CaseSchema>, ExportControlCase> = true;
const caseEventMatches: SameType<Static<typeof CaseEventSchema>, CaseEvent> = true;
const decisionMatches: SameType<Static<typeof DecisionSchema>, StoredDecision> = true;
const informMatches: SameType<Static<typeof InformSchema>, StoredInform> = true;
const productListMatches: SameType<Static<typeof ProductListSchema>, ProductList> = true;
const circumventionMatches: SameType<
  Static<typeof CircumventionSchema>,
  Omit<CircumventionResult, 'dataset' | 'markings'> & { marking: Marking }
> = true;
const checkMatches: SameType<Static<typeof TransactionCheckSchema>, ExportCheckResult> = true;
void [matchMatches, resultMatches, caseMatches, caseEventMatches, decisionMatches, informMatches];
void [productListMatches, circumventionMatches, checkMatches];
