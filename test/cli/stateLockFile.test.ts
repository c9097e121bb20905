import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';
import { repo } from '../helpers/cliBundle.ts';
import { ChokepointError } from '../../src/errors.ts';
import { openStateDb } from '../../src/data/state/db.ts';
import {
  acquireStateLock,
  assertStateLockFree,
  stateLockFile,
  stateLockHolder,
  type StateLockRecord,
} from '../../src/data/state/stateLock.ts';

const exec = promisify(execFile);

/** The lock file of <data>/state, for a lock some other process is said to hold. */
function writeLock(stateDir: string, record: Partial<StateLockRecord>): string {
  const file = stateLockFile(stateDir);
  const full = {
    kind: 'cli',
    command: 'users add',
    pid: 1,
    host: os.hostname(),
    since: new Date().toISOString(),
    token: 'their-token',
    ...record,
  };
  fs.writeFileSync(file, JSON.stringify(full));
  return file;
}

function refusal(fn: () => unknown): ChokepointError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ChokepointError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('the state database lock file (<data>/state.lock)', () => {
  let sleeper: ChildProcess; // a live process that is not chokepoint and holds nothing
  beforeAll(() => {
    sleeper = spawn('sleep', ['600'], { stdio: 'ignore' });
  });
  afterAll(() => {
    sleeper.kill('SIGKILL');
  });

  it('is created exclusively with who holds it, refused to a second opener, and removed on release', () => {
    const stateDir = path.join(tempDir(), 'state');
    const lock = acquireStateLock(stateDir, { kind: 'cli', command: 'users add' });
    expect(lock.file).toBe(`${stateDir}.lock`);
    const record = JSON.parse(fs.readFileSync(lock.file, 'utf8')) as StateLockRecord;
    expect(record).toMatchObject({
      kind: 'cli',
      command: 'users add',
      pid: process.pid,
      host: os.hostname(),
    });
    expect(Date.now() - Date.parse(record.since)).toBeLessThan(60_000);
    if (process.platform === 'linux') expect(record.processStart).toMatch(/^\d+$/);
    // Even this process may not open it twice: two PGlite instances on one folder corrupt it as two processes do.
    const again = refusal(() => acquireStateLock(stateDir, { kind: 'server' }));
    expect(again.code).toBe('in_use');
    expect(again.exitCode).toBe(7);
    expect(again.message).toContain(
      `is in use by this process (\`chokepoint users add\`, pid ${process.pid}`,
    );
    expect(() => assertStateLockFree(stateDir)).not.toThrow(); // its own lock
    lock.update({ url: 'http://localhost:8080' });
    expect(stateLockHolder(stateDir)).toMatchObject({ url: 'http://localhost:8080', token: record.token });
    lock.release();
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
    acquireStateLock(stateDir, { kind: 'cli' }).release();
  });

  it('held by another live process: refused at once, naming it, and left as it is', () => {
    const stateDir = path.join(tempDir(), 'state');
    const file = writeLock(stateDir, { pid: sleeper.pid, since: '2026-03-01T03:04:00Z' });
    const before = fs.readFileSync(file, 'utf8');
    const refused = refusal(() => acquireStateLock(stateDir, { kind: 'server' }));
    expect(refused.message).toMatch(
      new RegExp(
        `^the state database in \\S+ is in use by another chokepoint command \\(\`chokepoint users add\`, pid ${sleeper.pid}, since 2026-03-0[12] \\d\\d:04\\): wait for it to finish`,
      ),
    );
    expect(refused.message).toContain('別の chokepoint コマンドが使用中です');
    expect(() => assertStateLockFree(stateDir)).toThrow(/in use by another chokepoint command/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('left by a process that is gone: taken over', async () => {
    const { stdout } = await exec(process.execPath, ['-e', 'console.log(process.pid)']);
    const stateDir = path.join(tempDir(), 'state');
    writeLock(stateDir, { kind: 'server', pid: Number(stdout), url: 'http://localhost:8080' });
    expect(stateLockHolder(stateDir)).toBeUndefined();
    const lock = acquireStateLock(stateDir, { kind: 'cli', command: 'users list' });
    expect(stateLockHolder(stateDir)).toMatchObject({ pid: process.pid, command: 'users list' });
    lock.release();
    expect(fs.readdirSync(path.dirname(stateDir))).toEqual([]); // nothing left beside it
  });

  it.runIf(process.platform === 'linux')(
    'whose pid now belongs to another process (another start time): taken over',
    () => {
      const stateDir = path.join(tempDir(), 'state');
      writeLock(stateDir, { pid: sleeper.pid, processStart: '1' });
      const lock = acquireStateLock(stateDir, { kind: 'cli' });
      expect(stateLockHolder(stateDir)?.token).toBe(lock.record.token);
      lock.release();
    },
  );

  it('held on another host: refused, with how to remove it by hand if that process has ended', () => {
    const stateDir = path.join(tempDir(), 'state');
    const file = writeLock(stateDir, {
      kind: 'server',
      command: undefined,
      host: 'elsewhere.example',
      pid: 4_000_000,
      since: '2026-03-01T03:04:00Z',
    });
    const refused = refusal(() => acquireStateLock(stateDir, { kind: 'cli' }));
    expect(refused.message).toMatch(
      new RegExp(
        `in use by the chokepoint server \\(pid 4000000, since 2026-03-0[12] \\d\\d:04, on host elsewhere\\.example: that process cannot be checked from here; if it has ended, delete ${file.replaceAll('.', '\\.')}\\)`,
      ),
    );
  });

  it('unreadable: being written if recent (refused), the leftover of a crash mid-write if older (taken over)', () => {
    const stateDir = path.join(tempDir(), 'state');
    const file = stateLockFile(stateDir);
    fs.writeFileSync(file, '');
    expect(refusal(() => acquireStateLock(stateDir, { kind: 'cli' })).message).toMatch(
      /is being opened by another chokepoint process right now \(lock file .*state\.lock\): try again/,
    );
    const aMinuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(file, aMinuteAgo, aMinuteAgo);
    acquireStateLock(stateDir, { kind: 'cli' }).release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a process that exits holding it releases it (process.exit, as bin/chokepoint.mjs ends)', async () => {
    const stateDir = path.join(tempDir(), 'state');
    const lockModule = JSON.stringify(path.join(repo, 'src', 'data', 'state', 'stateLock.ts'));
    const script = `import { acquireStateLock } from ${lockModule};
      acquireStateLock(${JSON.stringify(stateDir)}, { kind: 'cli' });
      process.exit(3);`;
    const child = await exec(process.execPath, [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      script,
    ]).catch((error: { code: number }) => error);
    expect((child as { code: number }).code).toBe(3);
    expect(fs.existsSync(stateLockFile(stateDir))).toBe(false);
  });

  it('openStateDb: PGlite in a folder takes it (a second open is refused until the first closes)', async () => {
    const stateDir = path.join(tempDir(), 'state');
    const first = await openStateDb({ dataDir: stateDir, holder: { kind: 'server' } });
    await expect(openStateDb({ dataDir: stateDir })).rejects.toMatchObject({ code: 'in_use' });
    expect(stateLockHolder(stateDir)).toMatchObject({ kind: 'server', pid: process.pid });
    await first.close();
    expect(stateLockHolder(stateDir)).toBeUndefined();
    const second = await openStateDb({ dataDir: stateDir });
    expect(await second.query('SELECT count(*)::int AS n FROM users')).toEqual([{ n: 0 }]);
    await second.close();
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'openStateDb: a PostgreSQL server takes no lock (concurrency is PostgreSQL’s)',
    async () => {
      const dir = tempDir();
      const schema = `t_lock_${process.pid}`;
      const db = await openStateDb({
        databaseUrl: process.env.TEST_DATABASE_URL,
        schema,
        dataDir: path.join(dir, 'state'),
      });
      const other = await openStateDb({ databaseUrl: process.env.TEST_DATABASE_URL, schema });
      expect(fs.readdirSync(dir)).toEqual([]);
      await other.close();
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  );
});
