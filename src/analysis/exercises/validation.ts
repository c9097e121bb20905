import { ChokepointError } from '../../errors.ts';
import type { Marking, MarkingLevel } from '../marking.ts';
import { adjustmentKinds } from './adjustments.ts';
import {
  allTeams,
  injectKinds,
  type Bilingual,
  type ExerciseDesign,
  type Inject,
  type InjectCondition,
  type InjectKind,
  type OrganisationKind,
} from './exercise.ts';

/**
 * Checks an exercise as written by hand (API body, imported file): every error names its field as a path,
 * e.g. `injects[3].condition.inject`. Texts are bilingual: a plain string counts for both languages.
 */
type Raw = Record<string, unknown>;

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

class Checker {
  fail(field: string, message: string): never {
    throw new ChokepointError('bad_input', message, { field });
  }
  object(v: unknown, field: string): Raw {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) this.fail(field, 'must be an object');
    return v as Raw;
  }
  list(v: unknown, field: string, max: number): unknown[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) this.fail(field, 'must be a list');
    if (v.length > max) this.fail(field, `may have at most ${max} entries`);
    return v;
  }
  text(v: unknown, field: string, max = 4000): string {
    if (typeof v !== 'string' || !v.trim()) this.fail(field, 'must be a non-empty text');
    if (v.length > max) this.fail(field, `must be at most ${max} characters`);
    return v.trim();
  }
  id(v: unknown, field: string): string {
    const t = this.text(v, field, 64);
    if (!idPattern.test(t)) this.fail(field, `"${t}" is not an id (letters, digits, . _ -; at most 64)`);
    return t;
  }
  bilingual(v: unknown, field: string, max = 4000): Bilingual {
    if (typeof v === 'string') {
      const t = this.text(v, field, max);
      return { ja: t, en: t };
    }
    const o = this.object(v, field);
    const ja = o.ja === undefined ? undefined : this.text(o.ja, `${field}.ja`, max);
    const en = o.en === undefined ? undefined : this.text(o.en, `${field}.en`, max);
    if (!ja && !en) this.fail(field, 'needs ja or en');
    return { ja: ja ?? en!, en: en ?? ja! };
  }
  number(v: unknown, field: string, min: number, max: number): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      this.fail(field, `must be a number from ${min} to ${max}`);
    return v;
  }
  unique(ids: string[], field: string): void {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) this.fail(`${field}[${i}].id`, `"${id}" is used twice`);
      seen.add(id);
    });
  }
}

const organisationKinds: OrganisationKind[] = ['ministry', 'company', 'association', 'foreign_partner'];

export function validateDesign(raw: unknown): ExerciseDesign {
  const c = new Checker();
  const top = c.object(raw, 'exercise');
  const organisations = c.list(top.organisations, 'organisations', 50).map((v, i) => {
    const f = `organisations[${i}]`;
    const o = c.object(v, f);
    const kind = o.kind as OrganisationKind;
    if (!organisationKinds.includes(kind))
      c.fail(`${f}.kind`, `must be one of ${organisationKinds.join(', ')}`);
    return {
      id: c.id(o.id, `${f}.id`),
      name: c.bilingual(o.name, `${f}.name`, 200),
      kind,
      platformOrganisation:
        o.platformOrganisation === undefined || o.platformOrganisation === null
          ? null
          : c.id(o.platformOrganisation, `${f}.platformOrganisation`),
    };
  });
  c.unique(
    organisations.map((o) => o.id),
    'organisations',
  );
  const teams = c.list(top.teams, 'teams', 50).map((v, i) => {
    const f = `teams[${i}]`;
    const t = c.object(v, f);
    const team = {
      id: c.id(t.id, `${f}.id`),
      name: c.bilingual(t.name, `${f}.name`, 200),
      organisation: c.id(t.organisation, `${f}.organisation`),
    };
    if (team.id === allTeams) c.fail(`${f}.id`, `"${allTeams}" means every team and cannot name one`);
    if (!organisations.some((o) => o.id === team.organisation))
      c.fail(`${f}.organisation`, `no organisation "${team.organisation}" in organisations`);
    return team;
  });
  c.unique(
    teams.map((t) => t.id),
    'teams',
  );
  const q = top.questionnaire === undefined ? {} : c.object(top.questionnaire, 'questionnaire');
  const questions = c.list(q.questions, 'questionnaire.questions', 50).map((v, i) => {
    const f = `questionnaire.questions[${i}]`;
    const o = c.object(v, f);
    const kind = o.kind === undefined ? 'text' : o.kind;
    if (kind !== 'text' && kind !== 'scale') return c.fail(`${f}.kind`, 'must be text or scale');
    return {
      id: c.id(o.id, `${f}.id`),
      text: c.bilingual(o.text, `${f}.text`, 1000),
      kind: kind as 'text' | 'scale',
    };
  });
  c.unique(
    questions.map((x) => x.id),
    'questionnaire.questions',
  );
  return {
    title: c.bilingual(top.title, 'title', 300),
    description:
      top.description === undefined ? { ja: '', en: '' } : c.bilingual(top.description, 'description'),
    template: null,
    objectives: c
      .list(top.objectives, 'objectives', 50)
      .map((v, i) => c.bilingual(v, `objectives[${i}]`, 1000)),
    organisations,
    teams,
    questionnaire: { anonymous: q.anonymous === undefined ? true : q.anonymous === true, questions },
    timeUnit:
      top.timeUnit === undefined || top.timeUnit === 'month'
        ? 'month'
        : top.timeUnit === 'hour'
          ? 'hour'
          : c.fail('timeUnit', 'must be month or hour'),
    parameters: null,
  };
}

