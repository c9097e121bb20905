import { describe, expect, it } from 'vitest';
import { analyseName } from '../../src/analysis/partyMatch/analyseName.ts';
import {
  canonicalHan,
  cyrillicToLatin,
  kanaToLatin,
  spellingFold,
  consonantSkeleton,
} from '../../src/analysis/partyMatch/transliterate.ts';
import { stripHanForms, stripLatinForms } from '../../src/analysis/partyMatch/legalForms.ts';
import { boundedEditDistance, editSimilarity } from '../../src/analysis/partyMatch/similarity.ts';
import { compareNames } from '../../src/analysis/partyMatch/compareNames.ts';
import { nameVariants, prepareParty, type PartyRecord } from '../../src/analysis/partyMatch/party.ts';
import { partyScore, scoreParty } from '../../src/analysis/partyMatch/scoreParty.ts';
import { PartyIndex } from '../../src/analysis/partyMatch/partyIndex.ts';

const score = (query: PartyRecord, entry: PartyRecord) =>
  scoreParty(prepareParty(query), prepareParty(entry));

describe('name normalisation and transliteration', () => {
  it('folds widths, ㈱ and half-width katakana by NFKC and drops the legal form', () => {
    const name = analyseName('㈱ｱﾄﾞﾐﾗﾙﾃｨ造船所');
    expect(name.forms).toEqual(['株']);
    expect(name.tokens.map((t) => [t.text, t.source])).toEqual([
      ['adomirarutei', 'アドミラルティ'],
      ['造船所', '造船所'],
    ]);
    expect(analyseName('ＣＯ．， ＬＴＤ Ｇｒｅｅｎ Ｐｉｎｅ').tokens.map((t) => t.text)).toEqual([
      'green',
      'pine',
    ]);
  });

  it('romanises kana in Hepburn with long vowels shortened', () => {
    expect(kanaToLatin('トウキョウ')).toBe('tokyo');
    expect(kanaToLatin('とうきょう')).toBe('tokyo');
    expect(kanaToLatin('シャープ')).toBe('shapu');
    expect(kanaToLatin('スバル')).toBe('subaru');
  });

  it('transliterates Cyrillic by the ICAO 9303 table', () => {
    expect(cyrillicToLatin('щукин')).toBe('shchukin');
    expect(cyrillicToLatin('юрьевич')).toBe('iurevich');
    expect(cyrillicToLatin('хабаровск')).toBe('khabarovsk');
    expect(cyrillicToLatin('ізюм')).toBe('iziu' + 'm');
  });

  it('brings Japanese shinjitai, traditional and simplified Han to one form', () => {
    expect(canonicalHan('西北工業大学')).toBe('西北工业大学');
    expect(canonicalHan('西北工業大學')).toBe('西北工业大学');
    expect(canonicalHan('青松連合')).toBe(canonicalHan('青松联合'));
    expect(canonicalHan('広沢')).toBe('广泽');
  });

  it('folds transliteration spellings and builds the katakana skeleton', () => {
    expect(spellingFold('vitaly')).toBe(spellingFold('vitalii'));
    expect(spellingFold('khalil')).toBe('halil');
    expect(consonantSkeleton(spellingFold('admiralty'))).toBe('dmrt');
    expect(consonantSkeleton(spellingFold(kanaToLatin('アドミラルティ')))).toBe('dmrt');
  });

  it('removes legal forms at either end, in Latin and Han', () => {
    expect(stripLatinForms(['ooo', 'inter', 'tobako'])).toEqual({ start: 1, end: 3, forms: ['ooo'] });
    expect(stripLatinForms(['toshiba', 'machine', 'co', 'ltd'])).toEqual({
      start: 0,
      end: 2,
      forms: ['co ltd'],
    });
    // A name of nothing but legal-form words keeps its first word.
    expect(stripLatinForms(['company', 'limited'])).toEqual({ start: 0, end: 1, forms: ['limited'] });
    expect(stripHanForms('中国航天科技集团有限公司')).toEqual({
      rest: '中国航天科技',
      forms: ['集团有限公司'],
    });
    expect(stripHanForms('中国航天科技集团')).toEqual({ rest: '中国航天科技', forms: ['集团'] });
    expect(
      analyseName('Общество с ограниченной ответственностью “Интер Тобако”').tokens.map((t) => t.text),
    ).toEqual(['inter', 'tobako']);
  });

  it('splits bracketed translations and acronyms into separate names, keeping (株) in the name', () => {
    expect(nameVariants('Green Pine Associated Corporation （青松連合）')).toEqual([
      { text: 'green pine associated corporation', weak: false },
      { text: '青松連合', weak: false },
    ]);
    expect(nameVariants('Ummah Tameer E-Nau (UTN)')).toEqual([
      { text: 'ummah tameer e-nau', weak: false },
      { text: 'utn', weak: true },
    ]);
    expect(nameVariants('(株)東芝')).toEqual([{ text: '株 東芝', weak: false }]);
  });
});

