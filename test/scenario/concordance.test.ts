import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { buildConcordance } from '../../src/analysis/scenario/concordance.ts';
import { hsIoJapan13 } from '../../src/data/reference/hsIoJapan13.ts';
import { importConcordance, resolveConcordance } from '../../src/data/scenario/concordanceFile.ts';
import { parseScenarioText, readScenarioFile } from '../../src/data/scenario/scenarioFile.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
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
    expect(resolveConcordance(table, undefined, new Catalog(new DataDir(tempDir()))).id).toBe('hs-jp-io2011-13');
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

  it('a user concordance: imported from YAML as a dataset (checked, file named in errors), then named by id', () => {
    const { table } = readIoTableFile(path.join(sharedData, 'io', 'iotable_13sector_2011.csv'));
    const dir = tempDir();
    const catalog = new Catalog(new DataDir(path.join(dir, 'data')).ensure());
    const good = path.join(dir, 'mine.yaml');
    fs.writeFileSync(good, 'id: mine\ntable: jp13\nsource: my own\nmap:\n  "81": "03"\n  "8112": "02"\n');
    const entry = importConcordance({ catalog, file: good });
    expect(entry).toMatchObject({ id: 'mine', kind: 'concordance', rows: 2 });
    const c = resolveConcordance(table, 'mine', catalog);
    expect(c.sectorOf('811292')).toBe(1); // 8112 → sector "02", the second of the table
    expect(c.sectorOf('810110')).toBe(2); // 81 → "03"
    const noSource = path.join(dir, 'bad.yaml');
    fs.writeFileSync(noSource, 'id: bad\ntable: jp13\nmap:\n  "81": "03"\n');
    expect(() => importConcordance({ catalog, file: noSource })).toThrow(/"source" is required/);
    const cycle = path.join(dir, 'cycle.yaml');
    fs.writeFileSync(cycle, 'id: c\ntable: t\nsource: s\ngroups:\n  a: ["@b"]\n  b: ["@a"]\nmap:\n  "@a": "01"\n');
    expect(() => importConcordance({ catalog, file: cycle })).toThrow(/includes itself/);
    expect(catalog.find('bad')).toBeUndefined();
  });

  it('an inline concordance in a scenario is used as given; its size is bounded', () => {
    const { table } = readIoTableFile(path.join(sharedData, 'io', 'iotable_13sector_2011.csv'));
    const catalog = new Catalog(new DataDir(tempDir()));
    const inline = { id: 'inline', table: 'jp13', source: 'test', map: { '81': '03', '8112': '02' } };
    expect(resolveConcordance(table, inline, catalog).sectorOf('811292')).toBe(1);
    const parse = (concordance: unknown) =>
      parseScenarioText(
        JSON.stringify({
          name: 'x',
          shocks: [{ type: 'export-cut', exporter: 'CHN', products: ['811292'], share: 1, duration: 6 }],
          propagation: { concordance },
        }),
      );
    expect(parse(inline).propagation.concordance).toEqual(inline);
    const huge = { ...inline, map: Object.fromEntries(Array.from({ length: 20_001 }, (_, i) => [`${i}`, '01'])) };
    expect(() => parse(huge)).toThrow(/at most 20000/);
  });

  // Issue 18, item 1: a scenario body named /dev/zero (the server grew to 15 GB) and /etc/shadow (read and parsed).
  it('a scenario never names a server file: paths are refused before anything is read', () => {
    const parse = (concordance: string) =>
      parseScenarioText(
        JSON.stringify({
          name: 'x',
          shocks: [{ type: 'export-cut', exporter: 'CHN', products: ['811292'], share: 1, duration: 6 }],
          propagation: { concordance },
        }),
      );
    for (const ref of ['/dev/zero', '/etc/shadow', '../../etc/passwd', 'C:\\x.yaml', 'mine.yaml/..']) {
      expect(() => parse(ref), ref).toThrow(/not a concordance id/);
    }
    const { table } = readIoTableFile(path.join(sharedData, 'io', 'iotable_13sector_2011.csv'));
    const catalog = new Catalog(new DataDir(tempDir()));
    // Even past validation, an id that is no shipped or imported concordance is not looked for on disk.
    expect(() => resolveConcordance(table, 'etc', catalog)).toThrow(/neither a shipped concordance .* nor an imported one/);
  });

  it('the CLI puts a concordance file named beside a scenario file inline (the operator’s own files)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'c.yaml'), 'id: mine\ntable: jp13\nsource: my own\nmap:\n  "81": "03"\n');
    const file = path.join(dir, 'scenario.yaml');
    fs.writeFileSync(
      file,
      'name: x\nshocks:\n  - {type: export-cut, exporter: CHN, products: ["811292"], share: 1, duration: 6}\npropagation:\n  concordance: c.yaml\n',
    );
    expect(readScenarioFile(file).definition.propagation.concordance).toEqual({
      id: 'mine',
      table: 'jp13',
      source: 'my own',
      map: { '81': '03' },
    });
  });
});
