import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPackages, type CliBundle } from '../../scripts/buildCli.ts';
import { buildTestBundle } from '../helpers/cliBundle.ts';
import { tempDir } from '../helpers/tmp.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';

const exec = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'bin', 'chokepoint.mjs');

// The bundle is built as `npm run build:cli` builds it, into a folder of its own (test/helpers/cliBundle.ts), and
// run through bin/cliSource.mjs's runCli as bin/chokepoint.mjs does. The same commands through tsx give the
// reference output.
describe('the CLI bundle (esbuild, dist/cli)', () => {
  let outdir: string;
  let bundle: CliBundle;
  let runner: string;
  let before: number;
  let after: number;

  beforeAll(async () => {
    before = Date.now();
    ({ outdir, bundle, runner } = await buildTestBundle());
    after = Date.now();
  });
  afterAll(() => {
    if (outdir) fs.rmSync(outdir, { recursive: true, force: true });
  });

  const viaBundle = (args: string[]) => exec(process.execPath, [runner, ...args]);
  const viaTsx = (args: string[]) =>
    exec(process.execPath, [bin, ...args], { env: { ...process.env, CHOKEPOINT_CLI_SOURCE: 'ts' } });

  it('bundles our sources and the plain-JavaScript packages every start loads; the others stay in node_modules', () => {
    expect(bundle.inputs.length).toBeGreaterThan(100);
    const packageOf = (f: string) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1];
    const outside = bundle.inputs.filter((f) => !f.startsWith('src/'));
    expect(outside.length).toBeGreaterThan(0);
    expect([...new Set(outside.map((f) => packageOf(f) ?? f))].sort()).toEqual([...bundledPackages].sort());
    // @duckdb/node-api is not among the imports: src/data/analytics/duckdb.ts requires it when the first store
    // opens (the screen test below runs it from the bundle). argon2 is imported with the first password.
    for (const name of ['@electric-sql/pglite', 'highs', '@node-rs/argon2'])
      expect(bundle.externals).toContain(name);
    for (const name of bundledPackages) expect(bundle.externals).not.toContain(name);
    // Loaded on demand, as through tsx: the server, the PDF and XLSX writers, organisations and secrets.
    expect(bundle.lazy.sort()).toEqual(
      expect.arrayContaining([
        'src/data/security/organisations.ts',
        'src/data/security/secrets.ts',
        'src/data/tech/dossierPdf.ts',
        'src/data/tech/dossierXlsx.ts',
        'src/server/main.ts',
      ]),
    );
    // main.js carries the build's start time, so a source saved during the build counts as newer.
    const built = fs.statSync(path.join(outdir, 'main.js')).mtimeMs;
    expect(built).toBeGreaterThanOrEqual(before - 1000);
    expect(built).toBeLessThanOrEqual(after);
  });

  it('every file of the bundle loads in Node, lazily imported chunks (server, PDF, XLSX) too', async () => {
    // One fresh process importing each output: an external package that does not resolve from dist/ fails here.
    const urls = bundle.files.map((f) => pathToFileURL(f).href);
    expect(urls.length).toBeGreaterThan(3);
    const script = `for (const u of ${JSON.stringify(urls)}) await import(u); console.log('loaded', ${urls.length});`;
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script]);
    expect(stdout.trim()).toBe(`loaded ${urls.length}`);
  });

  it('--help is the same as through tsx', async () => {
    const [fromBundle, fromTsx] = await Promise.all([viaBundle(['--help']), viaTsx(['--help'])]);
    expect(fromBundle.stdout).toMatch(/^Usage: chokepoint \[options\] \[command\]/);
    expect(fromBundle.stdout).toBe(fromTsx.stdout);
  });

  it(
    'ews events list: migrations run and the shipped seed events are read from the package, as through tsx',
    { timeout: 120_000 },
    async () => {
      const args = (dataDir: string) => ['--data-dir', dataDir, '--json', 'ews', 'events', 'list'];
      const fromBundle = JSON.parse((await viaBundle(args(tempDir()))).stdout) as { id: string }[];
      const fromTsx = JSON.parse((await viaTsx(args(tempDir()))).stdout) as { id: string }[];
      // The seed list's ids, read here from its first column (4 events; no field of theirs holds a newline).
      const csv = fs.readFileSync(path.join(repo, 'src', 'data', 'ews', 'seedEvents.csv'), 'utf8');
      const seedIds = csv
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]);
      expect(seedIds.length).toBeGreaterThan(0);
      expect(fromBundle.map((e) => e.id).sort()).toEqual([...seedIds].sort());
      expect(fromBundle).toEqual(fromTsx);
    },
  );

  it(
    'users add (argon2, lazily imported organisations and secrets) and users list, read back through tsx',
    { timeout: 120_000 },
    async () => {
      const dataDir = tempDir();
      const added = JSON.parse(
        (
          await viaBundle([
            '--data-dir',
            dataDir,
            '--json',
            'users',
            'add',
            'hanako',
            '--role',
            'analyst',
            '--level',
            '2',
          ])
        ).stdout,
      );
      expect(added.user).toMatchObject({ username: 'hanako', role: 'analyst', clearanceLevel: 2 });
      const list = ['--data-dir', dataDir, '--json', 'users', 'list'];
      const fromBundle = JSON.parse((await viaBundle(list)).stdout) as { username: string }[];
      expect(fromBundle.map((u) => u.username)).toEqual(['hanako']);
      expect(JSON.parse((await viaTsx(list)).stdout)).toEqual(fromBundle);
    },
  );

  it(
    'screen (DuckDB, required at run time from the bundle) gives the same JSON as through tsx',
    { timeout: 120_000 },
    async () => {
      const dataDir = new DataDir(tempDir()).ensure();
      await importSharedTrade(dataDir, { datasetId: 'baci-cm' });
      const args = ['--data-dir', dataDir.root, '--json', 'screen', '--reporter', 'JPN', '--year', '2023'];
      // Numbers to 12 significant digits: DuckDB's parallel sums may differ in the last bits between runs.
      const rows = (stdout: string) =>
        JSON.parse(stdout, (_key, value: unknown) =>
          typeof value === 'number' ? Number(value.toPrecision(12)) : value,
        ) as { hs6: string }[];
      const fromBundle = rows((await viaBundle(args)).stdout);
      expect(fromBundle.length).toBeGreaterThan(10);
      expect(rows((await viaTsx(args)).stdout)).toEqual(fromBundle);
    },
  );

  it('serve (the lazily imported server) answers /openapi.json', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const server = spawn(
      process.execPath,
      [runner, '--data-dir', tempDir(), 'serve', '--port', String(port)],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        let stderr = '';
        server.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('chokepoint is serving')) resolve();
        });
        server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
      });
      const response = await fetch(`http://127.0.0.1:${port}/openapi.json`);
      expect(response.status).toBe(200);
      const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths).length).toBeGreaterThan(10);
    } finally {
      server.kill('SIGTERM');
    }
  });
});

/** A port nothing listens on right now (the OS picks it). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
