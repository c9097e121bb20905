import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { buildConcordance } from '../../src/analysis/scenario/concordance.ts';
import { hsIoJapan13 } from '../../src/data/reference/hsIoJapan13.ts';
import { resolveConcordance } from '../../src/data/scenario/concordanceFile.ts';
import { readIoTableFile } from '../../src/data/scenario/ioTables.ts';

const sectors13 = Array.from({ length: 13 }, (_, i) => String(i + 1).padStart(2, '0'));

describe('HS → IO concordance', () => {
  it('the shipped 13-sector concordance maps every HS 2022 subheading, with the sector a reader expects', () => {
    const c = buildConcordance(hsIoJapan13, sectors13);
    const lines = fs
      .readFileSync(path.join(sharedData, 'hs', 'harmonized-system.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const hs6 = lines.map((l) => l.split(',')[1]).filter((code) => /^[0-9]{6}$/.test(code));
    expect(hs6.length).toBeGreaterThan(5000);
    const unmapped = hs6.filter((code) => c.sectorOf(code) === undefined);
    expect(unmapped).toEqual([]);
    const sector = (code: string) => sectors13[c.sectorOf(code)!];
    expect(sector('100199')).toBe('01'); // wheat
    expect(sector('040700')).toBe('01'); // eggs — raw
    expect(sector('040120')).toBe('03'); // milk — dairy manufacturing
    expect(sector('270900')).toBe('02'); // crude petroleum
    expect(sector('271111')).toBe('02'); // LNG
    expect(sector('271012')).toBe('03'); // refined light oils
    expect(sector('252329')).toBe('03'); // Portland cement
    expect(sector('260300')).toBe('02'); // copper ores
    expect(sector('811292')).toBe('03'); // unwrought gallium/germanium
    expect(sector('271600')).toBe('05'); // electrical energy
  });

  it('finds the shipped concordance for the Japanese table by its sector codes', () => {
    const { table } = readIoTableFile(path.join(sharedData, 'io', 'iotable_13sector_2011.csv'));
    expect(resolveConcordance(table).id).toBe('hs-jp-io2011-13');
  });

  it('rejects a group cycle, naming the field and the cycle', () => {
    const def = {
      id: 'x',
      table: 't',
      source: 's',
      groups: { a: ['01', '@b'], b: ['02', '@a'] },
      map: { '@a': '01' },
    };
    expect(() => buildConcordance(def, sectors13)).toThrow(/group "a" includes itself: @a → @b → @a/);
    try {
      buildConcordance(def, sectors13);
    } catch (e) {
      expect((e as { place: { field: string } }).place.field).toBe('groups.b[1]');
    }
  });

  it('rejects a prefix mapped twice (directly and through a group)', () => {
    const def = {
      id: 'x',
      table: 't',
      source: 's',
      groups: { metals: ['81', '72'] },
      map: { '81': '03', '@metals': '02' },
    };
    expect(() => buildConcordance(def, sectors13)).toThrow(
      /HS 81 is mapped twice: by map.81 \(sector 03\) and by map.@metals \(sector 02\)/,
    );
  });

  it('rejects unknown sectors and groups and malformed prefixes, naming the field', () => {
    const bad = (map: Record<string, string>, field: string) => {
      try {
        buildConcordance({ id: 'x', table: 't', source: 's', map }, sectors13);
        expect.unreachable();
      } catch (e) {
        expect((e as { place: { field: string } }).place.field).toBe(field);
      }
    };
    bad({ '01': '99' }, 'map.01');
    bad({ '@nope': '01' }, 'map.@nope');
    bad({ '123': '01' }, 'map.123');
  });

  it('a user concordance file: YAML, checked, with the file named in errors', () => {
    const { table } = readIoTableFile(path.join(sharedData, 'io', 'iotable_13sector_2011.csv'));
    const dir = tempDir();
    const good = path.join(dir, 'mine.yaml');
    fs.writeFileSync(good, 'id: mine\ntable: jp13\nsource: my own\nmap:\n  "81": "03"\n  "8112": "02"\n');
    const c = resolveConcordance(table, good);
    expect(c.sectorOf('811292')).toBe(1);
    expect(c.sectorOf('810110')).toBe(2);
    const noSource = path.join(dir, 'bad.yaml');
    fs.writeFileSync(noSource, 'id: bad\ntable: jp13\nmap:\n  "81": "03"\n');
    expect(() => resolveConcordance(table, noSource)).toThrow(/"source" is required/);
  });
});
