import fs from 'node:fs';
import zlib from 'node:zlib';
import http from 'node:http';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { findManifest, manifests } from '../../src/data/manifests/index.ts';
import type { DatasetManifest } from '../../src/data/manifests/types.ts';
import { fetchDataset, type FetchRecord } from '../../src/data/fetch/fetchDataset.ts';
import { loadHsLabels } from '../../src/data/reference/hs.ts';
import { openSeaRoutes, parseClosures, routeBetweenPorts } from '../../src/data/maritime/seaRoutes.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { loadIoTable } from '../../src/data/scenario/ioTables.ts';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

describe('dataset manifests', () => {
  it('describe the files in the mirror exactly (size and SHA-256 computed here)', () => {
    expect(manifests).toHaveLength(29);
    for (const m of manifests) {
      expect(m.files.length, m.id).toBeGreaterThan(0);
      for (const f of m.files) {
        const content = fs.readFileSync(path.join(sharedData, f.mirrorPath));
        expect(content.length, f.mirrorPath).toBe(f.bytes);
        expect(sha256(content), f.mirrorPath).toBe(f.sha256);
      }
    }
  });

  // Mirror folders no manifest fetches yet, each with the issue that brings it in. A new file in any other
  // folder, or a manifest for one of these, makes the test below fail until this list is brought up to date.
  const notYetFetched = new Set<string>([]);

  it('cover every data file in the mirror once (folder READMEs are documentation)', () => {
    const listed = manifests.flatMap((m) => m.files.map((f) => f.mirrorPath)).sort();
    const present: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(sharedData, dir), { withFileTypes: true })) {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory()) walk(rel);
        else if (e.name !== 'README.md') present.push(rel);
      }
    };
    for (const e of fs.readdirSync(sharedData, { withFileTypes: true })) {
      if (e.isDirectory() && !notYetFetched.has(e.name)) walk(e.name);
    }
    expect(listed).toEqual(present.sort());
    for (const folder of notYetFetched) {
      expect(fs.existsSync(path.join(sharedData, folder)), folder).toBe(true);
      expect(
        listed.filter((f) => f.startsWith(`${folder}/`)),
        folder,
      ).toEqual([]);
    }
  });

  it('reject an unknown dataset id, listing the known ones', () => {
    expect(() => findManifest('baci-full')).toThrow(
      /unknown dataset "baci-full" \(known: baci-critical-minerals, baci-sample-zaf-afg, hs, countries,/,
    );
  });
});

