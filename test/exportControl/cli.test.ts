import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { fetchDataset } from '../../src/data/fetch/fetchDataset.ts';
import { findManifest } from '../../src/data/manifests/index.ts';
import { runCliInProcess } from '../helpers/cliInProcess.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';

describe('chokepoint lists / screen-party / export-check', () => {
  let root: string;
  const cli = (...args: string[]) => runCliInProcess([...args, '--data-dir', root]);
  const screenJson = async (...args: string[]) =>
    JSON.parse((await cli('screen-party', ...args, '--json')).stdout);
  beforeAll(async () => {
    root = tempDir();
    const dataDir = new DataDir(root);
    for (const id of ['meti-end-user-list', 'meti-russia-lists', 'jp-export-control-order'])
      await fetchDataset(findManifest(id), { dataDir, mirror: sharedData });
  }, 120_000);

  it('finds a known End User List entry from its Japanese name, best first, with the explanation', async () => {
    const { code, stdout } = await cli('screen-party', '西北工業大学', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.query).toMatchObject({ name: '西北工業大学', threshold: 0.7 });
    expect(out.matches[0]).toMatchObject({
      list: 'meti-eul',
      entryId: 'CHN:northwesternpolytechnicaluniversitynpu西北工業大学',
      name: 'Northwestern Polytechnical University（NPU） (西北工業大学)',
      score: 1,
    });
    expect(out.matches[0].explanation[0].en).toContain('西北工業大学');
    const scores = out.matches.map((m: { score: number }) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('finds a Russian specified entity from half-width katakana', async () => {
    expect((await screenJson('ｱﾄﾞﾐﾗﾙﾃｨ造船所', '--list', 'meti-russia')).matches[0]).toMatchObject({
      list: 'meti-russia',
      entryId: 'russia-1',
      name: 'Admiralty Shipyard JSC',
      score: 1,
    });
  });

  it('screens a CSV of counterparties with progress on stderr', async () => {
    const file = path.join(tempDir(), 'parties.csv');
    fs.writeFileSync(
      file,
      'id,name,country\nc1,Toyota Motor Corporation,JPN\nc2,Green Pine Associated Corp.,PRK\nc3,北京航空航天大学,CHN\n',
    );
    const { code, stdout, stderr } = await cli('screen-party', '--file', file, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ parties: 3, matched: 2 });
    expect(out.results.map((r: { id: string; matches: unknown[] }) => [r.id, r.matches.length > 0])).toEqual([
      ['c1', false],
      ['c2', true],
      ['c3', true],
    ]);
    expect(stderr).toContain('screen-party: 3 parties, 2 with a match');
  });

  it('names the line of a bad counterparty row', async () => {
    const file = path.join(tempDir(), 'bad.csv');
    fs.writeFileSync(file, 'name,country\nAcme,JPN\nBeta,Atlantis\n');
    const { code, stderr } = await cli('screen-party', '--file', file);
    expect(code).toBe(3);
    expect(stderr).toContain(`${file}, line 3, column country: unknown country "Atlantis"`);
  });

  it('checks a transaction with the end user screened', async () => {
    const { code, stdout } = await cli(
      'export-check',
      '--item',
      '8542.31',
      '--destination',
      'CHN',
      '--end-user',
      '西北工業大学',
      '--end-use',
      'civil',
      '--json',
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.verdict).toBe('catch-all-check');
    expect(out.reasons.map((r: { rule: string }) => r.rule)).toEqual([
      'hs-classification',
      'R5-end-user-list',
    ]);
    expect(out.reasons[1].en).toContain('Northwestern Polytechnical University');
    expect(out.questions).toHaveLength(7);
    const ban = JSON.parse(
      (
        await cli(
          'export-check',
          '--item',
          '0901',
          '--destination',
          'RUS',
          '--end-user',
          'Admiralty Shipyard',
          '--json',
        )
      ).stdout,
    );
    expect(ban.verdict).toBe('licence-required');
  });

  it('reports the list versions and the delta', async () => {
    const versions = JSON.parse((await cli('lists', 'versions', '--json')).stdout);
    expect(versions.map((m: { list: string; versions: unknown[] }) => [m.list, m.versions.length])).toEqual([
      ['meti-eul', 2],
      ['meti-russia', 1],
    ]);
    const delta = JSON.parse((await cli('lists', 'delta', '--list', 'meti-eul', '--json')).stdout);
    expect([delta.from, delta.to, delta.delta.added.length, delta.delta.removed.length]).toEqual([
      '2025-01-31',
      '2025-09-29',
      97,
      10,
    ]);
  });

  it('imports a user list and refuses a malformed one, keeping the version', async () => {
    const dir = tempDir();
    const good = path.join(dir, 'blocklist_2026-01-01.csv');
    fs.writeFileSync(good, 'id,name,aliases,country\nB1,Acme Dual Use Trading,アクメ・トレーディング,HKG\n');
    const first = JSON.parse((await cli('lists', 'import', good, '--list', 'blocklist', '--json')).stdout);
    expect(first).toMatchObject({
      dataset: 'list-blocklist',
      version: { version: '2026-01-01', entries: 1 },
      delta: null,
    });
    const bad = path.join(dir, 'blocklist_2026-02-01.csv');
    fs.writeFileSync(bad, 'id,name,country\nB1,Acme Dual Use Trading,HKG\nB1,Other,HKG\n');
    const { code, stderr } = await cli('lists', 'import', bad, '--list', 'blocklist');
    expect(code).toBe(3);
    expect(stderr).toContain('line 3, column id: id "B1" appears again (first on line 2)');
    expect((await screenJson('アクメトレーディング', '--list', 'blocklist')).matches[0]).toMatchObject({
      list: 'blocklist',
      entryId: 'B1',
      listRole: 'user',
      listVersion: '2026-01-01',
    });
  });
});
