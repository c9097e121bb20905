#!/usr/bin/env node
// Entry point of the `chokepoint` CLI. It runs the esbuild bundle in dist/cli when that is up to date with
// src/ (built by `npm ci` / `npm run build:cli`); otherwise tsx compiles the TypeScript sources on the fly, so
// a clean clone and a freshly edited tree both work. CHOKEPOINT_CLI_SOURCE=ts|dist forces one (bin/cliSource.mjs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliEntry, runCli } from './cliSource.mjs';

let entry;
try {
  entry = cliEntry(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
} catch (error) {
  process.stderr.write(`error: ${error.message}\n`);
  process.exit(2);
}
const code = await runCli(entry, process.argv);
// Exit as soon as the command is done, once stdout and stderr have taken everything written to them. Left to end
// by itself, Node would first tear down the DuckDB instance, which after a large screen frees more than a gigabyte
// of memory (~0.4 s of the 7 s `screen --reporter ALL --csv` on the benchmark year). `serve` never gets here.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
process.exit(code);
