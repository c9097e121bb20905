import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { importBaci } from '../../src/data/importers/baci.ts';
import {
  baciCountryCodes,
  generateSyntheticBaci,
  generatedProductCodes,
  readProductCodes,
} from '../../src/data/synth/baci.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('synthetic BACI generator', () => {
  it('is deterministic: same seed, same bytes; another seed, other bytes', async () => {
    const dir = tempDir();
    const a = await generateSyntheticBaci({
      year: 2022,
      rows: 20_000,
      seed: 42,
      out: path.join(dir, 'a.csv'),
    });
    const b = await generateSyntheticBaci({
      year: 2022,
      rows: 20_000,
      seed: 42,
      out: path.join(dir, 'b.csv'),
    });
    const c = await generateSyntheticBaci({
      year: 2022,
      rows: 20_000,
      seed: 43,
      out: path.join(dir, 'c.csv'),
    });
    expect(sha256(a.file)).toBe(sha256(b.file));
    expect(sha256(c.file)).not.toBe(sha256(a.file));
    expect(fs.statSync(a.file).size).toBe(a.bytes);
    expect(JSON.parse(fs.readFileSync(`${a.file}.synthetic.json`, 'utf8'))).toMatchObject({
      seed: 42,
      year: 2022,
      rows: 20_000,
    });
  });

  it(
    'has BACI shape: unique flows, real country codes, ≈5,400 HS6 codes, heavy tails and concentration',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const rows = 300_000;
      const result = await generateSyntheticBaci({ year: 2021, rows, seed: 7, out: path.join(dir, 's.csv') });
      expect(result.rows).toBe(rows);
      // Read it back independently.
      const exporters = new Map<number, number>();
      const importers = new Set<number>();
      const byProduct = new Map<string, Map<number, number>>();
      const seen = new Set<string>();
      const values: number[] = [];
      const malformed: string[] = [];
      let lines = 0;
      let na = 0;
      let header = '';
      for await (const line of readline.createInterface({ input: fs.createReadStream(result.file) })) {
        if (!header) {
          header = line;
          continue;
        }
        lines++;
        const [t, i, j, k, v, q] = line.split(',');
        const key = `${i}/${j}/${k}`;
        if (t !== '2021' || !/^\d{6}$/.test(k) || !/^\d+\.\d{3}$/.test(v) || i === j || seen.has(key))
          malformed.push(line);
        seen.add(key);
        if (q === 'NA') na++;
        exporters.set(Number(i), (exporters.get(Number(i)) ?? 0) + Number(v));
        importers.add(Number(j));
        const p = byProduct.get(k) ?? new Map<number, number>();
        p.set(Number(i), (p.get(Number(i)) ?? 0) + Number(v));
        byProduct.set(k, p);
        values.push(Number(v));
      }
      expect(header).toBe('t,i,j,k,v,q');
      expect(lines).toBe(rows);
      expect(malformed).toEqual([]);
      const known = new Set(baciCountryCodes);
      for (const code of [...exporters.keys(), ...importers]) expect(known.has(code)).toBe(true);
      expect(baciCountryCodes.length).toBeGreaterThanOrEqual(220);
      expect(baciCountryCodes.length).toBeLessThanOrEqual(240);
      expect(exporters.size).toBeGreaterThan(200);
      const products = generatedProductCodes();
      expect(products.length).toBeGreaterThan(5_000);
      expect(products.length).toBeLessThan(5_800);
      expect(byProduct.size).toBeGreaterThan(5_000);
      // Quantities mostly present (≈5 % NA).
      expect(na / rows).toBeGreaterThan(0.03);
      expect(na / rows).toBeLessThan(0.07);
      // Heavy tail: mean far above median; the top 1 % of flows carry a large share of the value.
      values.sort((x, y) => x - y);
      const total = values.reduce((s, x) => s + x, 0);
      const median = values[Math.floor(values.length / 2)];
      expect(total / values.length / median).toBeGreaterThan(5);
      const top1 = values.slice(Math.floor(values.length * 0.99)).reduce((s, x) => s + x, 0);
      expect(top1 / total).toBeGreaterThan(0.2);
      // Concentration: the largest exporter leads but does not dominate world exports; some products are
      // dominated by one exporter, most are not.
      const shares = [...exporters.values()].map((x) => x / total).sort((x, y) => y - x);
      expect(shares[0]).toBeGreaterThan(0.05);
      expect(shares[0]).toBeLessThan(0.35);
      let dominated = 0;
      for (const p of byProduct.values()) {
        const sums = [...p.values()];
        const sum = sums.reduce((s, x) => s + x, 0);
        if (Math.max(...sums) / sum > 0.5) dominated++;
      }
      expect(dominated / byProduct.size).toBeGreaterThan(0.05);
      expect(dominated / byProduct.size).toBeLessThan(0.5);
    },
  );

  it('can take its HS6 codes from a product list (CEPII HS17 codes)', () => {
    const codes = readProductCodes(path.join(sharedData, 'hs', 'baci_product_codes_hs17_bec.csv'));
    expect(codes).toHaveLength(5_384);
    expect(codes[0]).toBe('010121');
  });

  it('is imported as synthetic under its own dataset id', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'synthetic.csv');
    await generateSyntheticBaci({ year: 2022, rows: 5_000, seed: 1, out });
    const dataDir = new DataDir(tempDir());
    const entry = await importBaci({ dataDir, inputs: [out] });
    expect(entry).toMatchObject({
      id: 'baci-hs17-synthetic',
      synthetic: true,
      source: 'synthetic',
      rows: 5_000,
      years: [2022],
    });
    expect(entry.title).toMatch(/SYNTHETIC/);
    expect(entry.version).toBe('synthetic-seed1');
    // A title given by the user still says SYNTHETIC.
    const titled = await importBaci({ dataDir, inputs: [out], datasetId: 'demo', title: 'Demo flows' });
    expect(titled.title).toBe('SYNTHETIC — Demo flows');
  });
});

