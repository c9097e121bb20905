import type { Marking } from '../marking.ts';
import type { Adjustment } from './adjustments.ts';

/**
 * A tabletop exercise (図上演習, PRODUCT.md §3.5): one or more saved scenarios, objectives, the organisations and
 * teams that take part, a timeline of injects with expectations, and a lessons-learned questionnaire. Times are
 * simulated time from the start of the exercise, in the exercise's unit (a scenario's months: 1 month = 365/12
 * days).
 */
export interface Bilingual {
  ja: string;
  en: string;
}

/** Who takes part: facilitator (runs the clock), player (answers injects), observer, evaluator (scores). */
export const exerciseRoles = ['facilitator', 'player', 'observer', 'evaluator'] as const;
export type ExerciseRole = (typeof exerciseRoles)[number];

export const exerciseRoleNames: Record<ExerciseRole, Bilingual> = {
  facilitator: { ja: '統制官', en: 'facilitator' },
  player: { ja: 'プレイヤー', en: 'player' },
  observer: { ja: 'オブザーバー', en: 'observer' },
  evaluator: { ja: '評価者', en: 'evaluator' },
};

export type OrganisationKind = 'ministry' | 'company' | 'association' | 'foreign_partner';

export interface ExerciseOrganisation {
  id: string;
  name: Bilingual;
  kind: OrganisationKind;
  /** The platform organisation (organisations table) this stands for, when there is one: reports go to it. */
  platformOrganisation: string | null;
}

export interface Team {
  id: string;
  name: Bilingual;
  organisation: string;
}

/** A figure an inject states, with the place in the scenario run's result it was taken from. */
export interface InjectFigure {
  key: string;
  label: Bilingual;
  value: number | null;
  unit: string;
  /** JSON path into the run's result, e.g. `products[2].unmet.value`. */
  path: string;
}

/** Where a generated inject's figures come from. */
export interface InjectSource {
  runId: string | null;
  scenario: string;
  trade: { dataset: string; version: string; synthetic: boolean };
  ioTable: { dataset: string; version: string } | null;
  methods: string[];
}

/** An inject fires only if a decision on an earlier inject was (or was not) recorded, of a kind when given. */
export interface InjectCondition {
  inject: string;
  taken: boolean;
  action: Adjustment['kind'] | null;
}

export interface Expectation {
  id: string;
  text: Bilingual;
}

export const injectKinds = [
  'brief',
  'shock',
  'substitution',
  'stock-out',
  'economy',
  'recovery',
  'situation',
  'intelligence',
  'escalation',
  'written',
] as const;
export type InjectKind = (typeof injectKinds)[number];

export interface Inject {
  id: string;
  kind: InjectKind;
  /** Simulated time after the start, in the exercise's time unit (months for scenario exercises). */
  at: number;
  /** Team id, or 'all'. */
  team: string;
  title: Bilingual;
  body: Bilingual;
  figures: InjectFigure[];
  source: InjectSource | null;
  /** Each inject has its own marking: only players cleared for it receive its content. */
  marking: Marking;
  condition: InjectCondition | null;
  expectations: Expectation[];
}

export interface Question {
  id: string;
  text: Bilingual;
  kind: 'text' | 'scale';
}

export interface Questionnaire {
  /** Answers are stored without the respondent when true. */
  anonymous: boolean;
  questions: Question[];
}

/** Everything of an exercise except its injects (kept one per row, each with its own marking). */
export interface ExerciseDesign {
  title: Bilingual;
  description: Bilingual;
  template: string | null;
  objectives: Bilingual[];
  organisations: ExerciseOrganisation[];
  teams: Team[];
  questionnaire: Questionnaire;
  /**
   * The unit of inject times and of the session's simulated clock: months for scenario exercises (the scenario's
   * months), hours for imported incident exercises (OpenAEV delays).
   */
  timeUnit: 'month' | 'hour';
  /** The scenario parameters the exercise was made from (template exercises). */
  parameters: { reporter: string; year: number | null; products: string[] } | null;
  /** Where an imported exercise came from; absent for exercises written here or made from a template. */
  imported?: ImportedFrom;
}

/**
 * The provenance of an imported exercise: the file (its name and SHA-256) and, when those bytes are a file of a
 * dataset manifest (src/data/manifests), that dataset with its publisher and licence.
 */
export interface ImportedFrom {
  format: 'openaev';
  file: string;
  sha256: string;
  dataset: string | null;
  publisher: string | null;
  licence: string | null;
}

export const allTeams = 'all';
