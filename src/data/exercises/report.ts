import type { StateDb } from '../state/db.ts';
import { getRun } from '../scenario/scenarioStore.ts';
import type { ScenarioRunOutput } from '../scenario/scenarioService.ts';
import { markingText, type Dossier, type DossierSection, type Lang } from '../tech/dossier.ts';
import { canRead, joinMarkings, type Clearance, type Marking } from '../../analysis/marking.ts';
import { compareScenarios } from '../../analysis/scenario/compare.ts';
import { adjustmentNames } from '../../analysis/exercises/adjustments.ts';
import type { Bilingual, Inject } from '../../analysis/exercises/exercise.ts';
import type { Decision } from '../../analysis/exercises/decision.ts';
import type { ExerciseRecord, OutcomeRecord } from './exerciseStore.ts';
import { listOutcomes } from './exerciseStore.ts';
import { eventsAfter, listAnswers, listDecisions, listScores, type SessionRecord } from './sessionStore.ts';

/**
 * The after-action report of an exercise (PRODUCT.md §3.5), in Japanese or English, for one recipient
 * organisation: summary, timeline, injects, decisions, outcomes before and after the decisions, scores and lessons
 * learned — each item included only if the recipient may read its marking (anything else is left out without a
 * trace: no count, no placeholder), the whole marked with the join of what it includes. It is a document model of
 * sections (the tech dossier's), rendered by the dossier's PDF and XLSX writers.
 */
export interface ReportInput {
  exercise: ExerciseRecord;
  /** The session reported on (its timeline, decisions, scores, answers); null: the design only. */
  session: SessionRecord | null;
  organisation: { id: string; name: string };
  /** The clearances the report is for (the recipient organisation's, and its requester's): all must read an item. */
  readers: Clearance[];
  lang: Lang;
}

const words = {
  title: { ja: '図上演習 事後評価報告書', en: 'Tabletop exercise — after-action report' },
  recipient: { ja: '提供先', en: 'Recipient' },
  generated: { ja: '作成日時', en: 'Generated' },
  summary: { ja: '概要', en: 'Summary' },
  objectives: { ja: '演習の目的', en: 'Objectives' },
  teams: { ja: '参加組織とチーム', en: 'Organisations and teams' },
  timeline: { ja: 'タイムライン', en: 'Timeline' },
  injects: { ja: '状況付与(インジェクト)', en: 'Injects' },
  decisions: { ja: '意思決定', en: 'Decisions' },
  outcomes: { ja: '意思決定の前後の結果', en: 'Outcomes before and after the decisions' },
  scores: { ja: '評価', en: 'Scores' },
  lessons: { ja: '教訓(アンケート)', en: 'Lessons learned (questionnaire)' },
  sources: { ja: '出典', en: 'Sources' },
  none: { ja: 'なし', en: 'none' },
  time: { ja: '時点', en: 'time' },
  event: { ja: '出来事', en: 'event' },
  team: { ja: 'チーム', en: 'team' },
  titleCol: { ja: '件名', en: 'title' },
  body: { ja: '内容', en: 'content' },
  figures: { ja: '数値', en: 'figures' },
  marking: { ja: '区分', en: 'marking' },
  inject: { ja: 'インジェクト', en: 'inject' },
  options: { ja: '検討した選択肢', en: 'options considered' },
  action: { ja: '決定内容', en: 'action chosen' },
  rationale: { ja: '理由', en: 'rationale' },
  owner: { ja: '担当', en: 'owner' },
  followUp: { ja: 'フォローアップ', en: 'follow-up' },
  change: { ja: 'シナリオへの反映', en: 'scenario change' },
  metric: { ja: '指標', en: 'metric' },
  before: { ja: '意思決定前', en: 'original' },
  after: { ja: '意思決定後', en: 'decisions applied' },
  expectation: { ja: '期待される対応', en: 'expectation' },
  score: { ja: '平均点', en: 'mean score' },
  count: { ja: '件数', en: 'n' },
  comments: { ja: 'コメント', en: 'comments' },
  question: { ja: '質問', en: 'question' },
  answers: { ja: '回答', en: 'answers' },
  state: {
    ready: { ja: '準備', en: 'ready' },
    running: { ja: '開始', en: 'running' },
    paused: { ja: '一時停止', en: 'paused' },
    ended: { ja: '終了', en: 'ended' },
  },
  month: { ja: 'か月目', en: 'month' },
  hour: { ja: '時間目', en: 'hour' },
  anonymous: {
    ja: '回答は匿名で収集された。',
    en: 'Answers were collected anonymously.',
  },
  metrics: {
    lost: { ja: '輸入途絶額(千ドル)', en: 'imports lost (thousand USD)' },
    replaced: { ja: '代替調達額(千ドル)', en: 'replaced (thousand USD)' },
    stockDrawn: { ja: '在庫取り崩し額(千ドル)', en: 'drawn from stock (thousand USD)' },
    unmet: { ja: '未充足額(千ドル)', en: 'unmet (thousand USD)' },
    leontiefValueAddedLoss: { ja: '付加価値損失(レオンチェフ)', en: 'value added lost (Leontief)' },
    arioValueAddedLoss: { ja: '付加価値損失(ARIO)', en: 'value added lost (ARIO)' },
    ghoshOutputLoss: { ja: '産出損失(ゴーシュ)', en: 'output lost (Ghosh)' },
    arioOutputLoss: { ja: '産出損失(ARIO)', en: 'output lost (ARIO)' },
  },
};

