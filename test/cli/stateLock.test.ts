import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestBundle, repo, type TestBundle } from '../helpers/cliBundle.ts';
import { runCliInProcess } from '../helpers/cliInProcess.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';
import { tempDir } from '../helpers/tmp.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { stateLockFile, type StateLockRecord } from '../../src/data/state/stateLock.ts';

/**
 * PGlite serves one process: with the server running on the embedded database, `users disable` printed success
 * and was lost, `users add` crashed with Aborted(), and EWS commands hung or corrupted the database. Now the
 * process that opens it holds `<data>/state.lock`; the others are refused at once with exit code 7, told who
 * holds it. Real processes here: the server as `npm start` runs it (tsx src/server/main.ts), the CLI through
 * tsx, through the esbuild bundle, and in this process.
 */
const serverMain = path.join(repo, 'src', 'server', 'main.ts');
const bin = path.join(repo, 'bin', 'chokepoint.mjs');
const { DATABASE_URL: _ignored, ...baseEnv } = process.env; // the embedded database, whatever the caller's shell says

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a child to its end (killed after 90 s: a CLI that waits on the lock fails the test, never hangs it). */
function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { env: { ...baseEnv, ...env }, timeout: 90_000 },
      (error, stdout, stderr) => {
        const code = error ? ((error as { code?: number }).code ?? null) : 0;
        resolve({ code: typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
}

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `tsx src/server/main.ts` on the data directory, on a port the OS picks; resolves once it serves. */
async function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverMain], {
    cwd: repo,
    env: { ...baseEnv, CHOKEPOINT_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const serving = /chokepoint is serving (http:\S+)/.exec(stderr);
      if (serving) resolve(serving[1]);
    });
    void exited.then(({ code }) => reject(new Error(`the server exited with ${code}: ${stderr}`)));
  });
  return { child, url, exited };
}

function lockRecord(dataDir: string): StateLockRecord | undefined {
  const file = stateLockFile(new DataDir(dataDir).stateDir);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as StateLockRecord) : undefined;
}

