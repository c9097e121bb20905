import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { openStateDb } from '../../src/data/state/db.ts';
import { createDialogue, type DialogueInput } from '../../src/data/dialogue/index.ts';
import { runCliInProcess } from '../helpers/cliInProcess.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * `chokepoint dialogue list|show|export` on two records kept in the data folder's state: a public hearing on
 * magnets and a restricted association meeting on batteries; filters, one record, and the export's marking.
 */
const record = (over: Partial<DialogueInput>): DialogueInput => ({
  heldOn: '2026-11-20',
  kind: 'hearing',
  title: 'Hearing with a magnet maker',
  participants: [{ name: 'Taro Yamada', organisation: 'Magnet Co.', role: null }],
  organisations: ['magnet-co'],
  topics: ['rare earths'],
  products: ['850511'],
  technologies: [],
  cases: [],
  summary: '',
  findings: [
    { text: 'No qualified alternative supplier.', product: '850511', country: 'CHN', registryProposal: null },
  ],
  followUps: [{ action: 'Send the minutes', owner: 'k.ito', dueOn: '2026-12-04', done: false }],
  marking: { level: 0, compartments: [], releasableTo: null },
  ...over,
});

describe('chokepoint dialogue', () => {
  let root: string;
  let magnets: string;
  const cli = (...args: string[]) => runCliInProcess([...args, '--data-dir', root]);

  beforeAll(async () => {
    root = tempDir();
    const state = await openStateDb({ dataDir: new DataDir(root).ensure().stateDir });
    try {
      magnets = (await createDialogue(state, record({}), null)).id;
      await createDialogue(
        state,
        record({
          heldOn: '2026-10-02',
          kind: 'association-meeting',
          title: 'Battery association meeting',
          products: ['850760'],
          followUps: [],
          marking: { level: 1, compartments: [], releasableTo: null },
        }),
        null,
      );
    } finally {
      await state.close();
    }
  });

  it('lists records newest first, filtered', async () => {
    const all = JSON.parse((await cli('dialogue', 'list', '--json')).stdout);
    expect(all.total).toBe(2);
    expect(all.items.map((r: { title: string }) => r.title)).toEqual([
      'Hearing with a magnet maker',
      'Battery association meeting',
    ]);
    expect(all.items[0]).toMatchObject({ findingCount: 1, openFollowUps: 1 });
    const batteries = JSON.parse((await cli('dialogue', 'list', '--product', '850760', '--json')).stdout);
    expect(batteries.items.map((r: { kind: string }) => r.kind)).toEqual(['association-meeting']);
    const open = JSON.parse((await cli('dialogue', 'list', '--open', '--json')).stdout);
    expect(open.total).toBe(1);
    const table = await cli('dialogue', 'list', '--lang', 'ja');
    expect(table.stdout).toContain('業界団体との会合');
  });

  it('shows one record and exports them as JSON marked with the join', async () => {
    const shown = JSON.parse((await cli('dialogue', 'show', magnets, '--json')).stdout);
    expect(shown.findings[0]).toMatchObject({ product: '850511', country: 'CHN' });
    expect(shown.participants[0].name).toBe('Taro Yamada');
    const out = path.join(tempDir(), 'dialogue.json');
    const res = await cli('dialogue', 'export', '--out', out, '--json');
    expect(res.code, res.stderr).toBe(0);
    const file = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(file.marking).toEqual({ level: 1, compartments: [], releasableTo: null });
    expect(file.records).toHaveLength(2);
    expect(file.records[0].followUps[0].action).toBe('Send the minutes');
  });

  it('names the option or the record that is wrong', async () => {
    const kind = await cli('dialogue', 'list', '--kind', 'dinner', '--json');
    expect(kind.code).not.toBe(0);
    expect(kind.stderr).toMatch(/--kind must be one of hearing, association-meeting/);
    const missing = await cli('dialogue', 'show', 'no-such-record', '--json');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/dialogue record not found/);
  });
});