const num = (v: number, digits = 1) =>
  v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function buildExerciseReport(db: StateDb, input: ReportInput): Promise<Dossier> {
  const { exercise, session, lang } = input;
  const t = (b: Bilingual) => b[lang];
  const readable = (m: Marking) => input.readers.every((c) => canRead(c, m));
  const included: Marking[] = [exercise.marking];
  const keep = <T extends { marking: Marking }>(items: readonly T[]): T[] => {
    const out = items.filter((x) => readable(x.marking));
    included.push(...out.map((x) => x.marking));
    return out;
  };
  const design = exercise.design;
  const unit = design.timeUnit === 'hour' ? words.hour : words.month;
  const at = (v: number) => (lang === 'ja' ? `${num(v)} ${unit.ja}` : `${unit.en} ${num(v)}`);
  const teamName = (id: string) =>
    id === 'all'
      ? lang === 'ja'
        ? '全チーム'
        : 'all teams'
      : t(design.teams.find((x) => x.id === id)?.name ?? { ja: id, en: id });

  const injects = keep(exercise.injects);
  const byId = new Map(injects.map((i) => [i.id, i]));
  const events = session ? await eventsAfter(db, session.id, 0) : [];
  const decisions = session ? keep(await listDecisions(db, session.id)) : [];
  const scores = session ? keep(await listScores(db, session.id)) : [];
  const answers = session ? keep(await listAnswers(db, session.id)) : [];
  const delivered = new Set(events.flatMap((e) => (e.kind === 'inject' ? [e.injectId] : [])));
  const shown = session ? injects.filter((i) => delivered.has(i.id)) : injects;

  const sections: DossierSection[] = [];
  sections.push({
    heading: t(words.summary),
    text: [
      t(design.title),
      ...(t(design.description) ? [t(design.description)] : []),
      ...(session
        ? [
            lang === 'ja'
              ? `セッション ${session.id}: ${session.createdAt.slice(0, 16)} 開始、状態 ${t(words.state[session.state])}、演習内時刻 ${at(session.simTime)}`
              : `Session ${session.id}: opened ${session.createdAt.slice(0, 16)}, ${t(words.state[session.state])}, simulated time ${at(session.simTime)}`,
          ]
        : []),
    ],
  });
  if (design.objectives.length)
    sections.push({
      heading: t(words.objectives),
      text: design.objectives.map((o, i) => `${i + 1}. ${t(o)}`),
    });
  sections.push({
    heading: t(words.teams),
    table: {
      columns: [t(words.team), lang === 'ja' ? '組織' : 'organisation'],
      rows: design.teams.map((x) => [
        t(x.name),
        t(
          design.organisations.find((o) => o.id === x.organisation)?.name ?? {
            ja: x.organisation,
            en: x.organisation,
          },
        ),
      ]),
    },
  });

  if (session) {
    const rows: (string | number | null)[][] = [];
    for (const e of events) {
      if (e.kind === 'state') rows.push([e.seq, at(e.simTime), t(words.state[e.state]), '']);
      else if (e.kind === 'inject' && byId.has(e.injectId)) {
        const i = byId.get(e.injectId)!;
        rows.push([e.seq, at(e.simTime), t(i.title), teamName(i.team)]);
      } else if (e.kind === 'decision' && readable(e.decision.marking)) {
        rows.push([
          e.seq,
          at(e.simTime),
          `${t(words.decisions)}: ${e.decision.action}`,
          teamName(e.decision.team),
        ]);
      }
    }
    sections.push({
      heading: t(words.timeline),
      table: { columns: ['#', t(words.time), t(words.event), t(words.team)], rows },
    });
  }

  sections.push({
    heading: t(words.injects),
    ...(shown.length
      ? {
          table: {
            columns: [
              t(words.time),
              t(words.team),
              t(words.titleCol),
              t(words.body),
              t(words.figures),
              t(words.marking),
            ],
            rows: shown.map((i) => [
              at(i.at),
              teamName(i.team),
              t(i.title),
              t(i.body),
              figuresText(i, lang),
              markingText(i.marking, lang),
            ]),
          },
        }
      : { text: [t(words.none)] }),
  });

  sections.push({
    heading: t(words.decisions),
    ...(decisions.length
      ? {
          table: {
            columns: [
              t(words.inject),
              t(words.team),
              t(words.options),
              t(words.action),
              t(words.rationale),
              t(words.owner),
              t(words.followUp),
              t(words.change),
            ],
            rows: decisions.map((d) => [
              byId.has(d.injectId) ? t(byId.get(d.injectId)!.title) : d.injectId,
              teamName(d.team),
              d.optionsConsidered.join(' / '),
              d.action,
              d.rationale,
              d.owner,
              d.followUp,
              changeText(d, lang),
            ]),
          },
        }
      : { text: [t(words.none)] }),
  });

  const outcome = await outcomeSection(
    db,
    input,
    session ? await listOutcomes(db, exercise.id) : [],
    included,
  );
  if (outcome) sections.push(outcome);

  const expectations = new Map<string, { inject: Inject; text: Bilingual }>(
    injects.flatMap((i) =>
      i.expectations.map((e) => [`${i.id}\u0000${e.id}`, { inject: i, text: e.text }] as const),
    ),
  );
  const scoreRows = [...groupBy(scores, (s) => `${s.injectId}\u0000${s.expectationId}`)].flatMap(
    ([key, list]) => {
      const e = expectations.get(key);
      if (!e) return [];
      const mean = list.reduce((a, s) => a + s.score, 0) / list.length;
      return [
        [
          t(e.inject.title),
          t(e.text),
          num(mean, 0),
          list.length,
          list
            .map((s) => s.comment)
            .filter(Boolean)
            .join(' / '),
        ],
      ];
    },
  );
  if (session)
    sections.push({
      heading: t(words.scores),
      ...(scoreRows.length
        ? {
            table: {
              columns: [
                t(words.inject),
                t(words.expectation),
                t(words.score),
                t(words.count),
                t(words.comments),
              ],
              rows: scoreRows,
            },
          }
        : { text: [t(words.none)] }),
    });

  if (session && design.questionnaire.questions.length) {
    sections.push({
      heading: t(words.lessons),
      text: design.questionnaire.anonymous ? [t(words.anonymous)] : [],
      table: {
        columns: [t(words.question), t(words.answers)],
        rows: design.questionnaire.questions.map((q) => {
          const given = answers.map((a) => a.answers[q.id]).filter((v) => v !== undefined && v !== '');
          if (q.kind === 'scale') {
            const values = given.filter((v): v is number => typeof v === 'number');
            return [
              t(q.text),
              values.length
                ? `${lang === 'ja' ? '平均' : 'mean'} ${num(values.reduce((a, b) => a + b, 0) / values.length)} (n = ${values.length})`
                : t(words.none),
            ];
          }
          return [t(q.text), given.map((v) => `・${String(v)}`).join('\n') || t(words.none)];
        }),
      },
    });
  }

  const sources = [
    ...new Map(
      injects.flatMap((i) => (i.source ? [[i.source.trade.dataset, i.source] as const] : [])),
    ).values(),
  ];
  if (sources.length)
    sections.push({
      heading: t(words.sources),
      text: [
        ...sources.map(
          (s) =>
            `${s.scenario}: ${s.trade.dataset} ${s.trade.version}${s.trade.synthetic ? ' (SYNTHETIC)' : ''}${s.ioTable ? `; ${s.ioTable.dataset} ${s.ioTable.version}` : ''}`,
        ),
        ...(sources[0].methods ?? []),
      ],
    });

  const marking = joinMarkings(included);
  return {
    entryId: exercise.id,
    lang,
    title: `${t(words.title)}: ${t(design.title)}`,
    reporter: design.parameters?.reporter ?? '',
    generatedAt: new Date().toISOString(),
    marking,
    markingText: markingText(marking, lang),
    synthetic: sources.some((s) => s.trade.synthetic),
    sections: [
      {
        heading: `${t(words.recipient)}: ${input.organisation.name}`,
        text: [`${t(words.generated)}: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`],
      },
      ...sections,
    ],
  };
}

