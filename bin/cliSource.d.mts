// Types of bin/cliSource.mjs (plain JavaScript, so that it runs before anything is compiled).
export interface CliEntry {
  source: 'dist' | 'ts';
  /** Absolute path of dist/cli/main.js or src/cli/main.ts. */
  file: string;
}
export declare const sourceVariable: 'CHOKEPOINT_CLI_SOURCE';
export declare const bundleEntry: string;
export declare function bundleIsFresh(root: string): boolean;
export declare function cliEntry(root: string, env?: Record<string, string | undefined>): CliEntry;
export declare function runCli(entry: CliEntry, argv: string[]): Promise<number>;
