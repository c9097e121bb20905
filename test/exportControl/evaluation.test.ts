import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PartyIndex } from '../../src/analysis/partyMatch/partyIndex.ts';
import type { PartyRecord } from '../../src/analysis/partyMatch/party.ts';
import { boundedEditDistance } from '../../src/analysis/partyMatch/similarity.ts';
import type { ListEntry } from '../../src/analysis/exportControl/listDelta.ts';
import { parseEndUserListCsv } from '../../src/data/exportControl/listFormats/metiEndUserList.ts';
import { parseSpecifiedEntitiesCsv } from '../../src/data/exportControl/listFormats/metiSpecifiedEntities.ts';
import { parseMofcomJson } from '../../src/data/exportControl/listFormats/mofcomJson.ts';
import { parseFollowTheMoney } from '../../src/data/exportControl/listFormats/followTheMoney.ts';
import { sharedData } from '../helpers/tmp.ts';

/**
 * The labelled set (docs/export-control.md): queries built here from the real list entries by the changes people
 * make when they write a name — each change written out in this file, independently of the matcher — plus
 * near-miss non-matches. Precision and recall of the matcher at its default threshold (0.70) are compared with
 * plain exact matching and plain Levenshtein similarity (1 − d / longer length ≥ 0.70) on the same set.
 * `EVAL_PRINT=1` prints the table recorded in the docs.
 */
const dir = path.join(sharedData, 'export-control');
const eul = parseEndUserListCsv(path.join(dir, 'meti_end_user_list_2025-09-29.csv'));
const russia = parseSpecifiedEntitiesCsv(
  path.join(dir, 'meti-russia-lists', 'meti_russia_belarus_third_country_specified_entities_2025-09-12.csv'),
);
const mofcom = parseMofcomJson(path.join(dir, 'cn_mofcom_lists_2026-07-19.json'));
// FtM entities indexed with their Latin names only, so that the Cyrillic names are real transliteration queries.
const ftm = parseFollowTheMoney(path.join(dir, 'opensanctions_ftm_sample_entities.ndjson')).entries.map(
  (e) => ({
    ...e,
    names: e.names.filter((n) => /^[\p{Script=Latin}\p{N}\p{P}\p{Z}\p{S}]+$/u.test(n)),
  }),
);
const lists: [string, ListEntry[]][] = [
  ['meti-eul', eul],
  ['meti-russia', russia],
  ['cn-mofcom', mofcom],
  ['ftm', ftm],
];
const records: PartyRecord[] = lists.flatMap(([list, entries]) =>
  entries.map((e) => ({
    id: e.id,
    list,
    names: e.names,
    countries: e.countries,
    identifiers: e.identifiers,
  })),
);
const index = new PartyIndex(records);

type Category =
  | 'legal-form change'
  | 'typo'
  | 'word order'
  | 'half-width katakana'
  | 'hiragana'
  | 'traditional / simplified / shinjitai'
  | 'full-width Latin'
  | 'alias'
  | 'Cyrillic transliteration'
  | 'near miss';
interface Case {
  category: Category;
  query: string;
  /** The entry the query was made from (a near miss must not match it). */
  entry: string;
  positive: boolean;
}

// Deterministic choice: every n-th entry that qualifies.
const every = <T>(xs: T[], n: number) => xs.filter((_, i) => i % n === 0);
const key = (list: string, id: string) => `${list}/${id}`;
const latinName = (e: ListEntry) => e.names.find((n) => /^[\x20-\x7e]+$/.test(n));

const legalForms: [RegExp, string][] = [
  [/,?\s*Co\.,?\s*Ltd\.?$/i, ' Corporation'],
  [/\s+Limited$/i, ' Ltd.'],
  [/\s+LLC$/i, ' Co., Ltd.'],
  [/\s+Corporation$/i, ' Co., Ltd.'],
  [/\s+Company$/i, ' Corp.'],
  [/\s+Inc\.?$/i, ' Corporation'],
  [/\s+JSC$/i, ' Joint Stock Company'],
];
function changeLegalForm(name: string): string | undefined {
  for (const [from, to] of legalForms) if (from.test(name)) return name.replace(from, to);
  return undefined;
}

/** Swaps two letters in the middle of the longest word of 7+ letters. */
function typo(name: string): string | undefined {
  const words = name.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (!/^[A-Za-z]{7,}$/.test(longest)) return undefined;
  const i = Math.floor(longest.length / 2);
  const changed = longest.slice(0, i) + longest[i + 1] + longest[i] + longest.slice(i + 2);
  return changed === longest ? undefined : words.map((w) => (w === longest ? changed : w)).join(' ');
}

