import type { RegisterCommand } from './index.ts';
import { startServer } from '../../server/main.ts';

export const registerServe: RegisterCommand = (program, context) => {
  program
    .command('serve')
    .description('serve the web application and API (default http://localhost:8080)')
    .option('--port <port>', 'port (env PORT)', (v) => Number(v))
    .option('--host <host>', 'interface to listen on (env HOST)', '127.0.0.1')
    .action(async (opts: { port?: number; host: string }, cmd) => {
      const ctx = context(cmd);
      await startServer({ dataDir: ctx.dataDir.root, port: opts.port, host: opts.host });
      await new Promise(() => undefined); // runs until killed
    });
};
