import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { runCliInProcess } from '../helpers/cliInProcess.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';

/**
 * A killed import (kill -9, out of memory, power cut) never runs its `finally`, so its scratch folder stays in
 * tmp/. The CLI and the server remove such folders when they start — only those whose process is gone.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const minerals = path.join(sharedData, 'baci-critical-minerals', 'BACI_HS17_critical_minerals_2018-2024.csv');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A process that makes a scratch folder through DataDir.scratch (as the importers do), then dies or waits. */
async function scratchOfChild(root: string, prefix: string, fate: 'killed' | 'running') {
  const script = path.join(tempDir(), 'child.mjs');
  fs.writeFileSync(
    script,
    `import fs from 'node:fs';
     import path from 'node:path';
     import { DataDir } from ${JSON.stringify(path.join(repo, 'src/data/catalog/dataDir.ts'))};
     const dir = new DataDir(process.argv[2]).scratch(process.argv[3]);
     fs.writeFileSync(path.join(dir, 'part-0.parquet'), 'half-written');
     process.stdout.write(path.basename(dir) + '\\n');
     if (process.argv[4] === 'killed') process.kill(process.pid, 'SIGKILL');
     else setInterval(() => undefined, 1000);`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script, root, prefix, fate], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = once(child, 'exit');
  if (fate === 'killed') await exited;
  else while (!out.includes('\n')) await new Promise((r) => setTimeout(r, 20));
  return { name: out.trim(), child };
}

describe('DataDir.removeAbandonedScratch', () => {
  it('removes the scratch of ended processes and keeps that of running ones and anything else in tmp/', async () => {
    const dataDir = new DataDir(tempDir()).ensure();
    const killed = await scratchOfChild(dataDir.root, 'import-baci-hs17', 'killed');
    const running = await scratchOfChild(dataDir.root, 'import-baci-hs22', 'running');
    const own = path.basename(dataDir.scratch('import-exports'));
    // This pid with another start time: an earlier process that had the same pid (a container's pid 1).
    const samePidEarlier = `import-patents-p${process.pid}-kq1x2y3z-${randomUUID()}`;
    fs.mkdirSync(path.join(dataDir.tmpDir, samePidEarlier));
    // Folders of the previous version: a BACI import's with its pid file, and one whose owner is unknown.
    const oldDead = `import-baci-hs12-${randomUUID()}`;
    fs.mkdirSync(path.join(dataDir.tmpDir, oldDead));
    fs.writeFileSync(path.join(dataDir.tmpDir, oldDead, 'pid'), String(killed.child.pid));
    const oldUnknown = `io-table-${randomUUID()}`;
    fs.mkdirSync(path.join(dataDir.tmpDir, oldUnknown));
    // Not scratch folders: the shared DuckDB spill folder and resumable downloads.
    fs.mkdirSync(path.join(dataDir.tmpDir, 'duckdb'));
    fs.mkdirSync(path.join(dataDir.tmpDir, 'downloads'));
    fs.writeFileSync(path.join(dataDir.tmpDir, 'downloads', 'abc.part'), 'partial');

    expect(killed.name).toMatch(
      new RegExp(`^import-baci-hs17-p${killed.child.pid}-[0-9a-z]+-[0-9a-f-]{36}$`),
    );
    expect(dataDir.removeAbandonedScratch().sort()).toEqual([killed.name, oldDead, samePidEarlier].sort());
    expect(fs.readdirSync(dataDir.tmpDir).sort()).toEqual(
      [running.name, own, oldUnknown, 'duckdb', 'downloads'].sort(),
    );
    expect(fs.existsSync(path.join(dataDir.tmpDir, 'downloads', 'abc.part'))).toBe(true);

    running.child.kill('SIGKILL');
    await once(running.child, 'exit');
    expect(dataDir.removeAbandonedScratch()).toEqual([running.name]);
  });

  it('does nothing in a data directory without tmp/', () => {
    expect(new DataDir(path.join(tempDir(), 'none')).removeAbandonedScratch()).toEqual([]);
  });
});

describe('a killed `chokepoint data import baci` leaves nothing after the next start', () => {
  it('the CLI removes the scratch folder when it next starts', { timeout: 180_000 }, async () => {
    const root = tempDir();
    const tmp = path.join(root, 'tmp');
    const child = spawn(
      process.execPath,
      [path.join(repo, 'bin', 'chokepoint.mjs'), '--data-dir', root, 'data', 'import', 'baci', minerals],
      { stdio: 'ignore' },
    );
    children.push(child);
    const exited = once(child, 'exit');
    // Kill it without warning as soon as its scratch folder exists (the real CSV takes seconds to convert).
    let scratch: string[] = [];
    const deadline = Date.now() + 150_000;
    while (scratch.length === 0 && Date.now() < deadline && child.exitCode === null) {
      scratch = fs.existsSync(tmp)
        ? fs.readdirSync(tmp).filter((f) => f.startsWith('import-baci-hs17-'))
        : [];
      if (scratch.length === 0) await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    const [, signal] = (await exited) as [number | null, string | null];
    expect(signal).toBe('SIGKILL');
    expect(scratch).toHaveLength(1);
    expect(fs.readdirSync(tmp)).toContain(scratch[0]);

    const list = await runCliInProcess(['--data-dir', root, '--json', 'data', 'list']);
    expect(list.code).toBe(0);
    expect(fs.readdirSync(tmp)).not.toContain(scratch[0]);
  });

  it('the server removes it when it starts', { timeout: 180_000 }, async () => {
    const root = tempDir();
    const killed = await scratchOfChild(root, 'import-baci-hs17', 'killed');
    const env: NodeJS.ProcessEnv = { ...process.env, CHOKEPOINT_DATA_DIR: root, PORT: '0' };
    delete env.DATABASE_URL; // the embedded state database in the data directory
    const server = spawn(process.execPath, ['--import', 'tsx', path.join(repo, 'src', 'server', 'main.ts')], {
      cwd: repo,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(server);
    let stderr = '';
    let log = '';
    server.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    server.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    const deadline = Date.now() + 150_000;
    while (!/chokepoint is serving/.test(stderr) && Date.now() < deadline && server.exitCode === null)
      await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toMatch(/chokepoint is serving/);
    expect(fs.readdirSync(path.join(root, 'tmp'))).not.toContain(killed.name);
    expect(log).toMatch(/removed 1 scratch folders left by ended processes/);
    server.kill('SIGTERM');
    await once(server, 'exit');
  });
});