function swapWords(name: string): string | undefined {
  const words = name.split(' ');
  if (words.length < 3 || /[()（）]/.test(name)) return undefined;
  return [words[1], words[0], ...words.slice(2)].join(' ');
}

// Half-width katakana written out from the JIS X 0201 chart; voiced and semi-voiced marks as separate characters.
const full =
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー';
const half = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ';
const voiced = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボ';
const voicedBase = 'カキクケコサシスセソタチツテトハヒフヘホ';
const semi = 'パピプペポ';
function halfWidthKana(text: string): string | undefined {
  let out = '';
  for (const c of text) {
    const v = voiced.indexOf(c);
    const s = semi.indexOf(c);
    if (v >= 0) out += half[full.indexOf(voicedBase[v])] + 'ﾞ';
    else if (s >= 0) out += half[full.indexOf('ハヒフヘホ'[s])] + 'ﾟ';
    else if (full.includes(c)) out += half[full.indexOf(c)];
    else if (c === 'ヴ') out += 'ｳﾞ';
    else out += c;
  }
  return out === text ? undefined : out;
}

/** Katakana → hiragana: the two blocks are 0x60 apart (ァ U+30A1 → ぁ U+3041), the long-vowel mark stays. */
function hiragana(text: string): string | undefined {
  if (!/^[\u30a1-\u30f6ー・]+$/.test(text)) return undefined;
  return [...text]
    .map((c) => (c >= '\u30a1' && c <= '\u30f6' ? String.fromCharCode(c.charCodeAt(0) - 0x60) : c))
    .join('');
}

// Character variants written out by hand: simplified → traditional, and Japanese shinjitai → traditional.
const toTraditional: Record<string, string> = {
  学: '學',
  国: '國',
  业: '業',
  業: '業',
  会: '會',
  电: '電',
  東: '東',
  东: '東',
  华: '華',
  团: '團',
  长: '長',
  门: '門',
  飞: '飛',
  导: '導',
  弹: '彈',
  体: '體',
  实: '實',
  验: '驗',
  动: '動',
  联: '聯',
  连: '連',
  連: '連',
  机: '機',
  発: '發',
  发: '發',
  术: '術',
  術: '術',
  经: '經',
  経: '經',
  济: '濟',
  産: '產',
  产: '產',
  开: '開',
  总: '總',
  厂: '廠',
  车: '車',
  重: '重',
  气: '氣',
  気: '氣',
  广: '廣',
  広: '廣',
  铁: '鐵',
  鉄: '鐵',
  钢: '鋼',
  线: '線',
  无: '無',
  兴: '興',
  织: '織',
  设: '設',
  备: '備',
  处: '處',
  计: '計',
  划: '劃',
  际: '際',
  际际: '際',
  贸: '貿',
  易: '易',
  业务: '業務',
  电子: '電子',
  储: '儲',
  从: '從',
  应: '應',
  図: '圖',
  图: '圖',
  边: '邊',
  辺: '邊',
  区: '區',
  県: '縣',
  县: '縣',
  内: '內',
  軍: '軍',
  军: '軍',
  兵: '兵',
  器: '器',
  航: '航',
  天: '天',
  空: '空',
  测: '測',
  測: '測',
  试: '試',
  试验: '試驗',
  研: '研',
  究: '究',
  核: '核',
};
function traditional(text: string): string | undefined {
  const out = [...text].map((c) => toTraditional[c] ?? c).join('');
  return out === text ? undefined : out;
}

function fullWidthLatin(text: string): string | undefined {
  if (!/^[\x21-\x7e ]+$/.test(text)) return undefined;
  return [...text]
    .map((c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)))
    .join('');
}