describe('data fetch from the mirror (../shared/data)', () => {
  let dataDir: DataDir;
  let catalog: Catalog;
  let analytics: DuckDbStore;
  beforeAll(async () => {
    dataDir = new DataDir(tempDir());
    catalog = new Catalog(dataDir);
    analytics = await openDuckDb();
    const ids = ['baci-critical-minerals', 'baci-sample-zaf-afg', 'hs', 'maritime', 'usgs-mcs2025'];
    const read = ['patents-ncses', 'world-exports-hs4', 'japan-io-2011', 'china-critical-minerals-monthly', 'pinksheet'];
    for (const id of [...ids, ...read])
      await fetchDataset(findManifest(id), { dataDir, mirror: sharedData, analytics });
  }, 120_000);
  afterAll(async () => analytics?.close());

  it('imports the patent counts and the exports by product from the fetched files, as data import would', async () => {
    const sameFiles = (derived: string, fetched: string) =>
      expect(catalog.get(derived).files.map((f) => f.sha256)).toEqual(
        expect.arrayContaining(
          catalog
            .get(fetched)
            .files.filter((f) => f.name !== 'ncses_tables.csv')
            .map((f) => f.sha256),
        ),
      );
    expect(catalog.get('patents')).toMatchObject({
      kind: 'patents',
      rows: catalog.get('patents-ncses').rows - 13,
    });
    sameFiles('patents', 'patents-ncses');
    expect(catalog.get('exports')).toMatchObject({ kind: 'exports', years: [2017] });
    sameFiles('exports', 'world-exports-hs4');
    // Japan's 2017 exports of HS 8505 (magnets) as stored equal the published file's line for them.
    const [{ v }] = await analytics.query<{ v: number }>(
      `SELECT sum(value) AS v FROM read_parquet('${path.join(dataDir.absolute(catalog.get('exports').path), 'exports.parquet')}') WHERE exporter = 'JPN' AND product = '8505'`,
    );
    const line = zlib
      .gunzipSync(fs.readFileSync(path.join(sharedData, 'world-exports-hs4', 'world_trade_2017.csv.gz')))
      .toString('utf8')
      .split('\n')
      .find((l) => l.startsWith('"jpn","8505",'))!;
    expect(v).toBe(Number(line.split(',')[2]));
  });

  it('makes the IO table, the monthly China exports and the Pink Sheet prices ready to use (issue 27)', async () => {
    // The IO table scenarios read by default (the newest io-table), following the fetched dataset's marking.
    const { table, entry } = loadIoTable(catalog);
    expect(entry).toMatchObject({ id: 'io-jp2011', kind: 'io-table', derivedFrom: ['japan-io-2011'] });
    expect(table.sectors).toHaveLength(13);
    // The EWS series: every row of the HS6 file (less its header), in USD, with the file's value for Japan's
    // graphite (250410) in December 2023.
    const monthly = catalog.get('china-minerals-monthly');
    const csv = path.join(sharedData, 'monthly/china-critical-minerals/deep_dive_hs6_monthly.csv');
    const lines = fs.readFileSync(csv, 'utf8').trim().split('\n');
    expect(monthly).toMatchObject({ kind: 'trade-monthly', derivedFrom: ['china-critical-minerals-monthly'] });
    expect(monthly.rows + monthly.rejectedRows).toBe(lines.length - 1);
    expect(monthly.extra).toMatchObject({ valueUnit: { currency: 'USD' } });
    const stored = (entry: string, file: string) => path.join(dataDir.absolute(catalog.get(entry).path), file);
    const [graphite] = await analytics.query<{ value: number; partner: string }>(
      `SELECT value, partner FROM read_parquet('${stored('china-minerals-monthly', 'series.parquet')}')
        WHERE hs = '250410' AND period = '2023-12' AND partner = 'JPN'`,
    );
    const line = lines.find((l) => l.startsWith('2023-12-01,Japan,250410,'))!;
    expect(graphite.value).toBe(Number(line.split(',')[3]));
    // Prices: copper in the last month of the file as published.
    const prices = catalog.get('pinksheet-prices');
    expect(prices).toMatchObject({ kind: 'prices', derivedFrom: ['pinksheet'] });
    const [header, ...months] = fs
      .readFileSync(path.join(sharedData, 'prices/pinksheet_monthly_prices.csv'), 'utf8')
      .trim()
      .split('\n');
    const copper = header.split(',').indexOf('COPPER');
    const last = months.at(-1)!.split(',');
    const [price] = await analytics.query<{ value: number }>(
      `SELECT value FROM read_parquet('${stored('pinksheet-prices', 'prices.parquet')}')
        WHERE series = 'COPPER' AND period = '${last[0]}'`,
    );
    expect(price.value).toBe(Number(last[copper]));
  });

  it('imports the BACI extracts with every row (counted here from the raw files)', () => {
    const countLines = (p: string) =>
      fs.readFileSync(path.join(sharedData, p), 'utf8').split(/\r?\n/).filter(Boolean).length - 1;
    const critical = catalog.get('baci-critical-minerals');
    expect(critical.rows).toBe(
      countLines('baci-critical-minerals/BACI_HS17_critical_minerals_2018-2024.csv'),
    );
    expect(critical.rows).toBe(112_064);
    expect(critical).toMatchObject({
      kind: 'trade-annual',
      hs: 'HS17',
      version: 'V202601',
      source: 'mirror',
    });
    expect(critical.years).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(catalog.get('baci-sample-zaf-afg').rows).toBe(
      countLines('baci-samples/BACI_2021_ZAF_AFG_halfsample.csv'),
    );
  });

  it('records provenance: source, mirror path, version, retrieval time and checksums', () => {
    const entry = catalog.get('baci-critical-minerals');
    const record = entry.extra?.fetch as FetchRecord;
    expect(record.source).toBe('mirror');
    expect(record.files).toHaveLength(1);
    const file = record.files[0];
    expect(file.from).toBe(
      path.join(sharedData, 'baci-critical-minerals/BACI_HS17_critical_minerals_2018-2024.csv'),
    );
    expect(file.sha256).toBe(sha256(fs.readFileSync(file.from)));
    expect(Date.now() - Date.parse(record.retrievedAt)).toBeLessThan(10 * 60_000);
    expect(entry.url).toContain('cepii.fr');
    // The extract's companion files are kept, verified, beside it.
    const companion = catalog.get('baci-critical-minerals-files');
    expect(companion.files.map((f) => f.name).sort()).toEqual([
      'baci_critical_minerals_2024.parquet',
      'critical_codes.json',
    ]);
    const stored = path.join(dataDir.absolute(companion.path), 'critical_codes.json');
    expect(sha256(fs.readFileSync(stored))).toBe(
      sha256(fs.readFileSync(path.join(sharedData, 'baci-critical-minerals/critical_codes.json'))),
    );
  });

  it('runs the HS importer, so labels are available', () => {
    const labels = loadHsLabels(dataDir);
    // Japan Customs labels a subheading by its path inside the heading; the heading names the metals.
    expect(labels.hsLabel('811292', 'ja')).toMatch(/^.*ガリウム.* ▸ その他のもの ＞ 塊、くず及び粉$/);
    expect(labels.hsLabel('8112', 'ja')).toMatch(/ガリウム/);
    expect(labels.provenance).toMatchObject({
      dataset: 'hs',
      version: 'HS2022 + HS2017; Japanese labels 2026-07-09',
    });
  });

  it('stores "files" datasets as they are, for the importers that read them', () => {
    const entry = catalog.get('maritime');
    expect(entry.kind).toBe('maritime');
    const network = JSON.parse(
      fs.readFileSync(path.join(dataDir.absolute(entry.path), 'marnet_searoute.geojson'), 'utf8'),
    );
    expect(network.features).toHaveLength(4109);
    expect(entry.rows).toBe(4109 + 3962 + 3 + 28);
  });

  it('builds the routable sea network from the fetched maritime files, so routes work after a fetch', () => {
    const maritime = catalog.get('maritime');
    const network = catalog.get('sea-network');
    expect(network).toMatchObject({
      version: maritime.version,
      source: 'mirror',
      retrievedAt: maritime.retrievedAt,
    });
    const marnet = (e: typeof network) => e.files.find((f) => f.name === 'marnet_searoute.geojson')?.sha256;
    expect(marnet(network)).toBe(marnet(maritime));
    const route = routeBetweenPorts(openSeaRoutes(dataDir, catalog), 'JPYOK', 'NLRTM', parseClosures([]));
    expect(route.distanceKm).toBeGreaterThan(15_000); // Yokohama → Rotterdam by sea, via Suez about 20,000 km
  });

  it('runs the USGS importer on the world data and keeps the other USGS files beside it', () => {
    const minerals = catalog.get('usgs-mcs2025');
    expect(minerals).toMatchObject({ kind: 'minerals', rows: 1250, source: 'mirror' });
    expect(catalog.ofKind('minerals').map((e) => e.id)).toEqual(['usgs-mcs2025']);
    expect(catalog.get('usgs-mcs2025-files').files).toHaveLength(16);
  });

  it('is idempotent: fetching again keeps one stored version', async () => {
    await fetchDataset(findManifest('maritime'), { dataDir, mirror: sharedData });
    expect(fs.readdirSync(path.join(dataDir.storeDir, 'maritime'))).toHaveLength(1);
    expect(fs.readdirSync(path.join(dataDir.storeDir, 'sea-network'))).toHaveLength(1);
  });

  it('names a file missing from the mirror', async () => {
    const empty = tempDir();
    await expect(fetchDataset(findManifest('countries'), { dataDir, mirror: empty })).rejects.toThrow(
      /countries\/baci_country_codes_V202201.csv is not in the mirror/,
    );
  });

  it('refuses to download extracts that exist only in mirrors', async () => {
    await expect(fetchDataset(findManifest('baci-critical-minerals'), { dataDir })).rejects.toThrow(
      /no download address.*--mirror/,
    );
  });
});

