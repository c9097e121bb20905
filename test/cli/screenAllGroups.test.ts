import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCliInProcess } from '../helpers/cliInProcess.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { embeddedStateFingerprint } from '../../src/data/state/embeddedStateFingerprint.ts';
import { openStateDb } from '../../src/data/state/db.ts';
import { csvObjects } from '../helpers/csvObjects.ts';
import { tempDir } from '../helpers/tmp.ts';
import { baciCriticalMineralsCsv, importSharedTrade } from '../helpers/sharedTrade.ts';

/**
 * `chokepoint screen --reporter ALL` on the embedded database: the country groups come from the state database,
 * which is not even opened when its files are untouched since the groups were last read from it. Whatever path a
 * run takes, the file must hold the stored groups' figures — checked here against the BACI CSV after the groups are
 * changed through the CLI between two screens.
 */
const year = 2023;

/** JPN's imports by product in `year` from the BACI CSV: share of those from the given BACI exporter codes. */
function japanShareFrom(codes: string[]): Map<string, number> {
  const total = new Map<string, number>();
  const from = new Map<string, number>();
  for (const line of fs.readFileSync(baciCriticalMineralsCsv, 'utf8').split('\n').slice(1)) {
    const [t, i, j, k, v] = line.split(',');
    if (Number(t) !== year || j !== '392' || !(Number(v) > 0)) continue;
    total.set(k, (total.get(k) ?? 0) + Number(v));
    if (codes.includes(i)) from.set(k, (from.get(k) ?? 0) + Number(v));
  }
  return new Map([...total].map(([k, t]) => [k.padStart(6, '0'), (from.get(k) ?? 0) / t]));
}

describe('screen --reporter ALL and the stored country groups (embedded database)', () => {
  let dir: string;
  let dataDir: DataDir;
  beforeAll(async () => {
    dir = tempDir();
    dataDir = new DataDir(dir).ensure();
    await importSharedTrade(dataDir, { datasetId: 'baci-cm' });
    delete process.env.DATABASE_URL;
  });
  afterEach(() => vi.restoreAllMocks());

  async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const { code, stdout, stderr } = await runCliInProcess(['--data-dir', dir, '--quiet', ...args]);
    return { code, out: stdout, err: stderr };
  }

  async function screenAll(name: string): Promise<{ concern: string[]; japan: Map<string, number> }> {
    const file = path.join(dir, name);
    const result = await run('screen', '--reporter', 'ALL', '--year', String(year), '--csv', file);
    expect(result.code, result.err).toBe(0);
    const rows = csvObjects(fs.readFileSync(file, 'utf8'), file).filter((r) => r.reporter === 'JPN');
    const provenance = JSON.parse(fs.readFileSync(`${file}.provenance.json`, 'utf8')) as {
      concern: string[];
    };
    return { concern: provenance.concern, japan: new Map(rows.map((r) => [r.hs6, Number(r.concernShare)])) };
  }

  it('follows every change of the groups, whether or not it opened the database', async () => {
    const first = await screenAll('first.csv');
    const fingerprint = embeddedStateFingerprint(dataDir.stateDir);
    expect(fingerprint).toBeDefined();

    // Untouched since: the second screen does not open the database (its files stay exactly as they were).
    const second = await screenAll('second.csv');
    expect(embeddedStateFingerprint(dataDir.stateDir)).toBe(fingerprint);
    expect(second).toEqual(first);

    // Countries of concern set to China alone through the CLI: the next screen must see it.
    expect((await run('groups', 'set', 'CONCERN', '--members', 'CHN')).code).toBe(0);
    const third = await screenAll('third.csv');
    expect(third.concern).toEqual(['CHN']);
    const fromChina = japanShareFrom(['156']);
    expect(third.japan.size).toBe(fromChina.size);
    for (const [hs6, share] of third.japan) expect(share).toBeCloseTo(fromChina.get(hs6)!, 12);

    // …and again when nothing changed since (the database not opened), then after a change back.
    expect(await screenAll('fourth.csv')).toEqual(third);
    expect((await run('groups', 'set', 'CONCERN', '--members', 'CHN,RUS')).code).toBe(0);
    const fifth = await screenAll('fifth.csv');
    expect(fifth.concern).toEqual(['CHN', 'RUS']);
    const fromChinaOrRussia = japanShareFrom(['156', '643']);
    for (const [hs6, share] of fifth.japan) expect(share).toBeCloseTo(fromChinaOrRussia.get(hs6)!, 12);
  });

  it('a deleted or garbled copy of the groups only costs time', async () => {
    fs.writeFileSync(path.join(dataDir.cacheDir, 'partner-groups.json'), '{"groups": [{"id": 1}]');
    expect((await screenAll('garbled.csv')).concern).toEqual(['CHN', 'RUS']);
    fs.rmSync(dataDir.cacheDir, { recursive: true, force: true });
    expect((await screenAll('deleted.csv')).concern).toEqual(['CHN', 'RUS']);
  });

  it('the fingerprint sees the database opened and closed without a change, and any file touched, added or removed', async () => {
    const before = embeddedStateFingerprint(dataDir.stateDir);
    await (await openStateDb({ dataDir: dataDir.stateDir })).close();
    const reopened = embeddedStateFingerprint(dataDir.stateDir);
    expect(reopened).not.toBe(before);

    const folder = tempDir();
    fs.writeFileSync(path.join(folder, 'a'), 'x');
    const fingerprints = [embeddedStateFingerprint(folder)];
    fs.utimesSync(path.join(folder, 'a'), new Date(Date.now() + 1500), new Date(Date.now() + 1500));
    fingerprints.push(embeddedStateFingerprint(folder));
    fs.writeFileSync(path.join(folder, 'b'), '');
    fingerprints.push(embeddedStateFingerprint(folder));
    fs.rmSync(path.join(folder, 'b'));
    fingerprints.push(embeddedStateFingerprint(folder));
    expect(new Set(fingerprints).size).toBe(4);
    expect(embeddedStateFingerprint(path.join(folder, 'absent'))).toBeUndefined();
  });
});
