import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, type CliBundle } from '../../scripts/buildCli.ts';

export const repo = path.resolve(import.meta.dirname, '../..');

export interface TestBundle {
  /** The folder under dist/ it was built into (remove it after the tests). */
  outdir: string;
  bundle: CliBundle;
  /** A script that runs the bundle as bin/chokepoint.mjs does: `node RUNNER ARGS…`. */
  runner: string;
}

/**
 * Builds the CLI bundle with the same function as `npm run build:cli`, into a folder of its own under dist/ (inside
 * the package, so that node_modules and the package root are found from it as from dist/cli), with a runner that
 * loads it through bin/cliSource.mjs's runCli — so the tests run the sources as they are now, never a stale dist/cli.
 */
export async function buildTestBundle(): Promise<TestBundle> {
  fs.mkdirSync(path.join(repo, 'dist'), { recursive: true });
  const outdir = fs.mkdtempSync(path.join(repo, 'dist', 'cli-test-'));
  const bundle = await buildCli(outdir);
  const runner = path.join(outdir, 'run.mjs');
  const entry = { source: 'dist', file: path.join(outdir, 'main.js') };
  fs.writeFileSync(
    runner,
    `import { runCli } from ${JSON.stringify(pathToFileURL(path.join(repo, 'bin', 'cliSource.mjs')).href)};\n` +
      `process.exitCode = await runCli(${JSON.stringify(entry)}, process.argv);\n`,
  );
  return { outdir, bundle, runner };
}
