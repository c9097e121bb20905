import { ChokepointError } from '../../errors.ts';
import { joinMarkings, markingLevelNames, type Marking } from '../../analysis/marking.ts';
import { zoneLabel } from '../../analysis/zones/zone.ts';
import { describeCondition } from '../../analysis/zones/rules.ts';
import { indicatorLabels, indicatorNames, type IndicatorName } from '../../analysis/zones/indicators.ts';
import { policyFamilyNames, policyRiskNames } from '../../analysis/policy/measures.ts';
import { countryByIso3, countryName } from '../reference/countries.ts';
import { exposureReport } from '../maritime/exposureReport.ts';
import { listAlerts } from '../ews/ewsState.ts';
import type { Reader } from '../security/readContext.ts';
import { getScenario, listRuns, listScenarios } from '../scenario/scenarioStore.ts';
import {
  assessZones,
  type AssessedEntry,
  type Note,
  type TechServices,
  type ZoneRequest,
} from './zoneAssessment.ts';

/**
 * The dossier of one critical good or technology (PRODUCT.md §3.8): zone and the rule that placed it, the
 * indicators behind it, patents, trade, the dependence screen per HS6 code, maritime chokepoints of its imports,
 * suggested and applied measures, and the sources — as a neutral document model (sections of text and tables)
 * that the PDF and XLSX writers render. The marking is the join of everything it draws on and goes on every page.
 */
export type Lang = 'ja' | 'en';

export interface DossierTable {
  columns: string[];
  rows: (string | number | null)[][];
}

export interface DossierSection {
  heading: string;
  text?: string[];
  table?: DossierTable;
}

export interface Dossier {
  entryId: string;
  lang: Lang;
  title: string;
  reporter: string;
  generatedAt: string;
  marking: Marking;
  /** "取扱注意 (restricted)" plus compartments and releasability, for headers and footers. */
  markingText: string;
  synthetic: boolean;
  sections: DossierSection[];
  /** Printed across every page (a signed link's recipient, issue 24), when set. */
  watermark?: string;
}

export function markingText(m: Marking, lang: Lang): string {
  const names = markingLevelNames[m.level];
  const parts = [lang === 'ja' ? `${names.ja} (${names.en})` : `${names.en.toUpperCase()} (${names.ja})`];
  if (m.compartments.length)
    parts.push(`${lang === 'ja' ? '区画' : 'compartments'}: ${m.compartments.join(', ')}`);
  if (m.releasableTo)
    parts.push(`${lang === 'ja' ? '開示先' : 'releasable to'}: ${m.releasableTo.join(', ') || '—'}`);
  return parts.join(' / ');
}

const words = {
  title: { ja: '重要物資・技術ドシエ', en: 'Critical good / technology dossier' },
  reporter: { ja: '分析対象国', en: 'Reporter' },
  generated: { ja: '作成日時', en: 'Generated' },
  zone: { ja: '領域と判定規則', en: 'Zone and the rule that placed it' },
  indicators: { ja: '指標', en: 'Indicators' },
  indicator: { ja: '指標', en: 'indicator' },
  value: { ja: '値', en: 'value' },
  rules: { ja: '評価した規則', en: 'Rules tried' },
  patents: { ja: '特許(技術力)', en: 'Patents (capability)' },
  trade: { ja: '貿易(輸出・比較優位)', en: 'Trade (exports, comparative advantage)' },
  screen: { ja: 'サプライチェーン分析(輸入依存)', en: 'Supply-chain screen (import dependence)' },
  maritime: { ja: '海上チョークポイント', en: 'Maritime chokepoints' },
  measures: { ja: '施策', en: 'Policy measures' },
  applied: { ja: '実施中・予定の施策', en: 'Measures applied' },
  sources: { ja: '出典', en: 'Sources' },
  scenarios: { ja: 'シナリオ', en: 'Scenarios' },
  alerts: { ja: '早期警戒の警報', en: 'Early-warning alerts' },
  none: { ja: 'なし', en: 'none' },
  country: { ja: '国・地域', en: 'country' },
  share: { ja: 'シェア', en: 'share' },
  year: { ja: '年', en: 'year' },
} satisfies Record<string, Record<Lang, string>>;

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;
const fixed = (x: number | null | undefined, d = 2) => (x === null || x === undefined ? '—' : x.toFixed(d));

function country(iso3: string | null, lang: Lang): string {
  if (!iso3) return '—';
  const c = countryByIso3(iso3);
  return c ? `${countryName(c, lang)} (${iso3})` : iso3;
}