function buildCases(): Case[] {
  const cases: Case[] = [];
  const add = (
    category: Category,
    query: string | undefined,
    list: string,
    e: ListEntry,
    positive = true,
  ) => {
    if (query) cases.push({ category, query, entry: key(list, e.id), positive });
  };
  for (const [list, entries] of lists.filter(([l]) => l !== 'ftm')) {
    const latin = entries.filter((e) => latinName(e));
    for (const e of every(latin, 3)) add('legal-form change', changeLegalForm(latinName(e)!), list, e);
    for (const e of every(latin, 9)) add('typo', typo(latinName(e)!), list, e);
    for (const e of every(latin, 9)) add('word order', swapWords(latinName(e)!), list, e);
    for (const e of every(latin, 25)) add('full-width Latin', fullWidthLatin(latinName(e)!), list, e);
    for (const e of every(
      entries.filter((x) => x.names.length > 1),
      10,
    ))
      add('alias', e.names[e.names.length - 1], list, e);
    const han = entries.flatMap((e) => {
      const h = e.names
        .map(
          (n) =>
            /[（(]([\p{Script=Han}]+)[）)]\s*$/u.exec(n)?.[1] ??
            (/^[\p{Script=Han}]+$/u.test(n) ? n : undefined),
        )
        .find(Boolean);
      return h ? [{ e, h }] : [];
    });
    for (const { e, h } of every(han, 2))
      add('traditional / simplified / shinjitai', traditional(h), list, e);
    const kana = entries.flatMap((e) => {
      const k = e.names.find((n) => /^[\u30a1-\u30f6ー・]{4,}$/.test(n));
      return k ? [{ e, k }] : [];
    });
    for (const { e, k } of every(kana, 3)) add('half-width katakana', halfWidthKana(k), list, e);
    for (const { e, k } of every(kana, 5)) add('hiragana', hiragana(k), list, e);
  }
  for (const e of ftm) {
    const original = parseFollowTheMoney(
      path.join(dir, 'opensanctions_ftm_sample_entities.ndjson'),
    ).entries.find((x) => x.id === e.id)!;
    for (const n of original.names
      .filter((x) => /\p{Script=Cyrillic}/u.test(x) && !/[іўє]/i.test(x))
      .slice(0, 2))
      add('Cyrillic transliteration', n, 'ftm', e);
  }
  // Near misses: a multi-word Latin name with its rarest word replaced by the rarest word of another entry —
  // all the common words stay ("Iran … Industries") — kept only when no entry has that name.
  const known = new Set(records.flatMap((r) => r.names.map((n) => n.toLowerCase())));
  const df = new Map<string, number>();
  for (const r of records)
    for (const w of new Set(r.names.flatMap((n) => n.toLowerCase().split(/\W+/))))
      df.set(w, (df.get(w) ?? 0) + 1);
  const rarest = (name: string) =>
    name
      .split(' ')
      .filter((w) => /^[A-Za-z]{4,}$/.test(w))
      .sort(
        (a, b) => (df.get(a.toLowerCase()) ?? 0) - (df.get(b.toLowerCase()) ?? 0) || a.localeCompare(b),
      )[0];
  const multi = eul.filter((e) => /^[A-Za-z]+( [A-Za-z]+){2,}$/.test(e.names[0]));
  every(multi, 4).forEach((e, i) => {
    const donor = multi[(i * 7 + 3) % multi.length];
    const from = rarest(e.names[0]);
    const to = rarest(donor.names[0]);
    if (!from || !to || from.toLowerCase() === to.toLowerCase()) return;
    const query = e.names[0].replace(from, to);
    if (!known.has(query.toLowerCase())) add('near miss', query, 'meti-eul', e, false);
  });
  // Near misses from Japanese companies on MOFCOM's lists: the group's other companies are not listed.
  for (const [listed, other] of [
    ['Mitsubishi Electric Engineering Company, Limited', 'Mitsubishi Electric Corporation'],
    ['SUBARU Corporation', 'Subaru Telescope'],
    ['Sumitomo Heavy Industries, Ltd.', 'Sumitomo Electric Industries, Ltd.'],
  ]) {
    const e = mofcom.find((x) => x.names[0] === listed);
    if (e && !known.has(other.toLowerCase())) add('near miss', other, 'cn-mofcom', e, false);
  }
  return cases;
}

interface Outcome {
  /** The entries predicted to match, best first (empty: no match). */
  predicted: string[];
}

function matcher(c: Case): Outcome {
  const matches = index.screen({ id: 'q', names: [c.query] }, { limit: 5 });
  const top = matches[0]?.score;
  return { predicted: matches.filter((m) => m.score === top).map((m) => key(m.list, m.entryId)) };
}

const plain = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const plainNames = records.map((r) => ({ key: key(r.list!, r.id), names: r.names.map(plain) }));

function exact(c: Case): Outcome {
  const q = plain(c.query);
  return { predicted: plainNames.filter((r) => r.names.includes(q)).map((r) => r.key) };
}

function levenshtein(c: Case): Outcome {
  const q = plain(c.query);
  let best = 0;
  let predicted: string[] = [];
  for (const r of plainNames) {
    for (const n of r.names) {
      const length = Math.max(q.length, n.length);
      const max = Math.floor(length * 0.3);
      const d = boundedEditDistance(q, n, max);
      if (d > max) continue;
      const s = 1 - d / length;
      if (s > best) [best, predicted] = [s, [r.key]];
      else if (s === best && !predicted.includes(r.key)) predicted.push(r.key);
    }
  }
  return { predicted: best >= 0.7 ? predicted : [] };
}

