// Which build of the CLI bin/chokepoint.mjs runs: the esbuild bundle in dist/cli (fast start-up, built by
// `npm ci` / `npm run build:cli`) when it is newer than every source it was built from, otherwise the
// TypeScript sources through tsx, so an edit under src/ is never shadowed by a stale bundle.
// Plain JavaScript on purpose: it runs before anything is compiled.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Forces one path: `ts` (tsx over src/) or `dist` (the bundle, even if stale). Unset or empty: automatic. */
export const sourceVariable = 'CHOKEPOINT_CLI_SOURCE';

/** The bundle's entry, relative to the package root. */
export const bundleEntry = path.join('dist', 'cli', 'main.js');

/** True when dist/cli/main.js exists and nothing under src/, nor package.json or the build script, is as new. */
export function bundleIsFresh(root) {
  const built = fs.statSync(path.join(root, bundleEntry), { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return false;
  for (const file of ['package.json', path.join('scripts', 'buildCli.ts')]) {
    const stat = fs.statSync(path.join(root, file), { throwIfNoEntry: false });
    if (stat && stat.mtimeMs >= built) return false;
  }
  return !changedSince(path.join(root, 'src'), built);
}

// Folders count too: removing or renaming a file changes its folder's time, not any remaining file's.
function changedSince(dir, time) {
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat) return false;
  if (stat.mtimeMs >= time) return true;
  if (!stat.isDirectory()) return false;
  for (const name of fs.readdirSync(dir)) if (changedSince(path.join(dir, name), time)) return true;
  return false;
}

/** What to load: { source: 'dist' | 'ts', file } (absolute path), following CHOKEPOINT_CLI_SOURCE if set. */
export function cliEntry(root, env = process.env) {
  const forced = env[sourceVariable] ?? '';
  const dist = { source: 'dist', file: path.join(root, bundleEntry) };
  const ts = { source: 'ts', file: path.join(root, 'src', 'cli', 'main.ts') };
  if (forced === 'ts') return ts;
  if (forced === 'dist') {
    if (!fs.existsSync(dist.file))
      throw new Error(`${sourceVariable}=dist but ${dist.file} is missing: run npm run build:cli`);
    return dist;
  }
  if (forced !== '') throw new Error(`${sourceVariable} must be ts or dist (or unset), not "${forced}"`);
  return bundleIsFresh(root) ? dist : ts;
}

/** Loads the chosen build (registering tsx first for the sources) and runs the CLI; returns the exit code. */
export async function runCli(entry, argv) {
  if (entry.source === 'ts') {
    const { register } = await import('tsx/esm/api');
    register();
  } else {
    process.setSourceMapsEnabled(true); // stack traces name src/… files, through dist/cli/*.js.map
  }
  const { main } = await import(pathToFileURL(entry.file).href);
  return main(argv);
}
