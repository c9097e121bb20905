import { Type, type Static } from 'typebox';
import type { BacktestReport, QuietPeriod } from '../../../analysis/ews/backtest.ts';
import type { MarkedEvent } from '../../../analysis/ews/markedEvents.ts';
import type { CrossedIndicator } from '../../../analysis/ews/rules.ts';
import type { AlertRecord, ItemRecord, ValueUnit } from '../../../data/ews/index.ts';
import { MarkingSchema } from '../../security/markings.ts';
import type { Loosened, SameType } from '../../sameType.ts';

/** The early-warning objects as the API shows them, and the request pieces several EWS routes share. */
export const Label = Type.Object({ ja: Type.String(), en: Type.String() });
const Indicator = Type.Object({
  rule: Type.String(),
  name: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()]),
  op: Type.String(),
  threshold: Type.Number(),
});
export const FlowSchema = Type.Union([Type.Literal('import'), Type.Literal('export')]);
export const LevelSchema = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)]);
const LevelCounts = Type.Record(Type.String(), Type.Number(), { description: 'alerts per level 1–4' });
export const NullableNumbers = Type.Array(Type.Union([Type.Number(), Type.Null()]));
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const writers = ['administrator', 'analyst'] as ('administrator' | 'analyst')[];

/** BacktestReport of src/analysis/ews/backtest.ts. */
const Ratio = Type.Union([Type.Number(), Type.Null()], { description: 'null without a denominator' });
/** Score of src/analysis/ews/backtestScore.ts. */
const ScoreSchema = Type.Object({
  alerts: Type.Number(),
  truePositives: Type.Number(),
  precision: Ratio,
  episodes: Type.Number(),
  detected: Type.Number(),
  recall: Ratio,
});
/** With the recorded events as input, and on statistics only (the event indicators missing). */
const scoreModes = { withEvents: ScoreSchema, statisticsOnly: ScoreSchema };
export const BacktestReportSchema = Type.Object({
  periods: Type.Object({ from: Type.String(), to: Type.String() }),
  alerts: Type.Number(),
  byLevel: LevelCounts,
  rules: Type.Array(
    Type.Object({
      rule: Type.String(),
      label: Label,
      level: Type.Number(),
      alerts: Type.Number(),
      series: Type.Number(),
      /** Alert months with their series, oldest first (at most 200). */
      when: Type.Array(
        Type.Object({
          period: Type.String(),
          reporter: Type.String(),
          partner: Type.String(),
          hs: Type.String(),
          flow: Type.String(),
        }),
      ),
      score: Type.Object(scoreModes),
    }),
  ),
  score: Type.Object({
    events: Type.Array(Type.String()),
    episodes: Type.Number(),
    afterEffective: Type.Number(),
    ...scoreModes,
  }),
  quiet: Type.Optional(
    Type.Object({
      from: Type.String(),
      to: Type.String(),
      series: Type.Number(),
      seriesYears: Type.Number(),
      alerts: Type.Number(),
      alertsPerSeriesYear: Type.Union([Type.Number(), Type.Null()], {
        description: 'null when no series-year',
      }),
      byLevel: LevelCounts,
    }),
  ),
});
export const AlertStatusSchema = Type.Union([
  Type.Literal('new'),
  Type.Literal('acknowledged'),
  Type.Literal('assigned'),
  Type.Literal('resolved'),
]);
export const AlertSchema = Type.Object({
  id: Type.String(),
  itemId: Type.Union([Type.String(), Type.Null()]),
  ruleSet: Type.String(),
  period: Type.String(),
  reporter: Type.String(),
  partner: Type.String(),
  hs: Type.String(),
  flow: FlowSchema,
  level: LevelSchema,
  levelName: Label,
  rules: Type.Array(Type.Object({ id: Type.String(), level: Type.Number(), label: Label })),
  indicators: Type.Array(Indicator),
  explanation: Label,
  status: AlertStatusSchema,
  assignee: Type.Union([Type.String(), Type.Null()]),
  feedback: Type.Union([Type.Literal('true_alarm'), Type.Literal('false_alarm'), Type.Null()]),
  feedbackReason: Type.Union([Type.String(), Type.Null()]),
  marking: MarkingSchema,
  /** 'marked': computed with recorded events marked above the series (docs/ews.md, "Markings of stored alerts"). */
  eventBasis: Type.Union([Type.Literal('base'), Type.Literal('marked')]),
  /** The base alert this one replaces for readers cleared for it. */
  supersedes: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const ItemSchema = Type.Object({
  id: Type.String(),
  listId: Type.String(),
  reporter: Type.String(),
  partner: Type.Union([Type.String(), Type.Null()]),
  hs: Type.String(),
  flow: FlowSchema,
  label: Label,
  grade: Type.String(),
  cadence: Type.String(),
  dataset: Type.Union([Type.String(), Type.Null()]),
  ruleSet: Type.String(),
  nextScanAt: Type.Union([Type.String(), Type.Null()]),
  lastScanAt: Type.Union([Type.String(), Type.Null()]),
  marking: MarkingSchema,
});
/** src/data/ews/valueUnit.ts: the unit of a monthly dataset's values as its publisher gives them. */
export const ValueUnitSchema = Type.Union(
  [
    Type.Object({
      currency: Type.String(),
      scale: Type.Number(),
      label: Label,
    }),
    Type.Literal('unknown'),
    Type.Null(),
  ],
  {
    description:
      "unit of the series' values (not converted); 'unknown' when the file did not say; null when the dataset was imported before units were recorded",
  },
);
export const EventSchema = Type.Object({
  id: Type.String(),
  country: Type.String(),
  hs: Type.Array(Type.String()),
  targets: Type.Array(Type.String()),
  announced: Type.String(),
  effective: Type.String(),
  title: Label,
  source: Type.String(),
  /** true for the list shipped with chokepoint (src/data/ews/seedEvents.csv), false for ones users recorded. */
  seed: Type.Boolean(),
  marking: MarkingSchema,
});

// The schemas mirror the data layer's types (docs/architecture.md): these fail to compile when the two part.
const alertMatches: SameType<
  Static<typeof AlertSchema>,
  Omit<AlertRecord, 'rules' | 'indicators'> & {
    levelName: { ja: string; en: string };
    rules: { id: string; level: number; label: { ja: string; en: string } }[];
    // A stored value that was not finite is read back as null.
    indicators: (Omit<CrossedIndicator, 'name' | 'op' | 'value'> & {
      name: string;
      op: string;
      value: number | null;
    })[];
  }
> = true;
const itemMatches: SameType<
  Static<typeof ItemSchema>,
  Loosened<ItemRecord, 'grade' | 'cadence', string>
> = true;
const eventMatches: SameType<Static<typeof EventSchema>, MarkedEvent & { seed: boolean }> = true;
const valueUnitMatches: SameType<
  Static<typeof ValueUnitSchema>,
  Loosened<ValueUnit, 'scale', number> | 'unknown' | null
> = true;
const backtestMatches: SameType<
  Static<typeof BacktestReportSchema>,
  Omit<BacktestReport, 'quiet'> & { quiet?: Loosened<QuietPeriod, 'alertsPerSeriesYear', number | null> }
> = true;
void [alertMatches, itemMatches, eventMatches, valueUnitMatches, backtestMatches];