function figuresText(inject: Inject, lang: Lang): string {
  return inject.figures
    .map(
      (f) =>
        `${f.label[lang]}: ${f.value === null ? '—' : num(f.value, Math.abs(f.value) < 10 ? 3 : 0)} ${f.unit}`,
    )
    .join('\n');
}

function changeText(d: Decision, lang: Lang): string {
  const a = d.adjustment;
  if (!a) return '';
  const name = adjustmentNames[a.kind][lang];
  switch (a.kind) {
    case 'stockpile-release':
      return `${name}: +${a.days} ${lang === 'ja' ? '日分' : 'days'} (${a.products === 'all' ? 'all' : a.products.join(', ')})`;
    case 'demand-restraint':
      return `${name}: ${num(a.share * 100, 0)}% (${a.products === 'all' ? 'all' : a.products.join(', ')})`;
    case 'like-minded-substitution':
      return `${name}: ${a.partners.join(', ')}${a.share === null ? '' : ` ${num(a.share * 100, 0)}%`}`;
    case 'rerouting':
      return `${name}: ${num(a.share * 100, 0)}% (${a.passages === 'all' ? 'all' : a.passages.join(', ')})`;
  }
}

/** The original run beside the newest finished run with this session's decisions, when the recipient may read both. */
async function outcomeSection(
  db: StateDb,
  input: ReportInput,
  outcomes: readonly OutcomeRecord[],
  included: Marking[],
): Promise<DossierSection | undefined> {
  const { exercise, session, lang } = input;
  const readable = (m: Marking) => input.readers.every((c) => canRead(c, m));
  if (!session || !exercise.baselineRunId) return undefined;
  const baseline = await getRun(db, exercise.baselineRunId);
  if (!baseline || baseline.status !== 'done' || !readable(baseline.marking)) return undefined;
  for (const o of outcomes) {
    if (o.sessionId !== session.id || !readable(o.marking)) continue;
    const run = await getRun(db, o.runId);
    if (!run || run.status !== 'done' || !readable(run.marking)) continue;
    included.push(baseline.marking, run.marking, o.marking);
    const c = compareScenarios([
      { label: 'original', result: baseline.result as ScenarioRunOutput },
      { label: 'decisions', result: run.result as ScenarioRunOutput },
    ]);
    const rows: (string | number | null)[][] = [
      ...c.totals.map((x) => [
        words.metrics[x.metric][lang],
        num(x.values[0].value, 0),
        num(x.values[1].value, 0),
      ]),
      ...c.economy
        .filter((x) => x.values.every((v) => v !== null))
        .map((x) => [words.metrics[x.metric][lang], num(x.values[0]!.value), num(x.values[1]!.value)]),
    ];
    return {
      heading: words.outcomes[lang],
      text: o.notes.map((n) => n[lang]),
      table: { columns: [words.metric[lang], words.before[lang], words.after[lang]], rows },
    };
  }
  return undefined;
}

function groupBy<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}