describe('atomic import', () => {
  it(
    'a kill -9 of `chokepoint data import baci` mid-way leaves the previous state',
    { timeout: 240_000 },
    async () => {
      const dataDir = new DataDir(tempDir());
      const dir = tempDir();
      const small = path.join(dir, 'small.csv');
      fs.writeFileSync(small, 't,i,j,k,v,q\n2022,156,392,850511,10.5,1\n');
      const previous = await importBaci({ dataDir, inputs: [small], hs: 'HS17', datasetId: 'trade' });
      const before = listing(dataDir);
      const big = path.join(dir, 'big.csv');
      await generateSyntheticBaci({ year: 2022, rows: 2_000_000, seed: 5, out: big });

      const child = spawn(
        process.execPath,
        [
          path.join(repo, 'bin', 'chokepoint.mjs'),
          '--data-dir',
          dataDir.root,
          'data',
          'import',
          'baci',
          big,
          '--dataset',
          'trade',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal ? -1 : _code)),
      );
      // Wait until the conversion runs (its scratch folder holds output), then kill without warning.
      const deadline = Date.now() + 120_000;
      while (!/converting/.test(stderr) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(stderr).toMatch(/converting/);
      await new Promise((r) => setTimeout(r, 300));
      const scratch = fs.readdirSync(dataDir.tmpDir).filter((f) => f.startsWith('import-trade'));
      expect(scratch).toHaveLength(1);
      child.kill('SIGKILL');
      expect(await exited).toBe(-1);

      expect(listing(dataDir)).toEqual(before);
      expect(new Catalog(dataDir).get('trade')).toEqual(previous);
      // And the same import, not interrupted, then goes through.
      const entry = await importBaci({ dataDir, inputs: [big], hs: 'HS17', datasetId: 'trade' });
      expect(entry.rows).toBe(2_000_000);
      expect(fs.existsSync(dataDir.absolute(previous.path))).toBe(false);
    },
  );
});

/** Files under catalog/ and store/ with their SHA-256. */
function listing(dataDir: DataDir): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dataDir.root, p)] = sha256(p);
    }
  };
  walk(dataDir.catalogDir);
  walk(dataDir.storeDir);
  return out;
}
