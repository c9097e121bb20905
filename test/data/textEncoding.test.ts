import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { readIoTableFile } from '../../src/data/scenario/ioTables.ts';
import { readHsFiles } from '../../src/data/importers/hs.ts';
import { importMonthlyCsv, parseColumnMap } from '../../src/data/importers/monthlyCsv.ts';
import { decodeText, parseTextEncoding } from '../../src/data/importers/textEncoding.ts';
import { resolveCountry } from '../../src/data/reference/countries.ts';
import { ChokepointError } from '../../src/errors.ts';

/**
 * Japanese files saved as Shift_JIS (CP932) are decoded, not stored as garbled text; bytes that are neither UTF-8
 * nor clearly Shift_JIS fail naming the first bad byte. The Shift_JIS copies are made from real files with iconv.
 */
function toShiftJis(text: string): Buffer {
  const bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: text });
  // The copy must hold the same text (iconv would stop at a character CP932 lacks).
  expect(new TextDecoder('shift_jis', { fatal: true }).decode(bytes)).toBe(text);
  return bytes;
}

function errorOf(run: () => unknown): ChokepointError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ChokepointError);
    return error as ChokepointError;
  }
  throw new Error('expected an error');
}

const io = path.join(sharedData, 'io');
const deepDive = path.join(sharedData, 'monthly', 'china-critical-minerals', 'deep_dive_hs6_monthly.csv');
const deepDiveMap = parseColumnMap('period=period_dt,partner=partner_name,hs=hs6,value=val,quantity=qty');

/** The real monthly file with its partner names in Japanese (the names chokepoint's country table gives). */
function deepDiveInJapanese(keep: (iso3: string) => boolean = () => true): string {
  const [header, ...lines] = fs.readFileSync(deepDive, 'utf8').trimEnd().split('\n');
  const out = [header];
  for (const line of lines) {
    const fields = line.split(',');
    const country = resolveCountry(fields[1])!;
    if (!keep(country.iso3)) continue;
    fields[1] = country.ja;
    out.push(fields.join(','));
  }
  return `${out.join('\n')}\n`;
}

describe('Shift_JIS files from real Japanese data', () => {
  it('the Japanese labels of the 2011 input-output table read the same from a Shift_JIS copy', () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(io, 'iotable_13sector_2011.csv'), path.join(dir, 'iotable_13sector_2011.csv'));
    const ja = fs.readFileSync(path.join(io, 'iotable_13sector_2011_ja.csv'), 'utf8').replace(/^\uFEFF/, '');
    fs.writeFileSync(path.join(dir, 'iotable_13sector_2011_ja.csv'), toShiftJis(ja));
    const fromUtf8 = readIoTableFile(path.join(io, 'iotable_13sector_2011.csv')).table.sectors;
    const fromShiftJis = readIoTableFile(path.join(dir, 'iotable_13sector_2011.csv')).table.sectors;
    expect(fromShiftJis).toEqual(fromUtf8);
    expect(fromShiftJis[2]).toEqual({ code: '03', en: 'Manufacturing', ja: '製造業' });
    expect(fromShiftJis[11].ja).toBe('サービス');
  });

  it('the HS6 Japanese labels (Japan Customs tariff) read the same from a Shift_JIS copy', () => {
    const dir = tempDir();
    const hs6Ja = path.join(dir, 'hs6_ja.csv');
    fs.writeFileSync(hs6Ja, toShiftJis(fs.readFileSync(path.join(sharedData, 'hs', 'hs6_ja.csv'), 'utf8')));
    const files = {
      hs22: path.join(sharedData, 'hs', 'harmonized-system.csv'),
      hs4Ja: path.join(sharedData, 'hs', 'hs4_ja.csv'),
      hs6Ja: path.join(sharedData, 'hs', 'hs6_ja.csv'),
      hs17: path.join(sharedData, 'hs', 'baci_product_codes_hs17_bec.csv'),
    };
    const fromUtf8 = readHsFiles(files);
    const fromShiftJis = readHsFiles({ ...files, hs6Ja });
    expect(fromShiftJis).toEqual(fromUtf8);
    // hs6_ja.csv line 2: 010121,馬 ＞ 純粋種の繁殖用のもの
    expect(fromShiftJis.find((c) => c.code === '010121' && c.revision === 'HS22')?.ja).toBe(
      '馬 ＞ 純粋種の繁殖用のもの',
    );
  });

  it('a mapped monthly CSV with Japanese partner names resolves the same partners from Shift_JIS', () => {
    const dir = tempDir();
    const utf8 = path.join(dir, 'deep_dive_ja_utf8.csv');
    const sjis = path.join(dir, 'deep_dive_ja_sjis.csv');
    const text = deepDiveInJapanese();
    fs.writeFileSync(utf8, text);
    fs.writeFileSync(sjis, toShiftJis(text));
    const options = { map: deepDiveMap, reporter: 'CHN', flow: 'export' as const };
    const english = importMonthlyCsv(deepDive, options);
    const fromShiftJis = importMonthlyCsv(sjis, options);
    expect(fromShiftJis.unresolvedPartners).toEqual([]);
    expect(fromShiftJis.rows).toEqual(importMonthlyCsv(utf8, options).rows);
    // The same partners as the English original, row for row (6,442 rows: wc -l minus the header).
    expect(fromShiftJis.rows).toHaveLength(6442);
    expect(fromShiftJis.rows.map((r) => r.partner)).toEqual(english.rows.map((r) => r.partner));
  });

  it('kanji without kana is not taken as Shift_JIS unasked; --encoding shift_jis reads it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'kanji_only.csv');
    // Only the partners whose Japanese name is all kanji (香港, 日本, 韓国, 台湾, 米国, 英国).
    const text = deepDiveInJapanese((iso3) => ['HKG', 'JPN', 'KOR', 'TWN', 'USA', 'GBR'].includes(iso3));
    const bytes = toShiftJis(text);
    fs.writeFileSync(file, bytes);
    const options = { map: deepDiveMap, reporter: 'CHN', flow: 'export' as const };
    const e = errorOf(() => importMonthlyCsv(file, options));
    // The first non-ASCII byte is the lead byte of the first partner name, on line 2.
    const first = bytes.findIndex((b) => b >= 0x80);
    expect(first).toBe(Buffer.byteLength(text.slice(0, text.indexOf('\n') + 1)) + '2017-01-01,'.length);
    expect(e.message).toBe(
      `file is not UTF-8 (looks like Shift_JIS): byte 0x${bytes[first].toString(16)} at offset ${first} (line 2) is not valid UTF-8; save it as UTF-8, or give --encoding shift_jis if it is Japanese Shift_JIS`,
    );
    expect(e.place).toEqual({ file: 'kanji_only.csv', line: 2 });
    const forced = importMonthlyCsv(file, { ...options, encoding: 'shift_jis' });
    expect(forced.unresolvedPartners).toEqual([]);
    expect(new Set(forced.rows.map((r) => r.partner))).toEqual(
      new Set(['HKG', 'JPN', 'KOR', 'TWN', 'USA', 'GBR']),
    );
  });
});

