import { databaseUrl, resolveAnalyticsUrl, resolveDataDir, serverHost, serverPort } from '../config.ts';
import { buildApp } from './app.ts';
import { createFirstAdministrator } from '../data/security/index.ts';
import { DataDir } from '../data/catalog/index.ts';
import { heldStateLock } from '../data/state/index.ts';
import { ChokepointError } from '../errors.ts';

export interface StartOptions {
  dataDir?: string;
  port?: number;
  host?: string;
  /** The analytics engine's URL (`--analytics`); else $CHOKEPOINT_ANALYTICS_URL, else embedded DuckDB. */
  analytics?: string;
}

export async function startServer(options: StartOptions = {}): Promise<void> {
  const dataDir = resolveDataDir(options.dataDir);
  // Work a killed server or command left in tmp/ (an import's scratch folder) is garbage once its process is gone.
  const abandoned = new DataDir(dataDir).removeAbandonedScratch();
  // On the embedded database this takes its lock (stateLock.ts): refused at once while a CLI command holds it.
  const app = await buildApp({
    dataDir,
    databaseUrl: databaseUrl(),
    logger: true,
    analyticsUrl: resolveAnalyticsUrl(options.analytics),
  });
  if (abandoned.length)
    app.log.info(`removed ${abandoned.length} scratch folders left by ended processes in tmp/`);
  // First start with no users: a one-time random password for `admin`, shown once here and never stored in clear.
  const first = await createFirstAdministrator(app.services.state);
  if (first) {
    app.log.warn(
      `first start: created administrator "${first.user.username}" with one-time password ${first.password} — sign in and change it (or reset it with: chokepoint users reset-password ${first.user.username})`,
    );
  }
  const port = options.port ?? serverPort();
  const host = options.host ?? serverHost();
  await app.listen({ port, host });
  const address = app.server.address();
  const listening = typeof address === 'object' && address ? address.port : port; // PORT=0: the one given
  const shown = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
  const url = `http://${shown}:${listening}`;
  // A CLI command refused by the lock names this address, so that its user can turn to the web app or the API.
  heldStateLock(new DataDir(dataDir).stateDir)?.update({ url });
  process.stderr.write(`chokepoint is serving ${url} (data: ${dataDir})\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await startServer();
  } catch (error) {
    if (!(error instanceof ChokepointError)) throw error;
    // e.g. the embedded state database held by a CLI command: its message, not a stack trace (exit codes: errors.ts)
    process.stderr.write(`error: ${error.describe()}\n`);
    process.exit(error.exitCode);
  }
}
