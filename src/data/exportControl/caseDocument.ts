import {
  markingText,
  type Dossier,
  type DossierSection,
  type DossierTable,
  type Lang,
} from '../tech/dossier.ts';
import type { CaseEvent, ExportControlCase } from './caseStore.ts';
import type { ScreenMatch, ScreenResult } from './screeningService.ts';
import type { ExportCheckResult } from './exportCheckService.ts';
import type { CircumventionResult } from './circumventionMonitor.ts';
import type { PriorReportResult } from './priorReports.ts';
import { reviewOutcomes } from '../../analysis/exportControl/priorReport.ts';

/**
 * An export-control case as a document (issue 20: "PDF/XLSX export in Japanese and English"): what it is about, its
 * status and assignee, its result as kept (hits with why they matched, the rule path of a check, the countries of
 * a circumvention report), its trail and its sources — in the tech dossier's document model, which the PDF and
 * XLSX writers render with the case's marking on every page. The result is the JSON the case kept, read here
 * field by field with defaults, so that a case of an older shape still prints.
 */
type Bilingual = { ja: string; en: string };

const words = {
  title: { ja: '輸出管理 案件', en: 'Export-control case' },
  summary: { ja: '概要', en: 'Summary' },
  subject: { ja: '照会内容', en: 'Subject' },
  result: { ja: '結果', en: 'Result' },
  trail: { ja: '履歴', en: 'Trail' },
  sources: { ja: '出典', en: 'Sources' },
  none: { ja: 'なし', en: 'none' },
  kind: { ja: '種類', en: 'Kind' },
  status: { ja: '状態', en: 'Status' },
  assignee: { ja: '担当者', en: 'Assignee' },
  created: { ja: '作成', en: 'Opened' },
  updated: { ja: '更新', en: 'Changed' },
  marking: { ja: '区分', en: 'Marking' },
  generated: { ja: '作成日時', en: 'Generated' },
  list: { ja: 'リスト(版)', en: 'list (version)' },
  entry: { ja: '掲載者', en: 'entry' },
  score: { ja: 'スコア', en: 'score' },
  countries: { ja: '国', en: 'countries' },
  hitStatus: { ja: '判断', en: 'status' },
  why: { ja: '一致の理由', en: 'why it matched' },
  line: { ja: '行', en: 'line' },
  party: { ja: '取引先', en: 'party' },
  verdict: { ja: '判定', en: 'Verdict' },
  outcome: { ja: '結果', en: 'outcome' },
  reason: { ja: '理由', en: 'reason' },
  citation: { ja: '根拠', en: 'citation' },
  questions: { ja: '明らかガイドラインの確認事項', en: 'Questions of the clear-evidence guideline' },
  informs: { ja: '該当するインフォーム', en: 'Inform notices that apply' },
  endUser: { ja: '需要者の照合', en: 'End-user screening' },
  country: { ja: '第三国', en: 'third country' },
  flagged: { ja: '該当', en: 'flagged' },
  fromSources: { ja: '供給元からの輸入(米ドル)', en: 'imports from the sources (USD)' },
  toTarget: { ja: '対象国への輸出(米ドル)', en: 'exports to the target (USD)' },
  growth: { ja: '伸び率', en: 'growth' },
  passThrough: { ja: '通過率', en: 'pass-through' },
  when: { ja: '日時', en: 'when' },
  action: { ja: '操作', en: 'action' },
  actor: { ja: '実施者', en: 'by' },
  detail: { ja: '詳細', en: 'details' },
  yes: { ja: 'はい', en: 'yes' },
  reviews: { ja: '審査', en: 'Reviews' },
  conditions: { ja: '条件', en: 'conditions' },
  no: { ja: 'いいえ', en: 'no' },
  method: {
    ja: '名称照合：正規化した名称の語と文字の類似度、別名・国・識別番号の一致(yente logic-v2 に準拠)',
    en: 'party matching: token and character similarity of normalised names, alias, country and identifier agreement (anchored on yente logic-v2)',
  },
  kinds: {
    'party-screening': { ja: '取引先スクリーニング', en: 'party screening' },
    'batch-screening': { ja: '一括スクリーニング', en: 'batch screening' },
    'transaction-check': { ja: '取引審査', en: 'transaction check' },
    'circumvention-report': { ja: '迂回輸出レポート', en: 'circumvention report' },
    'technology-register': { ja: '技術管理台帳', en: 'technology register' },
    'prior-report': { ja: '事前報告', en: 'prior report' },
  },
  statuses: {
    open: { ja: '未着手', en: 'open' },
    'in-review': { ja: '審査中', en: 'in review' },
    escalated: { ja: '上申中', en: 'escalated' },
    closed: { ja: '完了', en: 'closed' },
  },
  hitStatuses: {
    open: { ja: '未判断', en: 'open' },
    confirmed: { ja: '該当', en: 'match' },
    escalated: { ja: '上申中', en: 'escalated' },
    dismissed: { ja: '非該当', en: 'no match' },
  },
  verdicts: {
    'licence-required': { ja: '許可が必要', en: 'licence required' },
    'catch-all-check': { ja: 'キャッチオール確認が必要', en: 'catch-all check required' },
    'no-requirement': { ja: '許可不要', en: 'no licence requirement' },
    info: { ja: '注記', en: 'note' },
  },
};