describe('similarity (logic-v2 edit tolerance)', () => {
  it('counts a transposition as one edit and gives up beyond the bound', () => {
    expect(boundedEditDistance('abcd', 'abdc', 2)).toBe(1);
    expect(boundedEditDistance('kitten', 'sitting', 5)).toBe(3);
    expect(boundedEditDistance('kitten', 'sitting', 1)).toBe(2);
  });

  it('tolerates ⌊ln(L − 2)⌋ edits and scores (1 − d/L)²', () => {
    // L = 6: ⌊ln 4⌋ = 1 edit; 1 edit → (5/6)² = 0.694.
    expect(editSimilarity('tobaco', 'tobako').score).toBeCloseTo(25 / 36, 6);
    // L = 4: ⌊ln 2⌋ = 0 edits: short words must agree exactly.
    expect(editSimilarity('fupu', 'fpuu').score).toBe(0);
    // L = 10: ⌊ln 8⌋ = 2 edits; 2 edits → 0.8² = 0.64.
    expect(editSimilarity('abcdefghij', 'abcdefghkl').score).toBeCloseTo(0.64, 6);
  });
});

describe('name comparison', () => {
  it('aligns words regardless of order and weighs extra words 0.8 (query) and 0.2 (list)', () => {
    expect(compareNames(analyseName('Trading Sashisiru'), analyseName('Sashisiru Trading')).score).toBe(1);
    // 1 / (1 + 0.2 + 0.2): the list name has two more words.
    expect(compareNames(analyseName('Iran'), analyseName('Iran Electronics Industries')).score).toBeCloseTo(
      1 / 1.4,
      6,
    );
    // 1 / (1 + 0.8): the query has a word the list lacks.
    expect(compareNames(analyseName('Mitsubishi Electric'), analyseName('Mitsubishi')).score).toBeCloseTo(
      1 / 1.8,
      6,
    );
    // inter = inter (1), tobako ≈ tobacco (fold tobaco, 1 edit in 6: 0.694) → (1 + 0.694) / 2.
    expect(
      compareNames(analyseName('ООО «Интер Тобако»'), analyseName('LLC “Inter Tobacco”')).score,
    ).toBeCloseTo((1 + 25 / 36) / 2, 6);
  });

  it('compares names written with and without spaces', () => {
    const c = compareNames(analyseName('AlQaida'), analyseName('Al Qaida'));
    expect(c).toMatchObject({ score: 1, joined: true });
  });
});

