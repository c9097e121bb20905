import { databaseUrl, resolveDataDir, serverHost, serverPort } from '../config.ts';
import { buildApp } from './app.ts';
import { createFirstAdministrator } from '../data/security/index.ts';

export interface StartOptions {
  dataDir?: string;
  port?: number;
  host?: string;
}

export async function startServer(options: StartOptions = {}): Promise<void> {
  const dataDir = resolveDataDir(options.dataDir);
  const app = await buildApp({ dataDir, databaseUrl: databaseUrl(), logger: true });
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
