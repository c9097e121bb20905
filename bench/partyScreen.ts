import type { BenchResult } from './types.ts';
import { PartyIndex } from '../src/analysis/partyMatch/partyIndex.ts';
import { prepareParty, type PartyRecord } from '../src/analysis/partyMatch/party.ts';
import { seededRandom } from '../src/analysis/scenario/random.ts';

/**
 * Batch party screening (issue 20; target ≤ 60 s): 100,000 SYNTHETIC counterparties against 50,000 SYNTHETIC list
 * entries, through the blocking index (src/analysis/partyMatch/partyIndex.ts) — never all 5·10⁹ pairs.
 *
 * The data are generated from a seed (seededRandom, mulberry32, seed 20): words from random syllables with a Zipf-like choice, so
 * that names share common words as real names do ("trading", "industries"); 10 % of names katakana, 10 % Han
 * (random characters from a pool of 600, with 有限公司 or 株式会社); a third of the entries have 1–3 aliases; legal
 * forms vary. 3 % of the counterparties are disguised list entries (a typo, a legal-form change, words swapped,
 * half-width katakana or traditional characters) — the recall on those is reported as a check that blocking keeps
 * the true candidates. The figures are wall time and this process's CPU time (user + system), which is less
 * sensitive to other load on the shared machine.
 */
export const synthetic = true;

const consonants = ['b', 'd', 'g', 'h', 'k', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'sh', 'ch', 'l', 'f'];
const vowels = ['a', 'e', 'i', 'o', 'u'];
const kanaSyllables =
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロガギグゲゴザジズゼゾダデドバビブベボパピプペポ'.split(
    '',
  );
const halfWidth: Record<string, string> = {};
// Half-width katakana as a user's system may type it (ｱ … ﾝ, with ﾞ ﾟ for voicing): built from the code chart.
'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾗﾘﾙﾚﾛ'.split('').forEach((h, i) => (halfWidth[kanaSyllables[i]] = h));
'ｶｷｸｹｺｻｼｽｾｿﾀﾃﾄﾊﾋﾌﾍﾎ'
  .split('')
  .forEach((h, i) => (halfWidth['ガギグゲゴザジズゼゾダデドバビブベボ'[i]] = `${h}ﾞ`));
'ﾊﾋﾌﾍﾎ'.split('').forEach((h, i) => (halfWidth['パピプペポ'[i]] = `${h}ﾟ`));
// 600 Han characters from the CJK block, simplified/traditional pairs among them by chance.
const hanPool = Array.from({ length: 600 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 37) % 20000)));
const traditionalOf: Record<string, string> = {
  国: '國',
  学: '學',
  会: '會',
  业: '業',
  电: '電',
  东: '東',
  华: '華',
};
const latinForms = ['Co., Ltd.', 'Ltd', 'LLC', 'Corporation', 'Inc.', 'GmbH', 'JSC', 'Trading LLC', ''];
const commonWords = [
  'trading',
  'industries',
  'electronics',
  'technology',
  'group',
  'international',
  'engineering',
  'machinery',
  'import',
  'export',
  'general',
  'development',
  'research',
  'institute',
  'science',
  'systems',
  'energy',
  'logistics',
];