/** "since 12:03": the lock's time of taking, as the message shows it (local time, taken today). */
function hhmm(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

describe('the embedded state database: one process at a time (server and CLI)', () => {
  let built: TestBundle;
  beforeAll(async () => {
    built = await buildTestBundle();
  });
  afterAll(() => {
    if (built) fs.rmSync(built.outdir, { recursive: true, force: true });
  });

  const viaTsx = (args: string[]) => run([bin, ...args], { CHOKEPOINT_CLI_SOURCE: 'ts' });
  const viaBundle = (args: string[]) => run([built.runner, ...args]);

  it(
    'while the server runs, state commands are refused at once (exit 7, naming it) and change nothing; others work; once it stops, the CLI works',
    { timeout: 300_000 },
    async () => {
      const dataDir = new DataDir(tempDir()).ensure();
      const dir = dataDir.root;
      await importSharedTrade(dataDir, { datasetId: 'baci-cm' });
      const out = path.join(tempDir(), 'all.csv');
      const screenAll = ['--data-dir', dir, 'screen', '--reporter', 'ALL', '--year', '2023', '--csv', out];
      // A first screen reads the groups and remembers them, vouched for by the closed database's files.
      expect((await runCliInProcess(screenAll)).code).toBe(0);
      fs.rmSync(out);

      const server = await startServer(dir);
      try {
        const lock = lockRecord(dir)!;
        expect(lock).toMatchObject({ kind: 'server', pid: server.child.pid, url: server.url });
        const named = `the state database in ${dataDir.stateDir} is in use by the chokepoint server (pid ${server.child.pid}, ${server.url}, since ${hhmm(lock.since)}): stop it first, use the web app or the API`;

        for (const cli of [viaTsx, viaBundle]) {
          const refused = await cli(['--data-dir', dir, 'users', 'add', 'bob']);
          expect(refused.code).toBe(7);
          expect(refused.stderr).toContain(named);
          expect(refused.stderr).toContain('run the server on PostgreSQL (DATABASE_URL)');
          expect(refused.stderr).toContain(
            `状態データベース ${dataDir.stateDir} は chokepoint サーバーが使用中です`,
          );
          expect(refused.stdout).toBe('');
        }
        const disable = await runCliInProcess(['--data-dir', dir, 'users', 'disable', 'admin']);
        expect(disable.code).toBe(7);
        expect(disable.stderr).toContain(named);
        const item = await runCliInProcess(['--data-dir', dir, 'ews', 'items', 'list']);
        expect(item.code).toBe(7);

        // The server opened the database, so the remembered groups are no longer vouched for: the screen needs the
        // database, and is refused before it starts (no first pass, no file) instead of opening PGlite.
        const screen = await runCliInProcess(screenAll);
        expect(screen.code).toBe(7);
        expect(screen.stderr).toContain(named);
        expect(fs.existsSync(out)).toBe(false);

        // Commands that do not need the state database work beside the server.
        const list = await viaBundle(['--data-dir', dir, '--json', 'data', 'list']);
        expect(list.code).toBe(0);
        expect((JSON.parse(list.stdout) as { id: string }[]).map((e) => e.id)).toContain('baci-cm');
        const manifests = await runCliInProcess(['--data-dir', dir, '--json', 'data', 'fetch', '--list']);
        expect(manifests.code).toBe(0);
        expect(lockRecord(dir)?.token).toBe(lock.token); // still the server's
      } finally {
        server.child.kill('SIGTERM');
      }
      // SIGTERM: the server closes its stores, which releases the lock, and exits 0.
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(lockRecord(dir)).toBeUndefined();

      // Nothing the refused commands asked for happened: admin (created by the server's first start) alone, enabled.
      const users = await viaBundle(['--data-dir', dir, '--json', 'users', 'list']);
      expect(users.code).toBe(0);
      expect(
        (JSON.parse(users.stdout) as { username: string; disabled: boolean }[]).map((u) => [
          u.username,
          u.disabled,
        ]),
      ).toEqual([['admin', false]]);
      const audit = await runCliInProcess(['--data-dir', dir, '--json', 'audit', 'list']);
      expect(audit.stdout).not.toMatch(/"bob"/);

      const added = await runCliInProcess(['--data-dir', dir, '--json', 'users', 'add', 'bob']);
      expect(added.code).toBe(0);
      expect(JSON.parse(added.stdout)).toMatchObject({ user: { username: 'bob' } });
      expect((await runCliInProcess(screenAll)).code).toBe(0);
      expect(fs.statSync(out).size).toBeGreaterThan(1000);
      expect(lockRecord(dir)).toBeUndefined();
    },
  );

  it(
    'a CLI command holding the database: the server refuses to start (exit 7, naming the command); SIGTERM to the command releases it',
    { timeout: 300_000 },
    async () => {
      const dir = tempDir();
      const stateDir = new DataDir(dir).stateDir;
      // A command in the middle of its work: it opened the database as the CLI does, and keeps it open.
      const dbModule = JSON.stringify(path.join(repo, 'src', 'data', 'state', 'db.ts'));
      const holder = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `import { openStateDb } from ${dbModule};
           await openStateDb({ dataDir: ${JSON.stringify(stateDir)}, holder: { kind: 'cli', command: 'ews items scan-due' } });
           process.stdout.write('open\\n');
           setInterval(() => {}, 1000);`,
        ],
        { env: baseEnv, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const holderExited = new Promise<NodeJS.Signals | null>((resolve) =>
        holder.on('exit', (_code, signal) => resolve(signal)),
      );
      try {
        await new Promise<void>((resolve) => holder.stdout!.on('data', () => resolve()));
        const lock = lockRecord(dir)!;
        expect(lock).toMatchObject({ kind: 'cli', command: 'ews items scan-due', pid: holder.pid });

        const refused = await run(['--import', 'tsx', serverMain], {
          CHOKEPOINT_DATA_DIR: dir,
          PORT: '0',
          HOST: '127.0.0.1',
        });
        expect(refused.code).toBe(7);
        expect(refused.stderr).toContain(
          `error: the state database in ${stateDir} is in use by another chokepoint command (\`chokepoint ews items scan-due\`, pid ${holder.pid}, since ${hhmm(lock.since)}): wait for it to finish`,
        );
        expect(refused.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
        const alsoRefused = await viaBundle(['--data-dir', dir, 'users', 'list']);
        expect(alsoRefused.code).toBe(7);
        expect(lockRecord(dir)?.token).toBe(lock.token);
      } finally {
        holder.kill('SIGTERM');
      }
      // Nothing else handles SIGTERM in that process: the lock is released, then the signal ends it as usual.
      expect(await holderExited).toBe('SIGTERM');
      expect(lockRecord(dir)).toBeUndefined();
      expect((await runCliInProcess(['--data-dir', dir, 'users', 'list'])).code).toBe(0);
    },
  );

  it(
    'a lock left by a server killed with kill -9 is taken over: the CLI works, and the database with it',
    { timeout: 300_000 },
    async () => {
      const dir = tempDir();
      const server = await startServer(dir);
      const pid = server.child.pid;
      server.child.kill('SIGKILL');
      expect((await server.exited).signal).toBe('SIGKILL');
      expect(lockRecord(dir)).toMatchObject({ kind: 'server', pid }); // left behind, its process gone

      const added = await viaBundle(['--data-dir', dir, '--json', 'users', 'add', 'carol']);
      expect(added.stderr).toBe('');
      expect(added.code).toBe(0);
      expect(lockRecord(dir)).toBeUndefined();
      const users = await runCliInProcess(['--data-dir', dir, '--json', 'users', 'list']);
      expect((JSON.parse(users.stdout) as { username: string }[]).map((u) => u.username)).toEqual([
        'admin',
        'carol',
      ]);
    },
  );
});
