import { Type, type Static, type TSchema } from 'typebox';
import type { SameType } from '../../sameType.ts';
import type { FdiAssessmentReport, InvestmentCase, InvestmentCaseChange } from '../../../data/investment/index.ts';
import type { ChainEntity, OwnersReport } from '../../../data/ownership/index.ts';
import { MarkingSchema } from '../../security/markings.ts';

/** Schemas shared by the ownership and investment-screening routes (issue 21, docs/investment.md § API). */
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const EntityKindSchema = Type.Union([
  Type.Literal('person'),
  Type.Literal('company'),
  Type.Literal('state'),
  Type.Literal('stateBody'),
  Type.Literal('arrangement'),
  Type.Literal('unknown'),
]);
const ListHitSchema = Type.Object({
  list: Type.String(),
  entryId: Type.String(),
  name: Type.String(),
  score: Type.Number(),
});

export const ChainEntitySchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    country: Nullable(Type.String()),
    kind: EntityKindSchema,
    flags: Type.Object({
      state: Type.Boolean(),
      stateControlled: Type.Boolean(),
      countryOfConcern: Type.Boolean(),
      listHits: Type.Array(ListHitSchema),
    }),
  },
  { title: 'OwnershipChainEntity' },
);

export const OwnersReportSchema = Type.Object(
  {
    dataset: Type.String(),
    version: Type.String(),
    entity: ChainEntitySchema,
    owners: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        country: Nullable(Type.String()),
        kind: EntityKindSchema,
        effectiveShare: Type.Number(),
        attributedShare: Type.Number(),
        viaControl: Type.Boolean(),
        paths: Type.Array(
          Type.Object({
            ids: Type.Array(Type.String()),
            shares: Type.Array(Nullable(Type.Number())),
            product: Nullable(Type.Number()),
          }),
        ),
      }),
    ),
    chain: Type.Array(ChainEntitySchema),
    links: Type.Array(
      Type.Object({
        ownerId: Type.String(),
        ownedId: Type.String(),
        share: Nullable(Type.Number()),
        interest: Type.String(),
        source: Type.String(),
      }),
    ),
    cycles: Type.Array(
      Type.Object({ ids: Type.Array(Type.String()), closed: Type.Boolean(), converged: Type.Boolean() }),
    ),
    pathsTruncated: Type.Boolean(),
    screened: Type.Boolean(),
  },
  { title: 'OwnersReport' },
);

const RuleStepSchema = Type.Object({
  rule: Type.String(),
  en: Type.String(),
  ja: Type.String(),
  cite: Type.String(),
});

export const AssessmentSchema = Type.Object(
  {
    notification: Type.Union([Type.Literal('prior'), Type.Literal('post'), Type.Literal('none')]),
    exemption: Type.Union([Type.Null(), Type.Literal('blanket'), Type.Literal('general')]),
    coreSector: Type.Boolean(),
    designatedSector: Type.Boolean(),
    sectors: Type.Array(Type.String()),
    deadline: Nullable(Type.String()),
    deadlineKind: Type.Union([Type.Null(), Type.Literal('review-ends'), Type.Literal('post-report-due')]),
    reasons: Type.Array(RuleStepSchema),
    rules: Type.String(),
    ownership: Nullable(
      Type.Object({
        dataset: Type.String(),
        entity: Type.String(),
        owners: Type.Array(
          Type.Object({
            id: Type.String(),
            name: Type.String(),
            country: Nullable(Type.String()),
            effectiveShare: Type.Number(),
            attributedShare: Type.Number(),
          }),
        ),
        stateControlled: Type.Boolean(),
        foreignShare: Type.Number(),
        concern: Type.Array(
          Type.Object({ id: Type.String(), name: Type.String(), country: Nullable(Type.String()) }),
        ),
        listHits: Type.Array(
          Type.Object({ id: Type.String(), name: Type.String(), hits: Type.Array(ListHitSchema) }),
        ),
        screened: Type.Boolean(),
        cycles: Type.Number(),
      }),
    ),
  },
  { title: 'FdiAssessment' },
);

export const InvestmentCaseStatusSchema = Type.Union([
  Type.Literal('received'),
  Type.Literal('under-review'),
  Type.Literal('extended'),
  Type.Literal('concluded'),
  Type.Literal('withdrawn'),
]);
export const InvestmentOutcomeSchema = Type.Union([
  Type.Literal('clear'),
  Type.Literal('clear-with-conditions'),
  Type.Literal('recommend-change'),
  Type.Literal('recommend-halt'),
]);

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const InvestmentCaseSchema = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    investor: Type.String(),
    target: Type.String(),
    notification: Type.Union([Type.Literal('prior'), Type.Literal('post'), Type.Literal('none')]),
    status: InvestmentCaseStatusSchema,
    acceptedOn: Nullable(Type.String()),
    reviewEndsOn: Nullable(Type.String()),
    reviewChange: Type.Union([Type.Null(), Type.Literal('shortened'), Type.Literal('extended')]),
    reviewer: Nullable(Type.String()),
    consultations: Type.Array(Type.String()),
    outcome: Nullable(InvestmentOutcomeSchema),
    outcomeNote: Nullable(Type.String()),
    marking: MarkingSchema,
    createdBy: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { title: 'InvestmentCase' },
);

export const InvestmentCaseChangeSchema = Type.Object(
  {
    status: Type.Optional(InvestmentCaseStatusSchema),
    reviewer: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    acceptedOn: Type.Optional(Day),
    review: Type.Optional(
      Type.Union([
        Type.Object(
          { kind: Type.Literal('shortened'), days: Type.Integer({ minimum: 1, maximum: 29 }) },
          { additionalProperties: false },
        ),
        Type.Object({ kind: Type.Literal('extended'), until: Day }, { additionalProperties: false }),
      ]),
    ),
    consultations: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 30 })),
    outcome: Type.Optional(InvestmentOutcomeSchema),
    outcomeNote: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

// The schemas mirror the stores' types: a field added to one and not the other fails to compile.
const chainEntityMatches: SameType<Static<typeof ChainEntitySchema>, ChainEntity> = true;
const ownersMatches: SameType<
  Static<typeof OwnersReportSchema>,
  OwnersReport & { dataset: string; version: string }
> = true;
const assessmentMatches: SameType<Static<typeof AssessmentSchema>, FdiAssessmentReport> = true;
const caseMatches: SameType<
  Static<typeof InvestmentCaseSchema>,
  Omit<InvestmentCase, 'caseInput' | 'assessment'>
> = true;
const changeMatches: SameType<Static<typeof InvestmentCaseChangeSchema>, InvestmentCaseChange> = true;
void [chainEntityMatches, ownersMatches, assessmentMatches, caseMatches, changeMatches];