describe('bytes that are not what they claim fail naming the first bad byte', () => {
  it('a Latin-1 file is neither UTF-8 nor Shift_JIS: offset and line of the first bad byte', () => {
    // "Côte d'Ivoire" in Latin-1: ô is 0xF4, which Shift_JIS would read as a user-defined character.
    const bytes = Buffer.from("code,name\n384,C\xf4te d'Ivoire\n", 'latin1');
    const e = errorOf(() => decodeText(bytes, 'countries.csv'));
    expect(e.message).toBe(
      'file is not UTF-8 (looks like a single-byte encoding such as Latin-1 / Windows-1252): byte 0xf4 at offset 15 (line 2) is not valid UTF-8; save it as UTF-8, or give --encoding shift_jis if it is Japanese Shift_JIS',
    );
    expect(e.place).toEqual({ file: 'countries.csv', line: 2 });
  });

  it('--encoding utf8 refuses Shift_JIS; --encoding shift_jis refuses bytes Shift_JIS cannot hold', () => {
    const sjis = toShiftJis('code,name\n392,日本\n');
    expect(errorOf(() => decodeText(sjis, 'a.csv', 'utf8')).message).toBe(
      'file is not UTF-8 (as --encoding utf8 says): byte 0x93 at offset 14 (line 2) is not valid UTF-8',
    );
    // 0x81 0x20: a lead byte followed by a space is no Shift_JIS character; the lead byte is named.
    const bad = Buffer.from([0x61, 0x0a, 0x62, 0x81, 0x20, 0x63]);
    expect(errorOf(() => decodeText(bad, 'b.csv', 'shift_jis')).message).toBe(
      'file is not Shift_JIS (as --encoding shift_jis says): byte 0x81 at offset 3 (line 2) is not valid Shift_JIS',
    );
  });

  it('a file cut inside a UTF-8 character is named at its last byte', () => {
    const bytes = Buffer.from('name\n製造業\n').subarray(0, 9); // 製 is 3 bytes; 造 is cut after its first byte
    expect(errorOf(() => decodeText(bytes, 'cut.csv')).message).toBe(
      'file is not UTF-8 (it ends in the middle of a character: cut off?): byte 0xe9 at offset 8 (line 2) is not valid UTF-8',
    );
  });

  it('--encoding takes utf8, shift_jis and their usual names, nothing else', () => {
    expect(['utf8', 'UTF-8', 'shift_jis', 'SJIS', 'cp932'].map(parseTextEncoding)).toEqual([
      'utf8',
      'utf8',
      'shift_jis',
      'shift_jis',
      'shift_jis',
    ]);
    expect(errorOf(() => parseTextEncoding('latin1')).place).toEqual({ field: 'encoding' });
  });
});
