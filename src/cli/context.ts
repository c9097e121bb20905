import { databaseUrl, resolveDataDir } from '../config.ts';
import { DataDir, Catalog } from '../data/catalog/index.ts';
import { openDuckDb, type DuckDbStore } from '../data/analytics/index.ts';
import { openStateDb, type StateDb } from '../data/state/index.ts';
import path from 'node:path';

/** What every command may use; stores are opened on first use and closed when the command ends. */
export class CliContext {
  readonly dataDir: DataDir;
  readonly catalog: Catalog;
  readonly json: boolean;
  readonly quiet: boolean;
  private analyticsStore?: Promise<DuckDbStore>;
  private stateStore?: Promise<StateDb>;

  constructor(options: { dataDir?: string; json?: boolean; quiet?: boolean }) {
    this.dataDir = new DataDir(resolveDataDir(options.dataDir));
    this.catalog = new Catalog(this.dataDir);
    this.json = Boolean(options.json);
    this.quiet = Boolean(options.quiet);
  }

  analytics(): Promise<DuckDbStore> {
    this.analyticsStore ??= openDuckDb({ tempDirectory: path.join(this.dataDir.root, 'tmp', 'duckdb') });
    return this.analyticsStore;
  }

  /** True when state() opens the embedded database in the data directory (openStateDb: no DATABASE_URL). */
  get stateIsEmbedded(): boolean {
    return !databaseUrl();
  }

  state(): Promise<StateDb> {
    this.stateStore ??= openStateDb({
      databaseUrl: databaseUrl(),
      dataDir: this.dataDir.stateDir,
    });
    return this.stateStore;
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
    if (this.analyticsStore) await (await this.analyticsStore).close();
    if (this.stateStore) await (await this.stateStore).close();
  }
}
