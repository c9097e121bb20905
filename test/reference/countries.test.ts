import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../helpers/tmp.ts';
import { parseCsv } from '../../src/data/importers/csvRecords.ts';
import {
  countries,
  countryByBaciCode,
  countryByCustomsCode,
  countryByIso3,
  countryName,
  customsAreaByCode,
  resolveCountry,
} from '../../src/data/reference/countries.ts';

const bacicodesFile = path.join(sharedData, 'countries/baci_country_codes_V202201.csv');
const customsFile = path.join(sharedData, 'countries/japan_customs_country_codes.csv');

/** Distinct exporter and importer codes of a BACI t,i,j,k,v,q file, read line by line here (not via an importer). */
function baciCodesUsed(file: string): Set<number> {
  const codes = new Set<number>();
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    if (!line) continue;
    const [, i, j] = line.split(',');
    codes.add(Number(i.replaceAll('"', '').trim()));
    codes.add(Number(j.replaceAll('"', '').trim()));
  }
  return codes;
}

describe('BACI / Comtrade country codes', () => {
  it('resolves every code in CEPII’s country file to the entity the file names (by ISO3 where it gives one)', () => {
    const rows = parseCsv(fs.readFileSync(bacicodesFile, 'utf8'), bacicodesFile).slice(1);
    expect(rows.length).toBe(238);
    for (const { fields } of rows) {
      const [code, abbreviation, full, , iso3] = fields;
      const country = countryByBaciCode(Number(code));
      expect(country, `BACI code ${code} ${abbreviation}`).toBeDefined();
      if (iso3 !== 'N/A') expect(country!.iso3, `BACI code ${code}`).toBe(iso3);
      // The file's own names resolve to the same entity (including its mis-decoded "CÙte d'Ivoire").
      expect(resolveCountry(abbreviation)?.iso3, abbreviation).toBe(country!.iso3);
      expect(resolveCountry(full)?.iso3, full).toBe(country!.iso3);
    }
  });

  it('resolves every exporter and importer code in the shared BACI extracts', () => {
    const files = [
      path.join(sharedData, 'baci-critical-minerals/BACI_HS17_critical_minerals_2018-2024.csv'),
      path.join(sharedData, 'baci-samples/BACI_2021_ZAF_AFG_halfsample.csv'),
    ];
    for (const file of files) {
      const codes = baciCodesUsed(file);
      expect(codes.size).toBeGreaterThan(200);
      const missing = [...codes].filter((code) => !countryByBaciCode(code));
      expect(missing, path.basename(file)).toEqual([]);
    }
  });

  it('knows the special reporter codes and the historical ones', () => {
    const expected: [number, string][] = [
      [490, 'TWN'],
      [842, 'USA'],
      [251, 'FRA'],
      [579, 'NOR'],
      [699, 'IND'],
      [757, 'CHE'],
      [381, 'ITA'],
      [380, 'ITA'],
      [58, 'BEL'],
      [280, 'DEU'],
      [276, 'DEU'],
      [890, 'YUG'],
      [200, 'CSK'],
      [810, 'SUN'],
      [0, 'WLD'],
    ];
    for (const [code, iso3] of expected) expect(countryByBaciCode(code)?.iso3, String(code)).toBe(iso3);
    expect(countryByBaciCode(810)?.kind).toBe('historical');
    expect(countryByBaciCode(999)).toBeUndefined();
  });
});

describe('resolveCountry', () => {
  it.each([
    ['Rep. of Korea', 'KOR'],
    ['Korea, Republic of', 'KOR'],
    ['Türkiye', 'TUR'],
    ['Turkey', 'TUR'],
    ['TURKIYE', 'TUR'],
    ['Viet Nam', 'VNM'],
    ['Vietnam', 'VNM'],
    ['China, Hong Kong SAR', 'HKG'],
    ['USA', 'USA'],
    ['United States of America', 'USA'],
    ['us', 'USA'],
    ['840', 'USA'],
    ['842', 'USA'],
    ['Other Asia, nes', 'TWN'],
    ['中国', 'CHN'],
    ['中華人民共和国', 'CHN'],
    ['韓国', 'KOR'],
    ['米国', 'USA'],
    ['ドイツ', 'DEU'],
    ['ＪＰＮ', 'JPN'],
    ['  côte d’ivoire ', 'CIV'],
    ['Namibia', 'NAM'],
    ['NA', 'NAM'],
  ])('%s → %s', (input, iso3) => {
    expect(resolveCountry(input)?.iso3).toBe(iso3);
  });

  it('returns undefined for what it does not know, never a guess', () => {
    expect(resolveCountry('Atlantis')).toBeUndefined();
    expect(resolveCountry('')).toBeUndefined();
    expect(resolveCountry('トイツ')).toBeUndefined(); // kana voicing marks are not stripped like accents
  });

  it('names each country in both languages', () => {
    for (const c of countries) {
      expect(c.en.length, c.iso3).toBeGreaterThan(1);
      expect(c.ja, c.iso3).toMatch(/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u);
    }
    expect(countryName(countryByIso3('TWN')!, 'ja')).toBe('台湾');
    expect(countryName(countryByIso3('kor')!, 'en')).toBe('Republic of Korea');
  });
});

