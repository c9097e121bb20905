import { defaultPort, resolveDataDir } from '../config.ts';
import { buildApp } from './app.ts';
import { createFirstAdministrator } from '../data/security/users.ts';
import { DataDir } from '../data/dataDir.ts';

export interface StartOptions {
  dataDir?: string;
  port?: number;
  host?: string;
}

export async function startServer(options: StartOptions = {}): Promise<void> {
  const dataDir = resolveDataDir(options.dataDir);
  // Work a killed server or command left in tmp/ (an import's scratch folder) is garbage once its process is gone.
  const abandoned = new DataDir(dataDir).removeAbandonedScratch();
  const app = await buildApp({ dataDir, databaseUrl: process.env.DATABASE_URL, logger: true });
  if (abandoned.length)
    app.log.info(`removed ${abandoned.length} scratch folders left by ended processes in tmp/`);
  // First start with no users: a one-time random password for `admin`, shown once here and never stored in clear.
  const first = await createFirstAdministrator(app.services.state);
  if (first) {
    app.log.warn(
      `first start: created administrator "${first.user.username}" with one-time password ${first.password} — sign in and change it (or reset it with: chokepoint users reset-password ${first.user.username})`,
    );
  }
  const port = options.port ?? Number(process.env.PORT ?? defaultPort);
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  await app.listen({ port, host });
  const shown = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
  process.stderr.write(`chokepoint is serving http://${shown}:${port} (data: ${dataDir})\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startServer();
}
