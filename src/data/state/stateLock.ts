import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ChokepointError } from '../../errors.ts';
import { makeDirectory } from '../catalog/makeDirectory.ts';

/**
 * The embedded state database (PGlite) serves one process: a second one opening the same folder corrupts it (lost
 * changes, `Aborted()`, WebAssembly traps, duplicate keys). So whichever process opens it — the server or a CLI
 * command — first takes `<data>/state.lock`, created exclusively (O_EXCL), and keeps it until it closes the
 * database or exits; anyone else is refused at once, told who holds it. A PostgreSQL server needs no lock.
 *
 * The file sits beside the database's folder, not in it: PGlite's folder then holds only PGlite's files, whose
 * fingerprint (embeddedStateFingerprint.ts) says whether anything touched the database.
 */

/** Which kind of process holds the lock: the web server, or a CLI command (tests and scripts count as one). */
export type StateHolderKind = 'server' | 'cli';

export interface StateHolder {
  kind: StateHolderKind;
  /** The CLI command, e.g. `users add` (never its arguments). */
  command?: string;
}

/** What the lock file says. */
export interface StateLockRecord extends StateHolder {
  pid: number;
  host: string;
  /** When the lock was taken (ISO 8601). */
  since: string;
  /** Linux: the process's start (clock ticks after boot, /proc/PID/stat field 22), to tell a reused pid. */
  processStart?: string;
  /** The server's address, once it listens. */
  url?: string;
  /** This taking of the lock: release() removes the file only while it is still this one. */
  token: string;
}

export interface StateLock {
  readonly file: string;
  readonly record: StateLockRecord;
  /** Adds what is known later (the server's URL), rewriting the file atomically. */
  update(details: { url: string }): void;
  /** Removes the lock file if it is still this lock's. Idempotent. */
  release(): void;
}

/** `<data>/state.lock` for the state folder `<data>/state`. */
export function stateLockFile(stateDir: string): string {
  return `${path.resolve(stateDir)}.lock`;
}

/** Locks held by this process, by file: released at exit and on a fatal signal. */
const held = new Map<string, StateLock>();

/**
 * Takes the lock on the embedded state database in `stateDir`, or throws `in_use` naming its live holder. Never
 * waits. A lock left by a process that is gone (killed, crashed, or on Linux a pid now used by another process)
 * is taken over.
 */
export function acquireStateLock(stateDir: string, holder: StateHolder): StateLock {
  const file = stateLockFile(stateDir);
  makeDirectory(path.dirname(file));
  // A stale lock costs a round (removed, then created anew). Still none after three: others keep racing for it,
  // and this process gives up rather than wait.
  for (let round = 0; round < 3; round++) {
    const record = newRecord(holder);
    if (createExclusively(file, record)) return hold(file, record);
    const found = readLock(file);
    if (found === 'gone') continue;
    if (found === 'unreadable') {
      // Being written this instant (an exclusive create, then the write), or garbage left by a crash mid-write.
      if (ageMs(file) < unreadableGraceMs) throw inUse(stateDir, file, undefined);
      takeOver(file, undefined);
      continue;
    }
    if (isRunning(found)) throw inUse(stateDir, file, found);
    takeOver(file, found);
  }
  throw inUse(stateDir, file, undefined);
}

/** The live holder of the lock on `stateDir`, if any (a stale lock counts as none). Reads only. */
export function stateLockHolder(stateDir: string): StateLockRecord | undefined {
  const found = readLock(stateLockFile(stateDir));
  return typeof found === 'object' && isRunning(found) ? found : undefined;
}

/** Throws the same `in_use` error as acquireStateLock when another live process holds the lock. */
export function assertStateLockFree(stateDir: string): void {
  const holder = stateLockHolder(stateDir);
  const own = held.get(stateLockFile(stateDir));
  if (holder && holder.token !== own?.record.token) throw inUse(stateDir, stateLockFile(stateDir), holder);
}

