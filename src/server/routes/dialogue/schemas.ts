import { Type, type Static } from 'typebox';
import type { DialogueRecord, DialogueSummary, DueFollowUp } from '../../../data/dialogue/index.ts';
import type { SameType } from '../../sameType.ts';
import { MarkingSchema } from '../../security/markings.ts';

/** Schemas of the dialogue record routes (issue 24). */
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const writers = ['analyst' as const, 'administrator' as const];

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Hs6 = Type.String({ pattern: '^\\d{6}$' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const DialogueKindSchema = Type.Union([Type.Literal('hearing'), Type.Literal('association-meeting')]);

const ParticipantSchema = Type.Object(
  {
    name: Text(200),
    organisation: Nullable(Type.String({ maxLength: 200 })),
    role: Nullable(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
const ProposalSchema = Type.Object(
  {
    good: Text(64),
    hs: Type.Array(
      Type.Object(
        {
          hs6: Hs6,
          match: Type.Union([Type.Literal('exact'), Type.Literal('approximate'), Type.Literal('input')]),
          note: Type.String({ maxLength: 500 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    note: Nullable(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false, description: 'HS6 codes to add to a critical good of the registry' },
);

export const FindingInputSchema = Type.Object(
  {
    id: Type.Optional(Type.String({ maxLength: 64 })),
    text: Text(5000),
    product: Nullable(Hs6),
    country: Nullable(Type.String({ pattern: '^[A-Z]{3}$' })),
    registryProposal: Nullable(ProposalSchema),
  },
  { additionalProperties: false },
);
export const FollowUpInputSchema = Type.Object(
  {
    id: Type.Optional(Type.String({ maxLength: 64 })),
    action: Text(2000),
    owner: Text(200),
    dueOn: Nullable(DateText),
    done: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const DialogueBody = Type.Object(
  {
    heldOn: DateText,
    kind: DialogueKindSchema,
    title: Text(300),
    participants: Type.Array(ParticipantSchema, { maxItems: 200 }),
    organisations: Type.Array(Text(200), { maxItems: 100 }),
    topics: Type.Array(Text(200), { maxItems: 100 }),
    products: Type.Array(Hs6, { maxItems: 200 }),
    technologies: Type.Array(Text(64), { maxItems: 100 }),
    cases: Type.Array(Text(64), { maxItems: 100, description: 'consultation-desk case ids' }),
    summary: Type.String({ maxLength: 20_000 }),
    findings: Type.Array(FindingInputSchema, { maxItems: 200 }),
    followUps: Type.Array(FollowUpInputSchema, { maxItems: 200 }),
    marking: Type.Optional(MarkingSchema),
    reason: Type.Optional(Type.String({ maxLength: 2000, description: 'why, when the marking is lowered' })),
  },
  { additionalProperties: false },
);

export const FindingSchema = Type.Object({
  id: Type.String(),
  text: Type.String(),
  product: Nullable(Type.String()),
  country: Nullable(Type.String()),
  registryProposal: Nullable(ProposalSchema),
  registryAppliedAt: Nullable(Type.String()),
  registryAppliedBy: Nullable(Type.String()),
  scenarioId: Nullable(Type.String()),
});
export const FollowUpSchema = Type.Object({
  id: Type.String(),
  action: Type.String(),
  owner: Type.String(),
  dueOn: Nullable(Type.String()),
  done: Type.Boolean(),
  doneAt: Nullable(Type.String()),
});

export const DialogueSummarySchema = Type.Object({
  id: Type.String(),
  heldOn: Type.String(),
  kind: DialogueKindSchema,
  title: Type.String(),
  organisations: Type.Array(Type.String()),
  topics: Type.Array(Type.String()),
  products: Type.Array(Type.String()),
  technologies: Type.Array(Type.String()),
  findingCount: Type.Number(),
  openFollowUps: Type.Number(),
  marking: MarkingSchema,
  createdBy: Nullable(Type.String()),
  updatedAt: Type.String(),
});

export const DialogueRecordSchema = Type.Object({
  id: Type.String(),
  heldOn: Type.String(),
  kind: DialogueKindSchema,
  title: Type.String(),
  participants: Type.Array(ParticipantSchema),
  organisations: Type.Array(Type.String()),
  topics: Type.Array(Type.String()),
  products: Type.Array(Type.String()),
  technologies: Type.Array(Type.String()),
  cases: Type.Array(Type.String()),
  summary: Type.String(),
  findings: Type.Array(FindingSchema),
  followUps: Type.Array(FollowUpSchema),
  marking: MarkingSchema,
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedBy: Nullable(Type.String()),
  updatedAt: Type.String(),
});

export const DueFollowUpSchema = Type.Intersect([
  FollowUpSchema,
  Type.Object({
    recordId: Type.String(),
    recordTitle: Type.String(),
    heldOn: Type.String(),
    marking: MarkingSchema,
  }),
]);

export const ListQuery = Type.Object({
  kind: Type.Optional(DialogueKindSchema),
  from: Type.Optional(DateText),
  to: Type.Optional(DateText),
  product: Type.Optional(Hs6),
  technology: Type.Optional(Type.String({ maxLength: 64 })),
  organisation: Type.Optional(Type.String({ maxLength: 200 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  openFollowUps: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});

// The schemas mirror the store's types both ways (a field only one of them has fails to compile).
const dialogueSummaryMatches: SameType<Static<typeof DialogueSummarySchema>, DialogueSummary> = true;
const dialogueRecordMatches: SameType<Static<typeof DialogueRecordSchema>, DialogueRecord> = true;
const dueFollowUpMatches: SameType<Static<typeof DueFollowUpSchema>, DueFollowUp> = true;
void [dialogueSummaryMatches, dialogueRecordMatches, dueFollowUpMatches];