function indicatorValue(name: IndicatorName, v: number | boolean | null): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? 'yes / はい' : 'no / いいえ';
  if (
    [
      'patentShare',
      'worldPatentGrowth',
      'patentGrowthVsAll',
      'patentTopShare',
      'exportShare',
      'worldExportTopShare',
      'topSupplierShare',
    ].includes(name)
  )
    return pct(v);
  if (['patentRank', 'patentCountriesTo75', 'screenFlags'].includes(name)) return String(v);
  return fixed(v, name === 'worldExportHhi' || name === 'importHhi' || name === 'rtaTrend' ? 3 : 2);
}

export function dossierSections(
  e: AssessedEntry,
  lang: Lang,
  extra: {
    maritime?: DossierSection;
    related?: DossierSection[];
    notes: Note[];
    provenance: { dataset: string; title: string; publisher: string; version: string; synthetic: boolean }[];
  },
): DossierSection[] {
  const w = (k: keyof typeof words) => words[k][lang];
  const sections: DossierSection[] = [];
  const zoneLines = [`${zoneLabel(e.zone, lang)}`];
  if (e.override) {
    zoneLines.push(
      lang === 'ja'
        ? `分析者による変更: ${e.override.createdBy ?? '?'} (${e.override.createdAt.slice(0, 10)}) 理由: ${e.override.reason}。規則による判定: ${zoneLabel(e.classification.zone, lang)}`
        : `Analyst override by ${e.override.createdBy ?? '?'} (${e.override.createdAt.slice(0, 10)}), reason: ${e.override.reason}. The rules gave: ${zoneLabel(e.classification.zone, lang)}`,
    );
  }
  zoneLines.push(
    e.classification.rule
      ? `${lang === 'ja' ? '規則' : 'Rule'} ${e.classification.rule.id}: ${e.classification.rule.label[lang]}`
      : lang === 'ja'
        ? 'どの規則も成立しませんでした(分析者が判断)。'
        : 'No rule held (an analyst decides).',
  );
  sections.push({ heading: w('zone'), text: zoneLines });
  sections.push({
    heading: w('rules'),
    table: {
      columns: [
        lang === 'ja' ? '規則' : 'rule',
        lang === 'ja' ? '領域' : 'zone',
        lang === 'ja' ? '結果' : 'result',
        lang === 'ja' ? '条件(値 比較 閾値)' : 'conditions (value op threshold)',
      ],
      rows: e.classification.trace.map((r) => [
        r.ruleId,
        zoneLabel(r.zone, lang),
        r.fired ? (lang === 'ja' ? '成立' : 'fired') : lang === 'ja' ? '不成立' : 'not met',
        r.conditions.map(describeCondition).join('; '),
      ]),
    },
  });
  sections.push({
    heading: w('indicators'),
    table: {
      columns: [w('indicator'), 'id', w('value')],
      rows: indicatorNames.map((n) => [indicatorLabels[n][lang], n, indicatorValue(n, e.indicators[n])]),
    },
  });
  if (e.patents) {
    const p = e.patents;
    sections.push({
      heading: w('patents'),
      text: [
        `${p.source}/${p.fields.join('+')}, ${p.years[0]}–${p.lastYear}: ${lang === 'ja' ? '自国' : 'reporter'} ${p.reporterCount.toFixed(0)} / ${lang === 'ja' ? '世界' : 'world'} ${p.worldCount.toFixed(0)}`,
        `RTA: ${p.rtaByYear.map((r) => `${r.year} ${fixed(r.rta)}`).join(', ')}`,
        `${lang === 'ja' ? '首位' : 'leader'}: ${p.leaderByYear.map((l) => `${l.year} ${l.country ?? '—'}`).join(', ')}`,
      ],
      table: {
        columns: [w('country'), w('share')],
        rows: p.concentration.top.map((t) => [country(t.country, lang), pct(t.share)]),
      },
    });
  }
  if (e.trade) {
    const t = e.trade;
    sections.push({
      heading: w('trade'),
      text: [
        `${w('year')} ${t.year}, HS${t.productDigits}: ${t.basket.join(', ')}${t.coverage === 'dataset-products' ? (lang === 'ja' ? '(データセット内の品目のみで比較)' : ' (compared within the dataset’s products only)') : ''}`,
        `RCA ${fixed(e.indicators.rca)}; ${lang === 'ja' ? '世界輸出シェア' : 'world export share'} ${pct(e.indicators.exportShare)}; HHI ${fixed(t.concentration.hhi, 3)}`,
      ],
      table: {
        columns: [w('country'), w('share')],
        rows: t.concentration.top.map((x) => [country(x.country, lang), pct(x.share)]),
      },
    });
  }
  if (e.screen) {
    sections.push({
      heading: w('screen'),
      text: [
        `${w('year')} ${e.screen.year}: ${lang === 'ja' ? '輸入額' : 'imports'} ${(e.screen.importValueUsd / 1e6).toFixed(1)} M USD; ${lang === 'ja' ? '該当手法' : 'methods flagged'}: ${e.screen.methodsFlagged.join(', ') || w('none')}`,
      ],
      table: {
        columns: [
          'HS6',
          lang === 'ja' ? '輸入額 (百万USD)' : 'imports (M USD)',
          'HHI',
          lang === 'ja' ? '最大輸入先' : 'top supplier',
          w('share'),
          'M/X',
          lang === 'ja' ? '該当' : 'flags',
        ],
        rows: e.screen.items.map((i) => [
          i.hs6,
          (i.importValueUsd / 1e6).toFixed(1),
          fixed(i.hhi, 3),
          country(i.topSupplier, lang),
          pct(i.topShare),
          i.noExports ? (lang === 'ja' ? '輸出なし' : 'no exports') : fixed(i.importExportRatio),
          Object.entries(i.flags)
            .filter(([, f]) => f)
            .map(([m]) => m)
            .join(', '),
        ]),
      },
    });
  }
  if (extra.maritime) sections.push(extra.maritime);
  sections.push({
    heading: w('measures'),
    table: {
      columns: [
        lang === 'ja' ? '施策' : 'measure',
        lang === 'ja' ? '分類' : 'family',
        lang === 'ja' ? '理由' : 'why',
      ],
      rows: e.suggested.map((s) => [
        s.measure.name[lang],
        policyFamilyNames[s.measure.family][lang],
        [s.becauseZone ? zoneLabel(e.zone, lang) : '', ...s.becauseRisks.map((r) => policyRiskNames[r][lang])]
          .filter(Boolean)
          .join(', '),
      ]),
    },
  });
  sections.push({
    heading: w('applied'),
    ...(e.applied.length
      ? {
          table: {
            columns: [
              lang === 'ja' ? '施策' : 'measure',
              lang === 'ja' ? '状況' : 'status',
              lang === 'ja' ? '開始' : 'since',
              lang === 'ja' ? '備考' : 'note',
            ],
            rows: e.applied.map((m) => [m.measureId, m.status, m.since, m.note]),
          },
        }
      : { text: [w('none')] }),
  });
  if (extra.related) sections.push(...extra.related);
  sections.push({
    heading: w('sources'),
    text: [
      ...extra.provenance.map(
        (p) =>
          `${p.title} — ${p.publisher}, dataset ${p.dataset}, version ${p.version}${p.synthetic ? ' — SYNTHETIC / 合成データ' : ''}`,
      ),
      ...extra.notes.map((n) => `${lang === 'ja' ? '注' : 'note'}: ${n[lang]}`),
      lang === 'ja'
        ? '方法: RTA (Soete & Wyatt 1983)、RCA (Balassa 1965)、集中度 (ASPI Critical Technology Tracker)、3領域 (経済産業省 経済安全保障に関する産業・技術基盤強化アクションプラン改訂版, 2024年5月)。'
        : 'Methods: RTA (Soete & Wyatt 1983), RCA (Balassa 1965), concentration (ASPI Critical Technology Tracker), three zones (METI action plan on the industrial and technology base for economic security, May 2024).',
    ],
  });
  return sections;
}