interface Scores {
  tp: number;
  fp: number;
  positives: number;
  negatives: number;
}

function evaluate(
  cases: Case[],
  method: (c: Case) => Outcome,
): Scores & { byCategory: Map<Category, { right: number; n: number }> } {
  const s = {
    tp: 0,
    fp: 0,
    positives: 0,
    negatives: 0,
    byCategory: new Map<Category, { right: number; n: number }>(),
  };
  for (const c of cases) {
    const { predicted } = method(c);
    const cat = s.byCategory.get(c.category) ?? { right: 0, n: 0 };
    cat.n++;
    if (c.positive) {
      s.positives++;
      if (predicted.includes(c.entry)) {
        s.tp++;
        cat.right++;
      } else if (predicted.length) s.fp++;
    } else {
      s.negatives++;
      if (predicted.includes(c.entry) || (c.entry.startsWith('cn-mofcom') && predicted.length)) s.fp++;
      else cat.right++;
    }
    s.byCategory.set(c.category, cat);
  }
  return s;
}

const precision = (s: Scores) => s.tp / Math.max(1, s.tp + s.fp);
const recall = (s: Scores) => s.tp / Math.max(1, s.positives);

describe('matching evaluation on the real lists', () => {
  const cases = buildCases();
  const results = {
    'chokepoint matcher (threshold 0.70)': evaluate(cases, matcher),
    'exact (NFKC, case, spacing)': evaluate(cases, exact),
    'Levenshtein (1 − d/L ≥ 0.70)': evaluate(cases, levenshtein),
  };

  it('builds a labelled set covering every kind of variant', () => {
    const counts = new Map<string, number>();
    for (const c of cases) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
    for (const category of [
      'legal-form change',
      'typo',
      'word order',
      'half-width katakana',
      'hiragana',
      'traditional / simplified / shinjitai',
      'full-width Latin',
      'alias',
      'Cyrillic transliteration',
      'near miss',
    ])
      expect(counts.get(category) ?? 0, category).toBeGreaterThanOrEqual(3);
    expect(cases.filter((c) => c.positive).length).toBeGreaterThan(300);
  });

  it('finds more of the variants than exact or Levenshtein matching, with a precision at least as high', () => {
    const [ours, exactScores, lev] = Object.values(results);
    if (process.env.EVAL_PRINT) {
      const rows = Object.entries(results).map(
        ([name, s]) =>
          `| ${name} | ${precision(s).toFixed(3)} | ${recall(s).toFixed(3)} | ${s.tp} | ${s.fp} |`,
      );
      const categories = [...ours.byCategory.keys()];
      const catRows = categories.map(
        (c) =>
          `| ${c} | ${ours.byCategory.get(c)!.n} | ${Object.values(results)
            .map((s) => `${s.byCategory.get(c)!.right}`)
            .join(' | ')} |`,
      );
      process.stdout.write(
        `\n| method | precision | recall | true positives | false positives |\n|---|---|---|---|---|\n${rows.join('\n')}\n\n` +
          `| category | cases | matcher right | exact right | Levenshtein right |\n|---|---|---|---|---|\n${catRows.join('\n')}\n` +
          `positives ${ours.positives}, near misses ${ours.negatives}\n`,
      );
      for (const c of cases.filter((x) => !x.positive)) {
        const [top] = index.screen({ id: 'q', names: [c.query] }, { limit: 1 });
        if (top && key(top.list, top.entryId) === c.entry)
          process.stdout.write(`near miss above the threshold: ${c.query} → ${top.name} ${top.score}\n`);
      }
    }
    expect(recall(ours)).toBeGreaterThan(0.9);
    expect(precision(ours)).toBeGreaterThan(0.95);
    expect(recall(ours)).toBeGreaterThan(recall(exactScores) + 0.2);
    expect(recall(ours)).toBeGreaterThan(recall(lev));
    expect(precision(ours)).toBeGreaterThanOrEqual(precision(lev));
    // Most near misses stay below the threshold for the entry they were made from; long names differing in one
    // word do not (docs/export-control.md, "What is not covered").
    expect(ours.byCategory.get('near miss')!.right / ours.byCategory.get('near miss')!.n).toBeGreaterThan(
      0.8,
    );
  });
});
