/**
 * Bundles the CLI (src/cli/main.ts) with esbuild into dist/cli, so that bin/chokepoint.mjs starts without
 * compiling ~270 TypeScript files through tsx on every run. npm packages stay external (native and WASM
 * modules such as @duckdb/node-api, @electric-sql/pglite, highs and @node-rs/argon2 load from node_modules);
 * lazily imported modules (the server, PDF/XLSX writers) become their own chunks.
 *   npm run build:cli            (also run by `npm ci` / `npm install` through the prepare script)
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { packageRoot } from '../src/packageRoot.ts';

/** Where bin/chokepoint.mjs looks for the bundle (its entry is main.js). */
export const cliDistDir = path.join(packageRoot(), 'dist', 'cli');

/** What a build wrote and what went into it (from esbuild's metafile). */
export interface CliBundle {
  /** The .js files written (absolute paths in outdir): main.js and its chunks. */
  files: string[];
  /** Source files bundled, relative to the package root (src/…; never node_modules). */
  inputs: string[];
  /** Packages left to Node to load from node_modules at run time. */
  externals: string[];
  /** Modules imported with import() that became chunks of their own, loaded only when needed (src/…). */
  lazy: string[];
}

/**
 * Builds the bundle into outdir, replacing what was there. It is written to a sibling folder first and moved
 * into place at the end, so a CLI starting meanwhile never sees half a bundle. main.js gets the build's start
 * time as its modification time: a source file saved during the build is newer, so the bin falls back to tsx.
 */
export async function buildCli(outdir: string = cliDistDir): Promise<CliBundle> {
  const started = new Date();
  const root = packageRoot();
  const partial = `${outdir}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: { main: path.join(root, 'src', 'cli', 'main.ts') },
      outdir: partial,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      // Stack traces name src files (bin/chokepoint.mjs turns source maps on); the sources stay in src/.
      sourcemap: 'linked',
      sourcesContent: false,
      metafile: true,
      logLevel: 'warning',
    });
    fs.utimesSync(path.join(partial, 'main.js'), started, started);
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.renameSync(partial, outdir);
    const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
    return {
      files: outputs.map(([file]) => path.join(outdir, path.basename(file))),
      inputs: Object.keys(result.metafile.inputs),
      externals: [
        ...new Set(outputs.flatMap(([, o]) => o.imports.filter((i) => i.external).map((i) => i.path))),
      ].sort(),
      lazy: outputs.flatMap(([, o]) =>
        o.entryPoint && !o.entryPoint.endsWith('src/cli/main.ts') ? [o.entryPoint] : [],
      ),
    };
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bundle = await buildCli();
  console.log(
    `built ${path.relative(process.cwd(), cliDistDir)}: ${bundle.files.length} files from ${bundle.inputs.length} sources`,
  );
}