function generator(seed: number) {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const word = () => {
    const n = 2 + Math.floor(rnd() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(consonants) + pick(vowels);
    return w;
  };
  const vocabulary = Array.from({ length: 30_000 }, word);
  // Zipf-like: low indices much more often.
  const zipfWord = () => vocabulary[Math.floor(vocabulary.length * rnd() ** 3)];
  const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
  const latinName = () => {
    const words = [zipfWord(), ...(rnd() < 0.6 ? [zipfWord()] : [])].map(cap);
    if (rnd() < 0.5) words.push(cap(pick(commonWords)));
    const form = pick(latinForms);
    return form ? `${words.join(' ')} ${form}` : words.join(' ');
  };
  const kanaName = () => {
    const n = 3 + Math.floor(rnd() * 5);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(kanaSyllables);
    return rnd() < 0.5 ? `株式会社${w}` : `${w}株式会社`;
  };
  const hanName = () => {
    const n = 3 + Math.floor(rnd() * 5);
    let w = '';
    for (let i = 0; i < n; i++) w += rnd() < 0.2 ? pick(Object.keys(traditionalOf)) : pick(hanPool);
    return `${w}${rnd() < 0.5 ? '有限公司' : '集团有限公司'}`;
  };
  const name = () => {
    const r = rnd();
    return r < 0.1 ? kanaName() : r < 0.2 ? hanName() : latinName();
  };
  const countries = [
    'CHN',
    'RUS',
    'IRN',
    'PRK',
    'ARE',
    'TUR',
    'IND',
    'PAK',
    'HKG',
    'SYR',
    'USA',
    'DEU',
    'KOR',
    'THA',
  ];
  /** A list entry disguised as a counterparty might write it. */
  const disguise = (text: string): string => {
    const r = rnd();
    if (/[ァ-ヴ]/.test(text)) return [...text].map((c) => halfWidth[c] ?? c).join('');
    if (/[\u4e00-\u9fff]/.test(text)) return [...text].map((c) => traditionalOf[c] ?? c).join('');
    const words = text.split(' ');
    if (r < 0.3 && words.length > 1) return [words[1], words[0], ...words.slice(2)].join(' ');
    if (r < 0.6) {
      const w = words[0];
      const at = 1 + Math.floor(rnd() * (w.length - 2));
      words[0] = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
      return words.join(' ');
    }
    return `${words.filter((w) => !latinForms.includes(w)).join(' ')} Company Limited`;
  };
  return { rnd, name, pick, countries, disguise };
}

export function syntheticParties(entries: number, counterparties: number, seed = 20) {
  const g = generator(seed);
  const list: PartyRecord[] = [];
  for (let i = 0; i < entries; i++) {
    const aliases = g.rnd() < 0.33 ? Array.from({ length: 1 + Math.floor(g.rnd() * 3) }, g.name) : [];
    list.push({
      id: `E${i}`,
      list: 'synthetic-list',
      names: [g.name(), ...aliases],
      countries: [g.pick(g.countries)],
    });
  }
  const parties: PartyRecord[] = [];
  const planted = new Map<string, string>();
  for (let i = 0; i < counterparties; i++) {
    const id = `P${i}`;
    if (g.rnd() < 0.03) {
      const entry = list[Math.floor(g.rnd() * list.length)];
      planted.set(id, entry.id);
      parties.push({ id, names: [g.disguise(entry.names[0])], countries: entry.countries });
    } else {
      parties.push({ id, names: [g.name()], countries: [g.pick(g.countries)] });
    }
  }
  return { list, parties, planted };
}

function cpuSeconds(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
}

export async function run(): Promise<BenchResult[]> {
  const entries = 50_000;
  const counterparties = 100_000;
  const { list, parties, planted } = syntheticParties(entries, counterparties);
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage();
  const index = new PartyIndex(list);
  const indexSeconds = (performance.now() - wall0) / 1000;
  let matched = 0;
  let plantedFound = 0;
  for (let i = 0; i < parties.length; i++) {
    const matches = index.screen(prepareParty(parties[i]), { limit: 50 });
    if (matches.length) matched++;
    const want = planted.get(parties[i].id);
    if (want && matches.some((m) => m.entryId === want)) plantedFound++;
    if (i % 20_000 === 0) process.stderr.write(`partyScreen: ${i} / ${parties.length}\n`);
  }
  const wall = (performance.now() - wall0) / 1000;
  const cpu = cpuSeconds(cpu0);
  return [
    { name: 'index 50,000 SYNTHETIC entries', value: indexSeconds, unit: 's' },
    {
      name: 'screen 100,000 SYNTHETIC counterparties × 50,000 entries (index + screen), wall',
      value: wall,
      unit: 's',
      target: '≤ 60',
      pass: wall <= 60,
    },
    { name: 'same, CPU time (user + system)', value: cpu, unit: 's' },
    { name: 'counterparties with a match ≥ 0.70', value: matched, unit: 'parties' },
    {
      name: 'planted disguised entries found (recall check)',
      value: plantedFound / planted.size,
      unit: 'ratio',
      note: `${plantedFound} of ${planted.size}`,
    },
  ];
}
