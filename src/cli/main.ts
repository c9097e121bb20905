import { Command, CommanderError } from 'commander';
import { ChokepointError } from '../errors.ts';
import { CliContext } from './context.ts';
import { commands } from './commands/index.ts';

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
  quiet?: boolean;
  analytics?: string;
}

/** Builds the program; each command module adds its own subcommands (one concept per file). */
export function buildProgram(): { program: Command; contexts: CliContext[] } {
  const contexts: CliContext[] = [];
  const program = new Command('chokepoint')
    .description('Economic-security analysis: supply-chain dependence, chokepoints, scenarios, early warning')
    .option('--data-dir <dir>', 'data directory (default ./data, env CHOKEPOINT_DATA_DIR)')
    .option('--json', 'machine-readable JSON on stdout')
    .option('-q, --quiet', 'no progress or notes on stderr')
    .option(
      '--analytics <url>',
      'analytics engine: clickhouse://host:8123/database (env CHOKEPOINT_ANALYTICS_URL; default embedded DuckDB) / 分析エンジン',
    )
    .showHelpAfterError()
    .exitOverride();
  const contextFor = (cmd: Command): CliContext => {
    const ctx = new CliContext({ ...cmd.optsWithGlobals<GlobalOptions>(), command: commandPath(cmd) });
    contexts.push(ctx);
    return ctx;
  };
  for (const register of commands) register(program, contextFor);
  return { program, contexts };
}

/** `ews items add`: the names from the program down to cmd, without arguments or options. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let at: Command | null = cmd; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/**
 * Runs the CLI; returns the exit code: 0 ok, 1 unexpected, 2 usage, 3 bad input, 4 not found, 5 permission,
 * 6 network, 7 the embedded state database is in use by another process (the server, or another command).
 */
export async function main(argv: string[]): Promise<number> {
  const { program, contexts } = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ChokepointError) {
      process.stderr.write(`error: ${error.describe()}\n`);
      return error.exitCode;
    }
    process.stderr.write(`unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  } finally {
    for (const ctx of contexts) await ctx.close().catch(() => undefined);
  }
}