/** Checks the injects of an exercise against its teams; markings are checked by the caller (who may mark what). */
export function validateInjects(raw: unknown, teams: readonly string[]): Inject[] {
  const c = new Checker();
  const list = c.list(raw, 'injects', 500);
  const injects = list.map((v, i): Inject => {
    const f = `injects[${i}]`;
    const o = c.object(v, f);
    const team = o.team === undefined ? allTeams : c.id(o.team, `${f}.team`);
    if (team !== allTeams && !teams.includes(team))
      c.fail(`${f}.team`, `no team "${team}" (teams: ${teams.join(', ') || 'none'}; or "all")`);
    const kind = (o.kind ?? 'written') as InjectKind;
    if (!injectKinds.includes(kind)) c.fail(`${f}.kind`, `must be one of ${injectKinds.join(', ')}`);
    let condition: Inject['condition'] = null;
    if (o.condition !== undefined && o.condition !== null) {
      const k = c.object(o.condition, `${f}.condition`);
      const action = k.action === undefined || k.action === null ? null : k.action;
      if (action !== null && !(adjustmentKinds as readonly unknown[]).includes(action))
        c.fail(`${f}.condition.action`, `must be one of ${adjustmentKinds.join(', ')}`);
      const taken = k.taken;
      if (typeof taken !== 'boolean') return c.fail(`${f}.condition.taken`, 'must be true or false');
      condition = {
        inject: c.id(k.inject, `${f}.condition.inject`),
        taken,
        action: action as InjectCondition['action'],
      };
    }
    const id = c.id(o.id ?? `i${i + 1}`, `${f}.id`);
    return {
      id,
      kind,
      at: c.number(o.at ?? 0, `${f}.at`, 0, 1200),
      team,
      title: c.bilingual(o.title, `${f}.title`, 300),
      body: o.body === undefined ? { ja: '', en: '' } : c.bilingual(o.body, `${f}.body`, 20_000),
      figures: [],
      source: null,
      marking: o.marking === undefined ? publicLike() : markingOf(c, o.marking, `${f}.marking`),
      condition,
      expectations: c.list(o.expectations, `${f}.expectations`, 20).map((e, j) => {
        const ef = `${f}.expectations[${j}]`;
        if (typeof e === 'string') return { id: `${id}-e${j + 1}`, text: c.bilingual(e, ef, 1000) };
        const x = c.object(e, ef);
        return {
          id: c.id(x.id ?? `${id}-e${j + 1}`, `${ef}.id`),
          text: c.bilingual(x.text, `${ef}.text`, 1000),
        };
      }),
    };
  });
  c.unique(
    injects.map((x) => x.id),
    'injects',
  );
  injects.forEach((inject, i) => {
    const target = inject.condition?.inject;
    if (target === undefined) return;
    const earlier = injects.find((x) => x.id === target);
    if (!earlier) return c.fail(`injects[${i}].condition.inject`, `no inject "${target}"`);
    if (earlier.at > inject.at)
      c.fail(
        `injects[${i}].condition.inject`,
        `"${target}" comes later (month ${earlier.at}) than this inject`,
      );
  });
  return injects;
}

const publicLike = (): Marking => ({ level: 0, compartments: [], releasableTo: null });

function markingOf(c: Checker, v: unknown, field: string): Marking {
  const o = c.object(v, field);
  const level = o.level;
  if (level !== 0 && level !== 1 && level !== 2 && level !== 3)
    c.fail(`${field}.level`, 'must be 0, 1, 2 or 3');
  const compartments = c.list(o.compartments, `${field}.compartments`, 50).map((x, i) => {
    const t = c.text(x, `${field}.compartments[${i}]`, 40);
    if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(t))
      c.fail(`${field}.compartments[${i}]`, `"${t}" is not a compartment`);
    return t;
  });
  const releasableTo =
    o.releasableTo === undefined || o.releasableTo === null
      ? null
      : c
          .list(o.releasableTo, `${field}.releasableTo`, 200)
          .map((x, i) => c.id(x, `${field}.releasableTo[${i}]`));
  return {
    level: level as MarkingLevel,
    compartments: [...new Set(compartments)].sort(),
    releasableTo: releasableTo === null ? null : [...new Set(releasableTo)].sort(),
  };
}
