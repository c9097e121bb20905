import { Type, type Static } from 'typebox';
import { MarkingSchema } from '../../security/markings.ts';
import type { SameType } from '../../sameType.ts';
import type { ExerciseDesign, Inject } from '../../../analysis/exercises/exercise.ts';
import type { Decision } from '../../../analysis/exercises/decision.ts';
import type { EventView } from '../../../analysis/exercises/sessionEvents.ts';
import { ErrorValueSchema } from '../../errorSchema.ts';

/** Response schemas of the exercise routes (and the WebSocket frames' event views, for the OpenAPI document). */
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const BilingualSchema = Type.Object({ ja: Type.String(), en: Type.String() }, { title: 'Bilingual' });
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const AdjustmentSchema = Type.Union(
  [
    Type.Object({
      kind: Type.Literal('stockpile-release'),
      products: Type.Union([Type.Array(Type.String()), Type.Literal('all')]),
      days: Type.Number(),
    }),
    Type.Object({
      kind: Type.Literal('like-minded-substitution'),
      partners: Type.Array(Type.String()),
      share: nullable(Type.Number()),
    }),
    Type.Object({
      kind: Type.Literal('demand-restraint'),
      products: Type.Union([Type.Array(Type.String()), Type.Literal('all')]),
      share: Type.Number(),
    }),
    Type.Object({
      kind: Type.Literal('rerouting'),
      passages: Type.Union([Type.Array(Type.String()), Type.Literal('all')]),
      share: Type.Number(),
    }),
  ],
  { title: 'ExerciseAdjustment' },
);

export const InjectSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.Union([
      Type.Literal('brief'),
      Type.Literal('shock'),
      Type.Literal('substitution'),
      Type.Literal('stock-out'),
      Type.Literal('economy'),
      Type.Literal('recovery'),
      Type.Literal('situation'),
      Type.Literal('intelligence'),
      Type.Literal('escalation'),
      Type.Literal('written'),
    ]),
    at: Type.Number(),
    team: Type.String(),
    title: BilingualSchema,
    body: BilingualSchema,
    figures: Type.Array(
      Type.Object({
        key: Type.String(),
        label: BilingualSchema,
        value: nullable(Type.Number()),
        unit: Type.String(),
        path: Type.String(),
      }),
    ),
    source: nullable(
      Type.Object({
        runId: nullable(Type.String()),
        scenario: Type.String(),
        trade: Type.Object({ dataset: Type.String(), version: Type.String(), synthetic: Type.Boolean() }),
        ioTable: nullable(Type.Object({ dataset: Type.String(), version: Type.String() })),
        methods: Type.Array(Type.String()),
      }),
    ),
    marking: MarkingSchema,
    condition: nullable(
      Type.Object({
        inject: Type.String(),
        taken: Type.Boolean(),
        action: nullable(
          Type.Union([
            Type.Literal('stockpile-release'),
            Type.Literal('like-minded-substitution'),
            Type.Literal('demand-restraint'),
            Type.Literal('rerouting'),
          ]),
        ),
      }),
    ),
    expectations: Type.Array(Type.Object({ id: Type.String(), text: BilingualSchema })),
  },
  { title: 'ExerciseInject' },
);

export const DesignSchema = Type.Object(
  {
    title: BilingualSchema,
    description: BilingualSchema,
    template: nullable(Type.String()),
    objectives: Type.Array(BilingualSchema),
    organisations: Type.Array(
      Type.Object({
        id: Type.String(),
        name: BilingualSchema,
        kind: Type.Union([
          Type.Literal('ministry'),
          Type.Literal('company'),
          Type.Literal('association'),
          Type.Literal('foreign_partner'),
        ]),
        platformOrganisation: nullable(Type.String()),
      }),
    ),
    teams: Type.Array(Type.Object({ id: Type.String(), name: BilingualSchema, organisation: Type.String() })),
    questionnaire: Type.Object({
      anonymous: Type.Boolean(),
      questions: Type.Array(
        Type.Object({
          id: Type.String(),
          text: BilingualSchema,
          kind: Type.Union([Type.Literal('text'), Type.Literal('scale')]),
        }),
      ),
    }),
    timeUnit: Type.Union([Type.Literal('month'), Type.Literal('hour')]),
    parameters: nullable(
      Type.Object({
        reporter: Type.String(),
        year: nullable(Type.Number()),
        products: Type.Array(Type.String()),
      }),
    ),
    imported: Type.Optional(
      Type.Object({
        format: Type.Literal('openaev'),
        file: Type.String(),
        sha256: Type.String(),
        dataset: nullable(Type.String()),
        publisher: nullable(Type.String()),
        licence: nullable(Type.String()),
      }),
    ),
  },
  { title: 'ExerciseDesign' },
);