describe('Japan Customs country codes', () => {
  const rows = parseCsv(fs.readFileSync(customsFile, 'utf8'), customsFile).slice(1);

  it('reads 235 codes, zone names with newlines included', () => {
    expect(rows.length).toBe(235);
    expect(rows.find((r) => r.fields[0] === '150')?.fields[1]).toBe('Central and East Europe,\nRussia etc.');
  });

  it('matches the file for Japan’s 20 largest trading partners', () => {
    // Japan's largest partners by total trade (Japan Customs, 2023), written by hand with the file's codes.
    const partners: [string, number][] = [
      ['CHN', 105],
      ['USA', 304],
      ['KOR', 103],
      ['TWN', 106],
      ['AUS', 601],
      ['THA', 111],
      ['DEU', 213],
      ['VNM', 110],
      ['HKG', 108],
      ['SGP', 112],
      ['ARE', 147],
      ['SAU', 137],
      ['MYS', 113],
      ['IDN', 118],
      ['IND', 123],
      ['PHL', 117],
      ['QAT', 140],
      ['CAN', 302],
      ['MEX', 305],
      ['GBR', 205],
    ];
    const fileCode = new Map(rows.map((r) => [resolveCountry(r.fields[2])?.iso3, Number(r.fields[0])]));
    for (const [iso3, code] of partners) {
      expect(fileCode.get(iso3), iso3).toBe(code);
      expect(countryByIso3(iso3)?.customsCode, iso3).toBe(code);
      expect(countryByCustomsCode(code)?.iso3, String(code)).toBe(iso3);
    }
  });

  it('maps every code in the file to the country it names, or to a listed customs area', () => {
    for (const { fields, line } of rows) {
      const [code, , name] = fields;
      const country = countryByCustomsCode(Number(code));
      if (country) expect(resolveCountry(name)?.iso3, `line ${line}: ${code} ${name}`).toBe(country.iso3);
      else expect(customsAreaByCode(Number(code))?.en, `line ${line}: ${code} ${name}`).toBeDefined();
    }
  });
});

describe('names in the other shared datasets', () => {
  it('resolves every destination of India’s export statistics but the three that are not countries', async () => {
    const file = path.join(
      sharedData,
      'india-exports-hs8/india_exports_hs8_by_country_FY2017-18_to_FY2024-25_usd_mn.csv.gz',
    );
    const names = new Set<string>();
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()) });
    let header = true;
    for await (const line of lines) {
      if (header) {
        header = false;
        continue;
      }
      const fields = line.split(','); // …,partner_country,value_usd_million,quantity,unit: read from the end
      names.add(fields[fields.length - 4]);
    }
    expect(names.size).toBeGreaterThan(230);
    const unresolved = [...names].filter((n) => !resolveCountry(n)).sort();
    expect(unresolved).toEqual(['INSTALLATIONS IN INTERNATIONAL WATERS', 'PANAMA C Z', 'UNSPECIFIED']);
    expect(resolveCountry('CHINA P RP')?.iso3).toBe('CHN');
    expect(resolveCountry('U ARAB EMTS')?.iso3).toBe('ARE');
  }, 60_000);

  it('resolves every exporter ISO3 of the world exports table', () => {
    const file = path.join(sharedData, 'world-exports-hs4/world_trade_2017.csv.gz');
    const rows = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').slice(1).filter(Boolean);
    const codes = new Set(rows.map((r) => r.split(',')[0].replaceAll('"', '')));
    expect(codes.size).toBe(224);
    expect([...codes].filter((c) => !countryByIso3(c))).toEqual([]);
  });

  it('resolves Japan Customs’ 7-letter area names, all but the EU and the grand total', () => {
    const file = path.join(sharedData, 'monthly/japan-customs-summary/trade_year_2009-2026.csv.gz');
    const rows = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').slice(1).filter(Boolean);
    const areas = new Set(rows.map((r) => r.split(',')[1].replaceAll('"', '')));
    expect(areas.size).toBe(57);
    expect([...areas].filter((a) => !resolveCountry(a)).sort()).toEqual(['EU', 'Grand Total']);
    expect(resolveCountry('Sngapor')?.iso3).toBe('SGP');
  });
});
