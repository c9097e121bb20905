import type { ApiResponse } from '../../api/schema.ts';
import type { Marking } from '../../components/MarkingBadge.tsx';
import type { Inject } from './liveState.ts';

/**
 * The designer's form and the API's body (POST/PUT /api/exercises): texts are edited per language, an empty
 * language is left out (the API then uses the other one for both), expectations one per line.
 */
type Exercise = ApiResponse<'GET /api/exercises/{id}'>;
type Design = Exercise['design'];
type Bilingual = { ja: string; en: string };
export type AdjustmentKind = NonNullable<NonNullable<Inject['condition']>['action']>;
export const adjustmentKinds: AdjustmentKind[] = [
  'stockpile-release',
  'like-minded-substitution',
  'demand-restraint',
  'rerouting',
];
export const organisationKinds: Design['organisations'][number]['kind'][] = [
  'ministry',
  'company',
  'association',
  'foreign_partner',
];

export interface InjectForm {
  id: string;
  kind: Inject['kind'];
  at: string;
  team: string;
  title: Bilingual;
  body: Bilingual;
  marking: Marking;
  /** Figures come from a scenario run and stay with the inject (shown, not edited). */
  figures: Inject['figures'];
  condition: { inject: string; taken: boolean; action: AdjustmentKind | '' } | null;
  /** One expectation per line (English; the same text stands for Japanese unless the line is "en | ja"). */
  expectations: string;
  /** Ids of the expectations as loaded, so that scores keep pointing at them. */
  expectationIds: string[];
}

export interface DesignForm {
  title: Bilingual;
  description: Bilingual;
  objectives: string;
  timeUnit: Design['timeUnit'];
  organisations: {
    id: string;
    name: Bilingual;
    kind: Design['organisations'][number]['kind'];
    platformOrganisation: string;
  }[];
  teams: { id: string; name: Bilingual; organisation: string }[];
  questionnaire: Design['questionnaire'];
  injects: InjectForm[];
  marking: Marking;
}

const publicMarking: Marking = { level: 0, compartments: [], releasableTo: null };
const blank: Bilingual = { ja: '', en: '' };

/** "en | ja" per line → bilingual texts. */
const linesOf = (text: string): Bilingual[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [en, ja] = l.split('|').map((x) => x.trim());
      return { en, ja: ja || en };
    });
const lineOf = (b: Bilingual) => (b.ja && b.ja !== b.en ? `${b.en} | ${b.ja}` : b.en || b.ja);

export function emptyInject(n: number): InjectForm {
  return {
    id: `i${n}`,
    kind: 'written',
    at: '0',
    team: 'all',
    title: { ...blank },
    body: { ...blank },
    marking: publicMarking,
    figures: [],
    condition: null,
    expectations: '',
    expectationIds: [],
  };
}

export function newDesignForm(): DesignForm {
  return {
    title: { ...blank },
    description: { ...blank },
    objectives: '',
    timeUnit: 'month',
    organisations: [
      { id: 'ministry', name: { ja: '省庁', en: 'Ministry' }, kind: 'ministry', platformOrganisation: '' },
    ],
    teams: [{ id: 'gov', name: { ja: '政府', en: 'Government' }, organisation: 'ministry' }],
    questionnaire: {
      anonymous: true,
      questions: [
        { id: 'q1', text: { ja: 'うまくいったことは何か', en: 'What worked well?' }, kind: 'text' },
        { id: 'q2', text: { ja: '改善すべきことは何か', en: 'What should be improved?' }, kind: 'text' },
      ],
    },
    injects: [],
    marking: publicMarking,
  };
}

export function injectForm(i: Inject): InjectForm {
  return {
    id: i.id,
    kind: i.kind,
    at: String(i.at),
    team: i.team,
    title: i.title,
    body: i.body,
    marking: i.marking,
    figures: i.figures,
    condition: i.condition ? { ...i.condition, action: i.condition.action ?? '' } : null,
    expectations: i.expectations.map((e) => lineOf(e.text)).join('\n'),
    expectationIds: i.expectations.map((e) => e.id),
  };
}

export function designFormOf(e: Exercise): DesignForm {
  const d = e.design;
  return {
    title: d.title,
    description: d.description,
    objectives: d.objectives.map(lineOf).join('\n'),
    timeUnit: d.timeUnit,
    organisations: d.organisations.map((o) => ({ ...o, platformOrganisation: o.platformOrganisation ?? '' })),
    teams: d.teams,
    questionnaire: d.questionnaire,
    injects: e.injects.map(injectForm),
    marking: e.marking,
  };
}

/** A bilingual text for the API: an empty language left out, nothing at all when both are empty. */
function text(b: Bilingual): Partial<Bilingual> | undefined {
  const out: Partial<Bilingual> = {};
  if (b.ja.trim()) out.ja = b.ja.trim();
  if (b.en.trim()) out.en = b.en.trim();
  return Object.keys(out).length ? out : undefined;
}

export function injectBody(i: InjectForm) {
  return {
    id: i.id.trim(),
    kind: i.kind,
    at: Number(i.at),
    team: i.team,
    title: text(i.title),
    body: text(i.body),
    marking: i.marking,
    condition: i.condition
      ? { inject: i.condition.inject, taken: i.condition.taken, action: i.condition.action || null }
      : null,
    expectations: linesOf(i.expectations).map((t, j) => ({
      id: i.expectationIds[j] ?? `${i.id}-e${j + 1}`,
      text: t,
    })),
  };
}

/** The body of POST /api/exercises and PUT /api/exercises/{id}. */
export function designBody(f: DesignForm, reason: string) {
  return {
    design: {
      title: text(f.title),
      description: text(f.description),
      objectives: linesOf(f.objectives),
      timeUnit: f.timeUnit,
      organisations: f.organisations.map((o) => ({
        id: o.id.trim(),
        name: text(o.name),
        kind: o.kind,
        platformOrganisation: o.platformOrganisation.trim() || null,
      })),
      teams: f.teams.map((t) => ({ id: t.id.trim(), name: text(t.name), organisation: t.organisation })),
      questionnaire: f.questionnaire,
    },
    injects: f.injects.map(injectBody),
    marking: f.marking,
    ...(reason.trim() ? { reason: reason.trim() } : {}),
  };
}

/** The injects in timeline order (the order they fire). */
export const byTime = (injects: InjectForm[]) => [...injects].sort((a, b) => Number(a.at) - Number(b.at));