describe('party score (logic-v2 features)', () => {
  const npu: PartyRecord = {
    id: '1',
    names: ['Northwestern Polytechnical University（NPU） (西北工業大学)'],
    countries: ['CHN'],
  };

  it('finds a Chinese entry from its simplified, traditional or Japanese name', () => {
    for (const name of ['西北工业大学', '西北工業大學', '西北工業大学'])
      expect(score({ id: 'q', names: [name] }, npu).score, name).toBe(1);
  });

  it('gives an acronym in brackets at most 0.8 (weak alias)', () => {
    const s = score({ id: 'q', names: ['NPU'] }, npu);
    expect(s.score).toBe(0.8);
    expect(s.explanation[0].feature).toBe('weak-alias');
  });

  it('subtracts 0.2 when the countries disagree and says so', () => {
    const s = score({ id: 'q', names: ['西北工业大学'], countries: ['JPN'] }, npu);
    expect(s.score).toBeCloseTo(0.8, 6);
    expect(s.explanation.map((e) => e.feature)).toContain('country-mismatch');
  });

  it('matches on a shared identifier at 0.85 even when the names differ', () => {
    const s = score(
      { id: 'q', names: ['Inter Tobacco Belarus'], identifiers: ['808 000 714'] },
      { id: 'e', names: ['RAB „Inter Tobacco“'], identifiers: ['808000714'] },
    );
    expect(s.score).toBe(0.85);
  });

  it('matches a katakana loanword to its source spelling by the consonant skeleton (0.85)', () => {
    const s = score({ id: 'q', names: ['アドミラルティ'] }, { id: 'e', names: ['Admiralty'] });
    expect(s.score).toBe(0.85);
    expect(s.explanation[0].en).toContain('katakana reading');
  });

  it('explains in Japanese and English what contributed', () => {
    const s = score(
      { id: 'q', names: ['住友重機械工業株式会社'] },
      { id: 'e', names: ['Sumitomo Heavy Industries, Ltd.', '住友重机械工业株式会社'] },
    );
    expect(s.score).toBe(1);
    const features = s.explanation.map((e) => e.feature);
    expect(features).toEqual(['alias', 'legal-form', 'transliteration']);
    expect(s.explanation[0].ja).toContain('別名');
    expect(s.explanation[1].en).toContain('株式会社');
  });

  it('names each transliteration once even when both names hold the word', () => {
    const s = score(
      { id: 'q', names: ['アドミラルティ造船所'] },
      { id: 'e', names: ['株式会社アドミラルティ造船所'] },
    );
    expect(s.explanation.find((e) => e.feature === 'transliteration')?.en).toBe(
      'アドミラルティ → adomirarutei (kana → Hepburn)',
    );
  });

  it('gives the same score fast (partyScore) as explained (scoreParty)', () => {
    const entries: PartyRecord[] = [
      npu,
      { id: 'e', names: ['Sumitomo Heavy Industries, Ltd.', '住友重机械工业株式会社'], countries: ['JPN'] },
      { id: 'f', names: ['Iran Electronics Industries (IEI)'], countries: ['IRN'] },
    ];
    const queries: PartyRecord[] = [
      { id: 'a', names: ['NPU'] },
      { id: 'b', names: ['Iran Electronic Industry'], countries: ['IRN'] },
      { id: 'c', names: ['住友重機械'], countries: ['CHN'] },
      { id: 'd', names: ['Northwestern Polytech University'] },
    ];
    for (const q of queries)
      for (const e of entries)
        expect(partyScore(prepareParty(q), prepareParty(e))).toBeCloseTo(score(q, e).score, 10);
  });
});

describe('index', () => {
  const records: PartyRecord[] = [
    { id: 'a', list: 'eul', names: ['Green Pine Associated Corporation （青松連合）'], countries: ['PRK'] },
    { id: 'b', list: 'eul', names: ['Iran Electronics Industries (IEI)'], countries: ['IRN'] },
    { id: 'c', list: 'eul', names: ['Iran Aircraft Industries'], countries: ['IRN'] },
    {
      id: 'd',
      list: 'ru',
      names: ['Admiralty Shipyard JSC', '株式会社アドミラルティ造船所'],
      countries: ['RUS'],
    },
  ];
  const index = new PartyIndex(records);

  it('finds entries through a typo, a legal-form change, katakana and Han variants, best first', () => {
    expect(
      index.screen({ id: 'q', names: ['Green Pnie Associated Co., Ltd.'] }).map((m) => m.entryId),
    ).toEqual(['a']);
    expect(index.screen({ id: 'q', names: ['青松联合'] })[0]).toMatchObject({ entryId: 'a', score: 1 });
    expect(index.screen({ id: 'q', names: ['ｱﾄﾞﾐﾗﾙﾃｨ造船所'] })[0]).toMatchObject({
      entryId: 'd',
      list: 'ru',
      score: 1,
    });
  });

  it('screens only the lists asked for', () => {
    expect(index.screen({ id: 'q', names: ['アドミラルティ造船所'] }, { lists: ['eul'] })).toEqual([]);
  });

  it('does not match a different company sharing a common word', () => {
    // "iran" and "industries" are on two of four entries: they weigh less than "aircraft".
    const matches = index.screen({ id: 'q', names: ['Iran Aircraft Industries'] });
    expect(matches.map((m) => m.entryId)).toEqual(['c']);
  });
});
