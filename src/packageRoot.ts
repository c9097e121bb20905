import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChokepointError } from './errors.ts';

let cached: string | undefined;

/**
 * The folder of chokepoint's own package.json. Files shipped beside the code (migrations, seed events,
 * dist/web) are found from here rather than from import.meta.url, which points into dist/cli/chunk-*.js
 * when the CLI runs from its esbuild bundle and into src/… when it runs through tsx.
 */
export function packageRoot(): string {
  if (cached) return cached;
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (isChokepointPackage(path.join(dir, 'package.json'))) return (cached = dir);
    if (path.dirname(dir) === dir) break;
  }
  const message = `no package.json named "chokepoint" in ${start} or any folder above it`;
  throw new ChokepointError('internal', message, { file: start });
}

function isChokepointPackage(file: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown }).name === 'chokepoint';
  } catch {
    return false; // absent or not JSON: keep walking up
  }
}
