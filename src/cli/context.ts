import { databaseUrl, resolveAnalyticsUrl, resolveDataDir } from '../config.ts';
import { DataDir, Catalog } from '../data/catalog/index.ts';
import { openAnalytics, type AnalyticsStore } from '../data/analytics/index.ts';
import { openStateDb, type StateDb, assertStateLockFree } from '../data/state/index.ts';
import path from 'node:path';

/** What every command may use; stores are opened on first use and closed when the command ends. */
export class CliContext {
  readonly dataDir: DataDir;
  readonly catalog: Catalog;
  readonly json: boolean;
  readonly quiet: boolean;
  /** The command being run, e.g. `users add`: named in the state database's lock while this command holds it. */
  readonly command?: string;
  /** `--analytics URL` or $CHOKEPOINT_ANALYTICS_URL; undefined: embedded DuckDB. */
  readonly analyticsUrl?: string;
  private analyticsStore?: Promise<AnalyticsStore>;
  private stateStore?: Promise<StateDb>;

  constructor(options: {
    dataDir?: string;
    json?: boolean;
    quiet?: boolean;
    command?: string;
    analytics?: string;
  }) {
    this.dataDir = new DataDir(resolveDataDir(options.dataDir));
    this.analyticsUrl = resolveAnalyticsUrl(options.analytics);
    this.dataDir.removeAbandonedScratch(); // work a killed command left in tmp/
    this.catalog = new Catalog(this.dataDir);
    this.json = Boolean(options.json);
    this.quiet = Boolean(options.quiet);
    this.command = options.command;
  }

  analytics(): Promise<AnalyticsStore> {
    // A folder of its own: DuckDB names its spill files the same in every process (duckdb_temp_storage_*-0.tmp)
    // and deletes them all when it closes, so a command sharing the server's tmp/duckdb made the server's spilling queries fail (IO Error).
    const tempDirectory = path.join(this.dataDir.tmpDir, `duckdb-cli-${process.pid}`);
    this.analyticsStore ??= openAnalytics(this.analyticsUrl, { tempDirectory });
    return this.analyticsStore;
  }

  /** True when state() opens the embedded database in the data directory (openStateDb: no DATABASE_URL). */
  get stateIsEmbedded(): boolean {
    return !databaseUrl();
  }

  /**
   * The state database, opened on first use. The embedded one is refused at once (error `in_use`, exit code 7)
   * while another process — the server, or another command — holds it (stateLock.ts): nothing is then changed.
   */
  state(): Promise<StateDb> {
    this.stateStore ??= openStateDb({
      databaseUrl: databaseUrl(),
      dataDir: this.dataDir.stateDir,
      holder: { kind: 'cli', command: this.command },
    });
    return this.stateStore;
  }

  /**
   * Throws what state() would when another process holds the embedded database, before a command starts work
   * it would have to throw away (state() alone fails as soon as it is called, but only once a command gets there).
   */
  assertStateAvailable(): void {
    if (this.stateIsEmbedded) assertStateLockFree(this.dataDir.stateDir);
  }

  /** Closes the state database now (when it was opened), before the command ends. */
  async closeState(): Promise<void> {
    const state = this.stateStore;
    this.stateStore = undefined;
    if (state) await (await state).close();
  }

  /** Writes a result: JSON on stdout with --json, else the human rendering. */
  print(result: unknown, human: () => string): void {
    process.stdout.write(this.json ? `${JSON.stringify(result, null, 2)}\n` : `${human()}\n`);
  }

  info(message: string): void {
    if (!this.quiet) process.stderr.write(`${message}\n`);
  }

  async close(): Promise<void> {
    if (this.analyticsStore) await (await this.analyticsStore.catch(() => undefined))?.close();
    if (this.stateStore) await (await this.stateStore).close();
  }
}