/** The lock this process holds on `stateDir`, if any (the server adds its URL to it once it listens). */
export function heldStateLock(stateDir: string): StateLock | undefined {
  return held.get(stateLockFile(stateDir));
}

// An unparseable lock file younger than this is one being written; older, the leftover of a crash mid-write.
const unreadableGraceMs = 10_000;

function newRecord(holder: StateHolder): StateLockRecord {
  const start = processStart(process.pid);
  return {
    kind: holder.kind,
    ...(holder.command ? { command: holder.command } : {}),
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
    ...(start ? { processStart: start } : {}),
    token: randomUUID(),
  };
}

/** O_CREAT|O_EXCL: exactly one process creates the file; false when it exists. */
function createExclusively(file: string, record: StateLockRecord): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new ChokepointError(
      'bad_input',
      `cannot create the state database's lock file: ${(error as Error).message}`,
      { file },
    );
  }
  try {
    fs.writeSync(fd, `${JSON.stringify(record, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function readLock(file: string): StateLockRecord | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const r = JSON.parse(text) as Partial<StateLockRecord>;
    const valid =
      Number.isInteger(r.pid) &&
      (r.pid ?? 0) > 0 &&
      (r.kind === 'server' || r.kind === 'cli') &&
      typeof r.host === 'string' &&
      typeof r.since === 'string' &&
      typeof r.token === 'string';
    return valid ? (r as StateLockRecord) : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Whether the process that wrote the lock still runs. On another host it cannot be checked: counted as running
 * (the message says how to remove the file by hand). A pid that answers but started at another time than the
 * one recorded is another process that was given the same number.
 */
function isRunning(record: StateLockRecord): boolean {
  if (record.host !== os.hostname()) return true;
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const start = processStart(record.pid);
  return record.processStart === undefined || start === undefined || start === record.processStart;
}

/** Linux: field 22 of /proc/PID/stat (start time in clock ticks after boot); undefined elsewhere. */
function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces or parentheses: count after the last one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * Removes a stale lock. Moved aside first (an atomic rename), then checked: if what was moved is not the stale
 * lock that was judged (another process took over meanwhile and already holds a new one), it is put back.
 */
function takeOver(file: string, stale: StateLockRecord | undefined): void {
  const aside = `${file}.${process.pid}.${randomUUID()}.stale`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else removed it first
    throw error;
  }
  const moved = readLock(aside);
  const isTheStaleOne =
    stale === undefined ? moved === 'unreadable' : typeof moved === 'object' && moved.token === stale.token;
  if (isTheStaleOne) {
    fs.rmSync(aside, { force: true });
    return;
  }
  try {
    fs.linkSync(aside, file); // back where it was, unless yet another lock appeared there meanwhile
  } catch {
    // That one holds the lock now; the moved one's owner will find its file gone when it releases.
  }
  fs.rmSync(aside, { force: true });
}

function hold(file: string, first: StateLockRecord): StateLock {
  let record = first;
  const lock: StateLock = {
    file,
    get record() {
      return record;
    },
    update(details) {
      record = { ...record, ...details };
      const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
      fs.writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
      fs.renameSync(temporary, file);
    },
    release() {
      if (held.get(file) !== lock) return;
      held.delete(file);
      const found = readLock(file);
      if (typeof found === 'object' && found.token === record.token) fs.rmSync(file, { force: true });
      if (held.size === 0) removeExitHooks();
    },
  };
  held.set(file, lock);
  installExitHooks();
  return lock;
}

function releaseAll(): void {
  for (const lock of [...held.values()]) {
    try {
      lock.release();
    } catch {
      // exiting: nothing more can be done; the next opener finds the process gone and takes the lock over
    }
  }
}

const fatalSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let hooksInstalled = false;

/**
 * A process that ends holding a lock releases it: at exit, and on SIGINT, SIGTERM or SIGHUP when nothing else
 * handles that signal (then the default — ending the process — follows). When something else does (the server
 * closes its stores, then exits), the lock is released by that close or at exit, never while the database is
 * still open.
 */
function onFatalSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  releaseAll();
  removeExitHooks();
  process.kill(process.pid, signal);
}

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', releaseAll);
  for (const signal of fatalSignals) process.on(signal, onFatalSignal);
}

function removeExitHooks(): void {
  if (!hooksInstalled) return;
  hooksInstalled = false;
  process.off('exit', releaseAll);
  for (const signal of fatalSignals) process.off(signal, onFatalSignal);
}

/** "the state database in ./data/state is in use by …: what to do", in English, then in Japanese. */
function inUse(stateDir: string, file: string, holder: StateLockRecord | undefined): ChokepointError {
  const where = shownPath(stateDir);
  const lockFile = shownPath(file);
  if (!holder) {
    return new ChokepointError(
      'in_use',
      `the state database in ${where} is being opened by another chokepoint process right now (lock file ${lockFile}): try again once it has finished\n` +
        `状態データベース ${where} は、いま別の chokepoint プロセスが開いています (ロックファイル ${lockFile})。終わってから再実行してください`,
    );
  }
  const elsewhere = holder.host !== os.hostname();
  const self = holder.pid === process.pid && !elsewhere;
  const since = shownTime(holder.since);
  const server = holder.kind === 'server';
  const who = server
    ? { en: `${self ? 'this process, ' : ''}the chokepoint server`, ja: ' chokepoint サーバー' }
    : { en: self ? 'this process' : 'another chokepoint command', ja: '別の chokepoint コマンド' };
  const facts = {
    en: [
      holder.command && `\`chokepoint ${holder.command}\``,
      `pid ${holder.pid}`,
      holder.url,
      `since ${since}`,
    ],
    ja: [
      holder.command && `\`chokepoint ${holder.command}\``,
      `pid ${holder.pid}`,
      holder.url,
      `${since} から`,
    ],
  };
  if (elsewhere) {
    facts.en.push(
      `on host ${holder.host}: that process cannot be checked from here; if it has ended, delete ${lockFile}`,
    );
    facts.ja.push(
      `ホスト ${holder.host} 上: ここからは確認できません。終了している場合は ${lockFile} を削除してください`,
    );
  }
  const advice = server
    ? {
        en: 'stop it first, use the web app or the API (an API token: My account ▸ API tokens), or run the server on PostgreSQL (DATABASE_URL) so the CLI can work beside it',
        ja: 'サーバーを止めるか、Web アプリか API (API トークン: アカウント ▸ APIトークン) を使うか、サーバーを PostgreSQL (DATABASE_URL) で動かしてください (CLI と同時に使えます)',
      }
    : {
        en: 'wait for it to finish, or stop it, then try again; for the server and the CLI to work at once, use PostgreSQL (DATABASE_URL)',
        ja: '終わるのを待つか止めてから再実行してください。サーバーと CLI を同時に使うには PostgreSQL (DATABASE_URL) を使ってください',
      };
  const listed = (parts: (string | undefined)[], separator: string) => parts.filter(Boolean).join(separator);
  return new ChokepointError(
    'in_use',
    `the state database in ${where} is in use by ${who.en} (${listed(facts.en, ', ')}): ${advice.en}\n` +
      `状態データベース ${where} は${who.ja}が使用中です (${listed(facts.ja, '、')})。${advice.ja}`,
    {},
    holder,
  );
}

/** Relative to the working folder when inside it (./data/state), else absolute. */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative)
    ? `./${relative}`
    : path.resolve(file);
}

/** Local time, HH:MM today, else YYYY-MM-DD HH:MM. */
function shownTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const today = new Date();
  const sameDay =
    d.getFullYear() === today.getFullYear() &&
    d.getMonth() === today.getMonth() &&
    d.getDate() === today.getDate();
  return sameDay ? time : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}
