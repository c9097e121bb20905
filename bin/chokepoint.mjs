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
process.exitCode = await runCli(entry, process.argv);
