import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { runCliInProcess } from '../helpers/cliInProcess.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { openStateDb } from '../../src/data/state/db.ts';
import { getRun } from '../../src/data/scenario/scenarioStore.ts';
import { pdfText } from '../tech/pdfText.ts';

/**
 * `chokepoint exercise …` on the real BACI critical-minerals extract and the 2011 IO table, with the CLI's own
 * embedded state in the data folder: the templates, a new exercise from a template (figures equal to the stored
 * run's), the list, the report for two organisations of different sharing caps, the OpenAEV import, bad input.
 */
const cli = (dir: string, args: string[]) => runCliInProcess(['--data-dir', dir, ...args]);
afterEach(() => vi.restoreAllMocks());

/** The value at a figure's path in the run's result, e.g. `products[3].unmet.value`. */
function at(result: unknown, pathText: string): unknown {
  return pathText
    .split(/\.|\[(\d+)\]/)
    .filter((p) => p !== undefined && p !== '')
    .reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], result);
}

describe('chokepoint exercise', () => {
  const dir = tempDir();
  beforeAll(async () => {
    await importSharedTrade(new DataDir(dir).ensure(), { datasetId: 'baci-cm', ioTable: true, labels: true });
  }, 300_000);

  it('templates --json lists the four templates with Japanese and English titles', async () => {
    const r = await cli(dir, ['exercise', 'templates', '--json']);
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout).items as { id: string; title: { ja: string; en: string } }[];
    expect(items.map((t) => t.id)).toEqual([
      'export-ban-critical-mineral',
      'chokepoint-closure',
      'cyber-attack-supplier-plant',
      'economic-coercion',
    ]);
    expect(items[0].title.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const human = await cli(dir, ['exercise', 'templates']);
    expect(human.stdout).toContain(items[0].title.ja);
    expect(human.stdout).toContain(items[0].title.en);
  });

  let exerciseId: string;
  it("create runs the scenario and generates injects whose figures are the stored run's", async () => {
    const r = await cli(dir, [
      'exercise',
      'create',
      '--template',
      'export-ban-critical-mineral',
      '--reporter',
      'JPN',
      '--year',
      '2024',
      '--hs',
      '811292,850511',
      '--json',
    ]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    exerciseId = body.id;
    expect(body.status).toBe('ready');
    for (const inject of body.injects)
      expect(Object.keys(inject)).toEqual(
        expect.arrayContaining(['at', 'team', 'title', 'body', 'figures', 'marking']),
      );
    const stockOut = body.injects.find((i: { id: string }) => i.id === 'stock-out-850511');
    expect(stockOut.figures.map((f: { key: string }) => f.key)).toContain('unmet:850511');
    const state = await openStateDb({ dataDir: new DataDir(dir).stateDir });
    try {
      const run = await getRun(state, body.baselineRunId);
      expect(run?.status).toBe('done');
      let checked = 0;
      for (const inject of body.injects)
        for (const figure of inject.figures as { value: number; path: string }[]) {
          expect(at(run!.result, figure.path), `${inject.id} ${figure.path}`).toBe(figure.value);
          checked++;
        }
      expect(checked).toBeGreaterThan(5);
    } finally {
      await state.close();
    }
    const list = JSON.parse((await cli(dir, ['exercise', 'list', '--json'])).stdout);
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([exerciseId]);
  }, 300_000);

  it("report: the association's Japanese PDF leaves out the restricted inject, the ministry's has it", async () => {
    expect(
      (await cli(dir, ['orgs', 'add', 'jeita', '--name', 'JEITA', '--kind', 'association', '--cap', '0']))
        .code,
    ).toBe(0);
    expect(
      (await cli(dir, ['orgs', 'add', 'meti', '--name', '経済産業省', '--kind', 'ministry', '--cap', '2']))
        .code,
    ).toBe(0);
    const report = async (org: string) => {
      const out = path.join(dir, `${org}.pdf`);
      const r = await cli(dir, [
        'exercise',
        'report',
        exerciseId,
        '--format',
        'pdf',
        '--lang',
        'ja',
        '--org',
        org,
        '--out',
        out,
        '--json',
      ]);
      expect(r.code).toBe(0);
      return { body: JSON.parse(r.stdout), text: pdfText(fs.readFileSync(out)).text.replace(/\s+/g, '') };
    };
    const association = await report('jeita');
    expect(association.body.marking.level).toBe(0);
    expect(association.text).toContain('図上演習事後評価報告書');
    expect(association.text).not.toContain('情報評価');
    const ministry = await report('meti');
    expect(ministry.body.marking.level).toBe(1);
    expect(ministry.text).toContain('情報評価(取扱注意)');
  }, 120_000);

  it('imports the OpenAEV starter-pack archive with its 20 injects in order', async () => {
    const file = path.join(
      sharedData,
      'exercises',
      'openaev_starterpack_scenario-Akira_Ransomware_Crisis.zip',
    );
    const r = await cli(dir, ['exercise', 'import', file, '--json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.injects).toHaveLength(20);
    // Its provenance: the archive's checksum, found in the manifest of the mirror's exercises/ folder.
    expect(body.design.imported).toEqual({
      format: 'openaev',
      file: 'openaev_starterpack_scenario-Akira_Ransomware_Crisis.zip',
      sha256: 'ac96c933c57a6a2c2eed7ee52e81bfd536b1cf066e4a45b12858ec0864388e5b',
      dataset: 'openaev-akira-ttx',
      publisher: 'Filigran SAS (OpenAEV)',
      licence: 'Apache-2.0 (OpenAEV Community Edition)',
    });
    const times = body.injects.map((i: { at: number }) => i.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('bad input: an unknown template exits 4 (not found) naming it, a bad --format names the field', async () => {
    const t = await cli(dir, ['exercise', 'create', '--template', 'no-such-template']);
    expect(t.code).toBe(4);
    expect(t.stderr).toMatch(/no-such-template/);
    const f = await cli(dir, [
      'exercise',
      'report',
      'x',
      '--format',
      'odt',
      '--org',
      'jeita',
      '--out',
      path.join(dir, 'x'),
    ]);
    expect(f.code).toBe(3);
    expect(f.stderr).toMatch(/format/);
    // An unknown facilitator stops the import before anything is saved.
    const before = JSON.parse((await cli(dir, ['exercise', 'list', '--json'])).stdout).total;
    const file = path.join(sharedData, 'exercises', 'openaev_scenario_akira_ransomware_crisis.json');
    const u = await cli(dir, ['exercise', 'import', file, '--facilitator', 'nobody']);
    expect(u.code).toBe(4);
    expect(u.stderr).toMatch(/nobody/);
    expect(JSON.parse((await cli(dir, ['exercise', 'list', '--json'])).stdout).total).toBe(before);
  });
});
