/**
 * Bundles the CLI (src/cli/main.ts) with esbuild into dist/cli, so that bin/chokepoint.mjs starts without
 * compiling ~270 TypeScript files through tsx on every run. npm packages stay external (native and WASM
 * modules such as @duckdb/node-api, @electric-sql/pglite, highs and @node-rs/argon2 load from node_modules)
 * except `bundledPackages`; lazily imported modules (the server, PDF/XLSX writers) become their own chunks.
 *   npm run build:cli            (also run by `npm ci` / `npm install` through the prepare script)
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { packageRoot } from '../src/packageRoot.ts';

/**
 * npm packages bundled into the CLI rather than loaded from node_modules: plain JavaScript that every start loads.
 * As CommonJS from an ES module, yaml alone cost ~0.1 s of each start (Node resolves, compiles and scans for exports
 * each of its ~60 files); bundled, it is part of one file. Native and WASM packages, and those that read files
 * beside their code, stay external.
 */
export const bundledPackages = ['yaml', 'commander'];

/** Where bin/chokepoint.mjs looks for the bundle (its entry is main.js). */
export const cliDistDir = path.join(packageRoot(), 'dist', 'cli');

/** What a build wrote and what went into it (from esbuild's metafile). */
export interface CliBundle {
  /** The .js files written (absolute paths in outdir): main.js and its chunks. */
  files: string[];
  /** Files bundled, relative to the package root: src/…, and node_modules/… of `bundledPackages`. */
  inputs: string[];
  /** Packages left to Node to load from node_modules at run time. */
  externals: string[];
  /** Modules imported with import() that became chunks of their own, loaded only when needed (src/…). */
  lazy: string[];
}

/** Leaves every npm package to node_modules but those named (esbuild's `packages: 'external'` with exceptions). */
function externalPackagesExcept(bundled: string[]): Plugin {
  return {
    name: 'external-packages-except',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        const name = args.path.startsWith('@')
          ? args.path.split('/').slice(0, 2).join('/')
          : args.path.split('/')[0];
        return bundled.includes(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
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
      plugins: [externalPackagesExcept(bundledPackages)],
      // The bundled packages are CommonJS and require Node's built-in modules (process, events …), which an ES
      // module can only do through a require of its own.
      banner: {
        js: "import { createRequire as createRequireOfBundle } from 'node:module';\nconst require = createRequireOfBundle(import.meta.url);",
      },
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
