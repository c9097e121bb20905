import { Type } from 'typebox';
import { MarkingSchema } from '../../security/markings.ts';
import { ErrorValueSchema } from '../../errorSchema.ts';

/** Response and request shapes of the supply-structure routes (issue 24; docs/network.md). */
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const SubmissionSummarySchema = Type.Object(
  {
    id: Type.String(),
    organisationId: Type.String(),
    sourceName: Type.String(),
    synthetic: Type.Boolean(),
    productCount: Type.Number(),
    siteCount: Type.Number(),
    supplierCount: Type.Number(),
    current: Type.Boolean(),
    submittedBy: Nullable(Type.String()),
    submittedAt: Type.String(),
    marking: MarkingSchema,
  },
  { title: 'NetworkSubmission' },
);

export const SubmissionDetailSchema = Type.Intersect([
  SubmissionSummarySchema,
  Type.Object({
    products: Type.Array(
      Type.Object({
        row: Type.Number(),
        code: Type.String(),
        hs6: Type.String(),
        name: Nullable(Type.String()),
      }),
    ),
    sites: Type.Array(
      Type.Object({
        row: Type.Number(),
        code: Type.String(),
        name: Nullable(Type.String()),
        country: Type.String(),
        port: Nullable(Type.String()),
      }),
    ),
    suppliers: Type.Array(
      Type.Object({
        row: Type.Number(),
        ref: Type.String(),
        tier: Type.Number(),
        via: Nullable(Type.String()),
        ownSite: Nullable(Type.String()),
        name: Type.String(),
        country: Type.String(),
        site: Nullable(Type.String()),
        port: Nullable(Type.String()),
        hs6: Type.String(),
        share: Type.Number(),
        alternatives: Nullable(Type.Number()),
        leadTimeDays: Nullable(Type.Number()),
        inventoryDays: Nullable(Type.Number()),
        entityId: Type.String(),
      }),
    ),
  }),
]);

export const RowProblemSchema = Type.Object(
  {
    sheet: Type.String(),
    row: Type.Number(),
    column: Type.String(),
    message: Type.String(),
    messageJa: Type.String(),
  },
  { title: 'NetworkRowProblem' },
);

/**
 * A 400 of the submission route: any bad request (the error alone, as every route answers it), and for a file with
 * problems, the problems by sheet, row and column.
 */
export const SubmissionProblemsSchema = Type.Object({
  error: ErrorValueSchema,
  problems: Type.Optional(Type.Array(RowProblemSchema)),
});

const ViewSchema = Type.Union([Type.Literal('ministry'), Type.Literal('aggregate')]);

export const SpofReportSchema = Type.Object(
  {
    hs: Type.String(),
    view: ViewSchema,
    synthetic: Type.Boolean(),
    minShare: Type.Number(),
    minCompanies: Type.Number(),
    companies: Nullable(Type.Number()),
    known: Nullable(Type.Number()),
    rows: Type.Array(
      Type.Object({
        kind: Type.Union([Type.Literal('entity'), Type.Literal('site'), Type.Literal('port')]),
        id: Type.String(),
        name: Type.String(),
        country: Nullable(Type.String()),
        cut: Type.Number(),
        direct: Type.Number(),
        indirect: Type.Number(),
        companies: Type.Number(),
      }),
    ),
    marking: MarkingSchema,
  },
  { title: 'NetworkSpofReport' },
);

export const ConcentrationReportSchema = Type.Object({
  hs: Type.String(),
  view: ViewSchema,
  synthetic: Type.Boolean(),
  minCompanies: Type.Number(),
  rows: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('entity'), Type.Literal('country')]),
      id: Type.String(),
      name: Type.String(),
      companies: Type.Number(),
      tier1s: Type.Number(),
      dependence: Type.Number(),
    }),
  ),
  marking: MarkingSchema,
});

export const GraphSchema = Type.Object({
  view: ViewSchema,
  synthetic: Type.Boolean(),
  nodes: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: Type.Union([Type.Literal('company'), Type.Literal('entity'), Type.Literal('country')]),
      country: Nullable(Type.String()),
      tier: Type.Number(),
    }),
  ),
  edges: Type.Array(
    Type.Object({
      from: Type.String(),
      to: Type.String(),
      hs: Type.String(),
      tier: Type.Number(),
      weight: Type.Number(),
      companies: Type.Number(),
    }),
  ),
  truncated: Type.Boolean(),
  marking: MarkingSchema,
});

const EntityRef = Type.Object({ id: Type.String(), name: Type.String(), country: Type.String() });
export const ProposalSchema = Type.Object(
  {
    id: Type.String(),
    submissionId: Type.String(),
    supplierRef: Type.String(),
    fromEntity: EntityRef,
    toEntity: EntityRef,
    score: Type.Number(),
    explanation: Type.Array(
      Type.Object({ feature: Type.String(), value: Type.Number(), en: Type.String(), ja: Type.String() }),
    ),
    status: Type.Union([Type.Literal('proposed'), Type.Literal('confirmed'), Type.Literal('rejected')]),
    decidedBy: Nullable(Type.String()),
    decidedAt: Nullable(Type.String()),
    marking: MarkingSchema,
  },
  { title: 'NetworkMatchProposal' },
);

export const HsQuery = Type.String({ pattern: '^\\d{4}\\.?\\d{2}$', description: 'HS6 code, e.g. 850511' });

export const HiddenTierSchema = Type.Object({
  hs: Type.String(),
  country: Type.String(),
  year: Type.Number(),
  view: ViewSchema,
  synthetic: Type.Boolean(),
  estimate: Type.Literal(true),
  inputs: Type.Array(
    Type.Object({
      hs6: Type.String(),
      weight: Type.Number(),
      companies: Type.Number(),
      withTrade: Type.Boolean(),
    }),
  ),
  covered: Type.Number(),
  countries: Type.Array(Type.Object({ country: Type.String(), share: Type.Number() })),
  basis: Type.Object({ en: Type.String(), ja: Type.String() }),
  dataset: Nullable(Type.String()),
  marking: MarkingSchema,
});