describe('data fetch over HTTP (a local server)', () => {
  const content = Buffer.from(
    't,i,j,k,v,q\n' + Array.from({ length: 4000 }, (_, n) => `2021,4,${n % 900},010121,${n}.5,NA`).join('\n'),
  );
  const requests: { url: string; range?: string }[] = [];
  let server: http.Server;
  let base: string;
  let dropNext = false;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push({ url: req.url ?? '', range: req.headers.range });
      if (req.url === '/moved') {
        res.writeHead(302, { location: '/files/data.csv' });
        res.end();
        return;
      }
      if (req.url === '/files/tampered.csv') {
        res.writeHead(200, { 'content-length': content.length });
        res.end(Buffer.concat([content.subarray(0, 100), Buffer.from('X'), content.subarray(101)]));
        return;
      }
      if (req.url === '/files/stall.csv' && !req.headers.range) {
        // Send the first 1,000 bytes, then nothing: the client's idle timeout must end the attempt.
        res.writeHead(200, { 'content-length': content.length });
        res.write(content.subarray(0, 1000));
        return;
      }
      if (req.url !== '/files/data.csv' && req.url !== '/files/stall.csv') {
        res.writeHead(404);
        res.end('not here');
        return;
      }
      const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      const start = range ? Number(range[1]) : 0;
      const body = content.subarray(start);
      res.writeHead(range ? 206 : 200, {
        'content-length': body.length,
        ...(range ? { 'content-range': `bytes ${start}-${content.length - 1}/${content.length}` } : {}),
      });
      if (dropNext) {
        // Send the first half, then cut the connection mid-file.
        dropNext = false;
        res.write(body.subarray(0, Math.floor(body.length / 2)), () =>
          setTimeout(() => res.socket?.destroy(), 20),
        );
        return;
      }
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const manifestFor = (url: string, id = 'http-test'): DatasetManifest => ({
    id,
    title: 'test file',
    titleJa: 'テスト',
    publisher: 'test',
    url: base,
    origin: [],
    version: '1',
    licence: 'test',
    kind: 'other',
    importer: 'files',
    description: 'a file served by the test',
    files: [
      {
        name: 'data.csv',
        mirrorPath: 'x/data.csv',
        url,
        sha256: sha256(content),
        bytes: content.length,
        rows: 4000,
      },
    ],
  });
  const fast = { retries: 2, retryDelayMs: 10, idleTimeoutMs: 2000 };

  it('downloads, following a redirect, verifies and records the URL', async () => {
    const dataDir = new DataDir(tempDir());
    const { entries } = await fetchDataset(manifestFor(`${base}/moved`), { dataDir, ...fast });
    expect(entries[0]).toMatchObject({ id: 'http-test', source: 'download', rows: 4000 });
    const stored = fs.readFileSync(path.join(dataDir.absolute(entries[0].path), 'data.csv'));
    expect(stored.equals(content)).toBe(true);
    expect((entries[0].extra?.fetch as FetchRecord).files[0].from).toBe(`${base}/moved`);
  });

  it('stops on a checksum mismatch, naming the file and both hashes, and publishes nothing', async () => {
    const dataDir = new DataDir(tempDir());
    const manifest = manifestFor(`${base}/files/tampered.csv`);
    const error = await fetchDataset(manifest, { dataDir, ...fast }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'checksum_mismatch' });
    const message = (error as Error).message;
    expect(message).toContain('data.csv');
    expect(message).toContain(`expected ${manifest.files[0].sha256}`);
    const actual = sha256(Buffer.concat([content.subarray(0, 100), Buffer.from('X'), content.subarray(101)]));
    expect(message).toContain(`SHA-256 ${actual}`);
    expect(new Catalog(dataDir).list()).toEqual([]);
    expect(fs.existsSync(path.join(dataDir.storeDir, 'http-test'))).toBe(false);
    // The bad bytes are not kept for a later resume.
    expect(fs.readdirSync(path.join(dataDir.tmpDir, 'downloads'))).toEqual([]);
  });

  it('reports a 404 as not found, without retrying, and publishes nothing', async () => {
    const dataDir = new DataDir(tempDir());
    const before = requests.length;
    await expect(
      fetchDataset(manifestFor(`${base}/files/gone.csv`), { dataDir, ...fast }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('HTTP 404'),
    });
    expect(requests.length - before).toBe(1);
    expect(new Catalog(dataDir).list()).toEqual([]);
  });

  it('resumes with a Range request when the connection drops mid-file (within one run)', async () => {
    const dataDir = new DataDir(tempDir());
    dropNext = true;
    const before = requests.length;
    const { entries } = await fetchDataset(manifestFor(`${base}/files/data.csv`), { dataDir, ...fast });
    const mine = requests.slice(before);
    expect(mine).toHaveLength(2);
    expect(mine[0].range).toBeUndefined();
    expect(mine[1].range).toBe(`bytes=${Math.floor(content.length / 2)}-`);
    expect(fs.readFileSync(path.join(dataDir.absolute(entries[0].path), 'data.csv')).equals(content)).toBe(
      true,
    );
  });

  it('resumes a partial download left by an earlier, failed run', async () => {
    const dataDir = new DataDir(tempDir());
    const manifest = manifestFor(`${base}/files/data.csv`);
    dropNext = true;
    await expect(fetchDataset(manifest, { dataDir, ...fast, retries: 0 })).rejects.toMatchObject({
      code: 'network',
    });
    const partial = path.join(dataDir.tmpDir, 'downloads', `${manifest.files[0].sha256}.part`);
    const kept = fs.statSync(partial).size;
    expect(kept).toBe(Math.floor(content.length / 2));
    expect(new Catalog(dataDir).list()).toEqual([]);

    const before = requests.length;
    await fetchDataset(manifest, { dataDir, ...fast, retries: 0 });
    expect(requests.slice(before).map((r) => r.range)).toEqual([`bytes=${kept}-`]);
    expect(new Catalog(dataDir).get('http-test').files[0].sha256).toBe(sha256(content));
  });

  it('ends a stalled transfer after the idle timeout and resumes where it stopped', async () => {
    const dataDir = new DataDir(tempDir());
    const before = requests.length;
    const { entries } = await fetchDataset(manifestFor(`${base}/files/stall.csv`), {
      ...fast,
      dataDir,
      idleTimeoutMs: 300,
    });
    expect(requests.slice(before).map((r) => r.range)).toEqual([undefined, 'bytes=1000-']);
    expect(fs.readFileSync(path.join(dataDir.absolute(entries[0].path), 'data.csv')).equals(content)).toBe(
      true,
    );
  });
});