const RoleSchema = Type.Union([
  Type.Literal('facilitator'),
  Type.Literal('player'),
  Type.Literal('observer'),
  Type.Literal('evaluator'),
]);
const ErrorSchema = nullable(ErrorValueSchema);

export const ExerciseSummarySchema = Type.Object({
  id: Type.String(),
  title: BilingualSchema,
  template: nullable(Type.String()),
  status: Type.Union([Type.Literal('preparing'), Type.Literal('ready'), Type.Literal('failed')]),
  scenarioId: nullable(Type.String()),
  baselineRunId: nullable(Type.String()),
  error: ErrorSchema,
  marking: MarkingSchema,
  createdBy: nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const ParticipantSchema = Type.Object({
  userId: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  organisationId: Type.String(),
  role: RoleSchema,
  team: nullable(Type.String()),
});

export const ExerciseSchema = Type.Intersect([
  ExerciseSummarySchema,
  Type.Object({
    design: DesignSchema,
    /** The injects the reader is cleared for; the others are left out. */
    injects: Type.Array(InjectSchema),
    participants: Type.Array(ParticipantSchema),
    /** The reader's part in the exercise, if any. */
    you: nullable(Type.Object({ role: RoleSchema, team: nullable(Type.String()) })),
  }),
]);

export const DecisionSchema = Type.Object(
  {
    id: Type.String(),
    sessionId: Type.String(),
    injectId: Type.String(),
    team: Type.String(),
    userId: nullable(Type.String()),
    optionsConsidered: Type.Array(Type.String()),
    action: Type.String(),
    adjustment: nullable(AdjustmentSchema),
    rationale: Type.String(),
    owner: Type.String(),
    followUp: Type.String(),
    marking: MarkingSchema,
    createdAt: Type.String(),
  },
  { title: 'ExerciseDecision' },
);

const StateSchema = Type.Union([
  Type.Literal('ready'),
  Type.Literal('running'),
  Type.Literal('paused'),
  Type.Literal('ended'),
]);

export const SessionSchema = Type.Object({
  id: Type.String(),
  exerciseId: Type.String(),
  state: StateSchema,
  simTime: Type.Number(),
  lastSeq: Type.Number(),
  marking: MarkingSchema,
  createdBy: nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const common = { seq: Type.Number(), simTime: Type.Number(), createdAt: Type.String() };
/** One event as a viewer sees it: the same shape in WebSocket frames and in GET …/events. */
export const EventViewSchema = Type.Union(
  [
    Type.Object({ ...common, kind: Type.Literal('state'), state: StateSchema }),
    Type.Object({ ...common, kind: Type.Literal('inject'), inject: InjectSchema }),
    Type.Object({
      ...common,
      kind: Type.Literal('withheld'),
      injectId: Type.String(),
      at: Type.Number(),
      team: Type.String(),
    }),
    Type.Object({ ...common, kind: Type.Literal('skipped'), injectId: Type.String() }),
    Type.Object({ ...common, kind: Type.Literal('decision'), decision: DecisionSchema }),
  ],
  { title: 'ExerciseEventView' },
);

export const ScoreSchema = Type.Object({
  injectId: Type.String(),
  expectationId: Type.String(),
  evaluatorId: Type.String(),
  score: Type.Number(),
  comment: Type.String(),
  marking: MarkingSchema,
  createdAt: Type.String(),
});

export const AnswerSchema = Type.Object({
  id: Type.String(),
  respondentId: nullable(Type.String()),
  team: nullable(Type.String()),
  answers: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  marking: MarkingSchema,
  createdAt: Type.String(),
});

export const ReportLinkSchema = Type.Object({
  id: Type.String(),
  exerciseId: Type.String(),
  sessionId: nullable(Type.String()),
  organisationId: Type.String(),
  lang: Type.Union([Type.Literal('ja'), Type.Literal('en')]),
  format: Type.Union([Type.Literal('pdf'), Type.Literal('xlsx')]),
  expiresAt: Type.String(),
  marking: MarkingSchema,
  createdBy: nullable(Type.String()),
  createdAt: Type.String(),
  revokedAt: nullable(Type.String()),
});

// The schemas mirror the analysis types: a change to one that the other does not follow fails to compile.
const injectMatches: SameType<Static<typeof InjectSchema>, Inject> = true;
const designMatches: SameType<Static<typeof DesignSchema>, ExerciseDesign> = true;
const decisionMatches: SameType<Static<typeof DecisionSchema>, Decision> = true;
const viewMatches: SameType<Static<typeof EventViewSchema>, EventView> = true;
void [injectMatches, designMatches, decisionMatches, viewMatches];
