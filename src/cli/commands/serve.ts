import type { RegisterCommand } from './index.ts';

export const registerServe: RegisterCommand = (program, context) => {
  program
    .command('serve')
    .description('serve the web application and API (default http://localhost:8080)')
    .option('--port <port>', 'port (env PORT)', (v) => Number(v))
    .option('--host <host>', 'interface to listen on (env HOST)', '127.0.0.1')
    .action(async (opts: { port?: number; host: string }, cmd) => {
      const ctx = context(cmd);
      // Loaded here: the server is most of the CLI's start-up cost, and only this command needs it.
      const { startServer } = await import('../../server/main.ts');
      await startServer({ dataDir: ctx.dataDir.root, port: opts.port, host: opts.host, analytics: ctx.analyticsUrl });
      await new Promise(() => undefined); // runs until killed
    });
};