/** Maritime exposure of the entry's imports by passage, when a sea network and trade are present. */
async function maritimeSection(
  services: TechServices,
  e: AssessedEntry,
  reporter: string,
  lang: Lang,
  notes: Note[],
): Promise<DossierSection | undefined> {
  if (!e.screen || e.screen.items.length === 0) return undefined;
  const byPassage = new Map<string, { value: number; name: { ja: string; en: string } }>();
  let total = 0;
  try {
    for (const item of e.screen.items) {
      const r = await exposureReport(services, { reporter, year: e.screen.year, hs: item.hs6 });
      total += r.totalValueKusd;
      for (const p of r.passages) {
        const cur = byPassage.get(p.passage) ?? {
          value: 0,
          name: r.passageNames[p.passage] ?? { ja: p.passage, en: p.passage },
        };
        cur.value += p.valueKusd;
        byPassage.set(p.passage, cur);
      }
    }
  } catch (error) {
    if (!(error instanceof ChokepointError)) throw error;
    notes.push({
      ja: `海上チョークポイントは省略: ${error.message}`,
      en: `maritime chokepoints left out: ${error.message}`,
    });
    return undefined;
  }
  return {
    heading:
      lang === 'ja'
        ? '海上チョークポイント(輸入額に占める通過割合)'
        : 'Maritime chokepoints (share of import value passing)',
    table: {
      columns: [lang === 'ja' ? '海峡・運河' : 'passage', lang === 'ja' ? '割合' : 'share of imports'],
      rows: [...byPassage.entries()]
        .sort((a, b) => b[1].value - a[1].value)
        .map(([, p]) => [p.name[lang], pct(total > 0 ? p.value / total : null)]),
    },
  };
}

