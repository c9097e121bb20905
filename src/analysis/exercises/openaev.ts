import { ChokepointError } from '../../errors.ts';
import { publicMarking } from '../marking.ts';
import type { Bilingual, ExerciseDesign, Inject } from './exercise.ts';

/**
 * An OpenAEV (formerly OpenBAS, Filigran) scenario export (`export_version` 1) as an exercise: teams from
 * `scenario_teams`, one inject per `scenario_injects` entry at `inject_depends_duration` seconds (the exercise's
 * clock runs in hours), subject and HTML body as text with `${variable}` placeholders filled from
 * `scenario_variables`, manual expectations as expectations. What does not carry over, and why:
 * - OpenAEV texts have one language; it stands for both ja and en;
 * - an inject sent to several teams goes to every team ('all'): a chokepoint inject has one addressee;
 * - `inject_depends_on` chains fire on the parent's execution, which timing already orders: they are dropped;
 *   chokepoint conditions depend on decisions instead;
 * - injector contracts (e-mail sending, sender addresses) are not kept: the live session delivers injects.
 */
type Raw = Record<string, unknown>;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML to plain text: block ends become line breaks, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#')
        return String.fromCodePoint(
          e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
        );
      return entities[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'team';

const same = (t: string): Bilingual => ({ ja: t, en: t });

export function fromOpenAev(raw: unknown, file?: string): { design: ExerciseDesign; injects: Inject[] } {
  const fail = (field: string, message: string): never => {
    throw new ChokepointError('bad_file', message, { file, field });
  };
  const obj = (v: unknown, field: string): Raw =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : fail(field, 'must be an object');
  const arr = (v: unknown, field: string): unknown[] =>
    v === undefined || v === null ? [] : Array.isArray(v) ? v : fail(field, 'must be a list');
  const str = (v: unknown, field: string): string =>
    typeof v === 'string' ? v : v === null || v === undefined ? '' : fail(field, 'must be text');

  const top = obj(raw, '');
  if (top.export_version !== 1)
    fail('export_version', `unsupported export version ${String(top.export_version)} (expected 1)`);
  const info = obj(top.scenario_information, 'scenario_information');
  const variables = new Map<string, string>();
  arr(top.scenario_variables, 'scenario_variables').forEach((v, i) => {
    const o = obj(v, `scenario_variables[${i}]`);
    variables.set(
      str(o.variable_key, `scenario_variables[${i}].variable_key`),
      str(o.variable_value, `scenario_variables[${i}].variable_value`),
    );
  });
  const fill = (t: string) =>
    t.replace(/\$\{\s*([A-Za-z0-9_]+)\s*\}/g, (m, k: string) => variables.get(k) ?? m);

  const teamIds = new Map<string, string>();
  const teams = arr(top.scenario_teams, 'scenario_teams').map((v, i) => {
    const o = obj(v, `scenario_teams[${i}]`);
    const name = str(o.team_name, `scenario_teams[${i}].team_name`) || `Team ${i + 1}`;
    let id = slug(name);
    while ([...teamIds.values()].includes(id)) id = `${id}-${i}`;
    teamIds.set(str(o.team_id, `scenario_teams[${i}].team_id`), id);
    return { id, name: same(name), organisation: 'organisation' };
  });

  const injects = arr(top.scenario_injects, 'scenario_injects').map((v, i): Inject & { order: number } => {
    const f = `scenario_injects[${i}]`;
    const o = obj(v, f);
    const content =
      o.inject_content === undefined || o.inject_content === null
        ? {}
        : obj(o.inject_content, `${f}.inject_content`);
    const seconds = o.inject_depends_duration;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0)
      fail(`${f}.inject_depends_duration`, 'must be seconds from the start');
    const addressed = arr(o.inject_teams, `${f}.inject_teams`).map((t) => teamIds.get(String(t)));
    const team =
      o.inject_all_teams === true || addressed.length !== 1 || !addressed[0] ? 'all' : addressed[0];
    const title = fill(str(o.inject_title, `${f}.inject_title`)) || `Inject ${i + 1}`;
    const subject = fill(str(content.subject, `${f}.inject_content.subject`));
    const body = htmlToText(fill(str(content.body, `${f}.inject_content.body`)));
    const id = `openaev-${i + 1}`;
    return {
      id,
      order: i,
      kind: 'written',
      at: (seconds as number) / 3600,
      team,
      title: same(title),
      body: same(subject && subject !== title ? `${subject}\n\n${body}` : body),
      figures: [],
      source: null,
      marking: publicMarking,
      condition: null,
      expectations: arr(content.expectations, `${f}.inject_content.expectations`).map((e, j) => {
        const x = obj(e, `${f}.inject_content.expectations[${j}]`);
        const name = str(x.expectation_name, `${f}.inject_content.expectations[${j}].expectation_name`);
        const description = str(
          x.expectation_description,
          `${f}.inject_content.expectations[${j}].expectation_description`,
        );
        return { id: `${id}-e${j + 1}`, text: same(description || name) };
      }),
    };
  });
  injects.sort((a, b) => a.at - b.at || a.order - b.order);
  const name = str(info.scenario_name, 'scenario_information.scenario_name') || 'OpenAEV scenario';
  return {
    design: {
      title: same(name),
      description: same(str(info.scenario_description, 'scenario_information.scenario_description')),
      template: null,
      objectives: [],
      organisations: [{ id: 'organisation', name: same(name), kind: 'company', platformOrganisation: null }],
      teams,
      questionnaire: { anonymous: true, questions: [] },
      timeUnit: 'hour',
      parameters: null,
    },
    injects: injects.map(({ order: _order, ...inject }) => inject),
  };
}