const fixed = (v: number, digits: number) => Number(v.toFixed(digits));
const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? null : `${fixed(v * 100, 1)} %`;

/** Every subject field as "name: value" lines (values as JSON unless text). */
function fieldLines(subject: unknown): string[] {
  if (!subject || typeof subject !== 'object') return [];
  return Object.entries(subject as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
}

function matchTable(matches: readonly ScreenMatch[], t: (b: Bilingual) => string, lang: Lang): DossierTable {
  return {
    columns: [
      t(words.list),
      t(words.entry),
      t(words.score),
      t(words.countries),
      t(words.hitStatus),
      t(words.why),
    ],
    rows: matches.map((m) => [
      `${m.list} (${m.listVersion})`,
      m.name,
      fixed(m.score, 3),
      m.countries.join(', '),
      t(words.hitStatuses[m.state?.status ?? 'open']) +
        (m.state?.decision ? ` — ${m.state.decision.reason}` : ''),
      m.explanation.map((e) => `${e[lang]} (${fixed(e.value, 2)})`).join('; '),
    ]),
  };
}

function screeningSections(
  r: Partial<ScreenResult>,
  t: (b: Bilingual) => string,
  lang: Lang,
): DossierSection[] {
  const matches = r.matches ?? [];
  return [
    matches.length
      ? { heading: t(words.result), table: matchTable(matches, t, lang) }
      : { heading: t(words.result), text: [t(words.none)] },
  ];
}

function batchSections(
  r: { parties?: number; withMatches?: number; hits?: (ScreenResult & { line: number })[] },
  t: (b: Bilingual) => string,
  lang: Lang,
): DossierSection[] {
  const hits = r.hits ?? [];
  const summary =
    lang === 'ja'
      ? `${r.parties ?? 0} 件を照合、${r.withMatches ?? 0} 件に該当候補あり。`
      : `${r.parties ?? 0} parties screened, ${r.withMatches ?? 0} with hits.`;
  return [
    {
      heading: t(words.result),
      text: [summary],
      table: hits.length
        ? {
            columns: [
              t(words.line),
              t(words.party),
              t(words.list),
              t(words.entry),
              t(words.score),
              t(words.hitStatus),
            ],
            rows: hits.flatMap((h) =>
              h.matches.map((m) => [
                h.line,
                h.query.name,
                `${m.list} (${m.listVersion})`,
                m.name,
                fixed(m.score, 3),
                t(words.hitStatuses[m.state?.status ?? 'open']),
              ]),
            ),
          }
        : undefined,
    },
  ];
}

function checkSections(
  r: Partial<ExportCheckResult>,
  t: (b: Bilingual) => string,
  lang: Lang,
): DossierSection[] {
  const sections: DossierSection[] = [
    {
      heading: t(words.verdict),
      text: [
        `${r.verdict ? t(words.verdicts[r.verdict]) : '—'}: ${r.item ?? ''} → ${r.destination ?? ''}${r.endUser ? ` (${r.endUser})` : ''}${r.endUse ? `, ${r.endUse}` : ''}`,
      ],
      table: {
        columns: [t(words.outcome), t(words.reason), t(words.citation)],
        rows: (r.reasons ?? []).map((x) => [t(words.verdicts[x.outcome]), x[lang], x.citation]),
      },
    },
  ];
  if (r.questions?.length)
    sections.push({
      heading: t(words.questions),
      text: r.questions.map((q, i) => `${i + 1}. ${q[lang]} (${q.source})`),
    });
  if (r.informs?.length)
    sections.push({
      heading: t(words.informs),
      text: r.informs.map(
        (n) => `${n.reference} (${n.kind}, ${n.issuedOn}): ${n.why.map((w) => w[lang]).join('; ')}`,
      ),
    });
  if (r.endUser)
    sections.push({
      heading: t(words.endUser),
      ...(r.endUserMatches?.length
        ? { table: matchTable(r.endUserMatches, t, lang) }
        : { text: [t(words.none)] }),
    });
  return sections;
}

function circumventionSections(
  r: Partial<CircumventionResult & { target: string }>,
  t: (b: Bilingual) => string,
): DossierSection[] {
  const p = r.parameters;
  return [
    {
      heading: t(words.result),
      text: [
        `${r.target ?? ''} ← ${r.sources?.group ?? ''} (${r.sources?.members.join(', ') ?? ''})${p ? `, ${p.baseYear}→${p.year}` : ''}`,
        ...(r.productsWithoutFlows?.length ? [`HS6 —: ${r.productsWithoutFlows.join(', ')}`] : []),
      ],
      table: {
        columns: [
          t(words.country),
          t(words.flagged),
          `${t(words.fromSources)} ${p?.baseYear ?? ''}`,
          `${p?.year ?? ''}`,
          t(words.growth),
          `${t(words.toTarget)} ${p?.baseYear ?? ''}`,
          `${p?.year ?? ''}`,
          t(words.growth),
          t(words.passThrough),
        ],
        rows: (r.countries ?? []).map((c) => [
          c.country,
          t(c.flagged ? words.yes : words.no),
          Math.round(c.fromSources.base),
          Math.round(c.fromSources.later),
          percent(c.fromSources.growth),
          Math.round(c.toTarget.base),
          Math.round(c.toTarget.later),
          percent(c.toTarget.growth),
          percent(c.passThrough),
        ]),
      },
    },
  ];
}

function priorReportSections(
  r: Partial<PriorReportResult>,
  t: (b: Bilingual) => string,
  lang: Lang,
): DossierSection[] {
  return [
    ...(r.check ? checkSections(r.check, t, lang) : []),
    {
      heading: t(words.reviews),
      table: {
        columns: [t(words.when), t(words.outcome), t(words.reason), t(words.conditions), t(words.actor)],
        rows: (r.reviews ?? []).map((v) => [
          v.at,
          t(reviewOutcomes[v.outcome]),
          v.reason,
          v.conditions.join('; '),
          v.by,
        ]),
      },
    },
  ];
}

/** The datasets a case's result read, as "title or id, version" lines. */
function sourceLines(c: ExportControlCase, lang: Lang): { lines: string[]; synthetic: boolean } {
  const r = (c.result ?? {}) as Record<string, unknown>;
  const method = words.method[lang];
  if (c.kind === 'party-screening' || c.kind === 'batch-screening') {
    const lists =
      (r as Partial<ScreenResult>).lists ?? (r as { hits?: Partial<ScreenResult>[] }).hits?.[0]?.lists ?? [];
    return { lines: [...lists.map((l) => `list-${l.list}, ${l.version}`), method], synthetic: false };
  }
  if (c.kind === 'transaction-check' || c.kind === 'prior-report')
    return {
      lines: (
        (c.kind === 'prior-report'
          ? (r as Partial<PriorReportResult>).check
          : (r as Partial<ExportCheckResult>)
        )?.sources ?? []
      ).map((s) => `${s.dataset}, ${s.version}`),
      synthetic: false,
    };
  if (c.kind === 'circumvention-report') {
    const p = (r as Partial<CircumventionResult>).provenance;
    return {
      lines: p ? [`${p.title} (${p.publisher}), ${p.dataset} ${p.version}`] : [],
      synthetic: Boolean(p?.synthetic),
    };
  }
  return { lines: [], synthetic: false };
}

export function caseDocument(c: ExportControlCase, events: readonly CaseEvent[], lang: Lang): Dossier {
  const t = (b: Bilingual) => b[lang];
  const marked = markingText(c.marking, lang);
  const sections: DossierSection[] = [
    {
      heading: t(words.summary),
      text: [
        `${t(words.kind)}: ${t(words.kinds[c.kind])}`,
        `${t(words.status)}: ${t(words.statuses[c.status])}`,
        `${t(words.assignee)}: ${c.assignee ?? '—'}`,
        `${t(words.created)}: ${c.createdAt}${c.createdBy ? ` (${c.createdBy})` : ''}`,
        `${t(words.updated)}: ${c.updatedAt}`,
        `${t(words.marking)}: ${marked}`,
      ],
    },
  ];
  const subject = fieldLines(c.subject);
  if (subject.length) sections.push({ heading: t(words.subject), text: subject });
  const r = (c.result ?? {}) as never;
  if (c.kind === 'party-screening') sections.push(...screeningSections(r, t, lang));
  else if (c.kind === 'batch-screening') sections.push(...batchSections(r, t, lang));
  else if (c.kind === 'transaction-check') sections.push(...checkSections(r, t, lang));
  else if (c.kind === 'circumvention-report') sections.push(...circumventionSections(r, t));
  else if (c.kind === 'prior-report') sections.push(...priorReportSections(r, t, lang));
  else sections.push({ heading: t(words.result), text: [JSON.stringify(c.result ?? null)] });
  sections.push({
    heading: t(words.trail),
    table: {
      columns: [t(words.when), t(words.action), t(words.actor), t(words.detail)],
      rows: events.map((e) => [
        e.at,
        e.action,
        e.actor,
        Object.entries(e.detail)
          .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
          .join('; '),
      ]),
    },
  });
  const sources = sourceLines(c, lang);
  sections.push({ heading: t(words.sources), text: sources.lines.length ? sources.lines : [t(words.none)] });
  return {
    entryId: c.id,
    lang,
    title: `${t(words.title)}: ${c.title}`,
    reporter: '',
    generatedAt: new Date().toISOString(),
    marking: c.marking,
    markingText: marked,
    synthetic: sources.synthetic,
    sections,
  };
}