/** Whether an HS code of an alert or scenario (HS2–HS6) and one of the entry's HS6 codes denote overlapping goods. */
function hsOverlaps(code: string, hs6: readonly string[]): boolean {
  return hs6.some((c) => c.startsWith(code) || code.startsWith(c));
}

/**
 * Early-warning alerts of the reporter on the entry's HS codes, and saved scenarios whose current definition names
 * one of its HS6 codes (or their HS4 headings), with their latest run. Their markings join the dossier's.
 */
async function relatedSections(
  services: TechServices,
  e: AssessedEntry,
  reporter: string,
  lang: Lang,
  alertReader?: Reader,
): Promise<{ sections: DossierSection[]; markings: Marking[] }> {
  const markings: Marking[] = [];
  const sections: DossierSection[] = [];
  const none = words.none[lang];
  if (e.entry.hs6.length === 0) return { sections, markings };
  const alerts = (
    await listAlerts(services.state, { reporter, reader: alertReader }, 1, 500)
  ).items.filter((a) => hsOverlaps(a.hs, e.entry.hs6));
  markings.push(...alerts.map((a) => a.marking));
  sections.push({
    heading: words.alerts[lang],
    ...(alerts.length
      ? {
          table: {
            columns: [
              lang === 'ja' ? '期間' : 'period',
              'HS',
              lang === 'ja' ? '相手国' : 'partner',
              lang === 'ja' ? '水準' : 'level',
              lang === 'ja' ? '状態' : 'status',
              lang === 'ja' ? '説明' : 'explanation',
            ],
            rows: alerts.map((a) => [a.period, a.hs, a.partner, a.level, a.status, a.explanation[lang]]),
          },
        }
      : { text: [none] }),
  });
  const codes = [...new Set(e.entry.hs6.flatMap((c) => [c, c.slice(0, 4)]))];
  const scenarios: (string | number | null)[][] = [];
  for (const s of (await listScenarios(services.state, undefined, { limit: 500, offset: 0 })).items) {
    const record = await getScenario(services.state, s.id);
    if (!record || !codes.some((c) => new RegExp(`(^|\\D)${c}(\\D|$)`).test(record.text))) continue;
    const [run] = await listRuns(services.state, s.id);
    markings.push(s.marking, ...(run ? [run.marking] : []));
    scenarios.push([
      lang === 'ja' ? (s.nameJa ?? s.name) : s.name,
      s.version,
      run ? `${run.status} (${run.createdAt.slice(0, 10)})` : '—',
    ]);
  }
  sections.push({
    heading: words.scenarios[lang],
    ...(scenarios.length
      ? {
          table: {
            columns: [
              lang === 'ja' ? 'シナリオ' : 'scenario',
              lang === 'ja' ? '版' : 'version',
              lang === 'ja' ? '最新の実行' : 'latest run',
            ],
            rows: scenarios,
          },
        }
      : { text: [none] }),
  });
  return { sections, markings };
}

export async function buildDossier(
  services: TechServices,
  /** alertReader: who reads (API); alerts the reader may not read are left out, not joined. */
  request: ZoneRequest & { entry: string; lang: Lang; alertReader?: Reader },
): Promise<Dossier> {
  const assessment = await assessZones(services, { ...request, entries: [request.entry] });
  const e = assessment.entries[0];
  const notes = [...assessment.notes];
  const maritime = await maritimeSection(services, e, assessment.reporter, request.lang, notes);
  const related = await relatedSections(
    services,
    e,
    assessment.reporter,
    request.lang,
    request.alertReader,
  );
  const provenance = assessment.provenance.map((p) => ({
    dataset: p.dataset,
    title: p.title,
    publisher: p.publisher,
    version: p.version,
    synthetic: p.synthetic,
  }));
  const marking = joinMarkings([e.marking, assessment.marking, ...related.markings]);
  const l = request.lang;
  return {
    entryId: e.entry.id,
    lang: l,
    title: `${words.title[l]}: ${e.entry.name[l]}`,
    reporter: country(assessment.reporter, l),
    generatedAt: new Date().toISOString(),
    marking,
    markingText: markingText(marking, l),
    synthetic: provenance.some((p) => p.synthetic),
    sections: [
      {
        heading: `${words.reporter[l]}: ${country(assessment.reporter, l)} — ${words.generated[l]}: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        text: [
          `${e.entry.kind === 'good' ? (l === 'ja' ? '特定重要物資' : 'specified critical good') : l === 'ja' ? '重要技術' : 'critical technology'}: ${e.entry.id}${e.entry.hs6.length ? ` — HS ${e.entry.hs6.join(', ')}` : ''}`,
        ],
      },
      ...dossierSections(e, l, { maritime, related: related.sections, notes, provenance }),
    ],
  };
}
