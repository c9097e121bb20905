import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { DataDir, writeFileAtomic } from '../catalog/dataDir.ts';
import { Catalog, type CatalogEntry, type SourceFile } from '../catalog/catalog.ts';
import { ChokepointError } from '../../errors.ts';
import type { DatasetManifest, ManifestFile } from '../manifests/types.ts';
import { download } from './download.ts';
import { importHs } from '../importers/hs.ts';
import { importBaci } from '../importers/baci.ts';
import { importUsgsMcs } from '../importers/usgs.ts';
import { deriveDataset } from './deriveDataset.ts';
import type { AnalyticsStore } from '../analytics/store.ts';

export interface FetchOptions {
  dataDir: DataDir;
  /** A folder laid out like ../shared/data; without it files are downloaded from their URLs. */
  mirror?: string;
  /** Progress of one file: bytes done of total. */
  onProgress?: (file: string, done: number, total: number) => void;
  onFileDone?: (file: string) => void;
  /** For the datasets whose fetch imports patents or exports from the files (DatasetManifest.derive). */
  analytics?: AnalyticsStore;
  /** Download tuning (tests shorten these). */
  retries?: number;
  retryDelayMs?: number;
  idleTimeoutMs?: number;
}

/** Where each file came from, recorded in the catalog entry as extra.fetch. */
export interface FetchRecord {
  manifest: string;
  source: 'mirror' | 'download';
  retrievedAt: string;
  files: { name: string; from: string; sha256: string; bytes: number }[];
}

export interface FetchResult {
  manifest: DatasetManifest;
  source: 'mirror' | 'download';
  /** The dataset, and `<id>-files` when the manifest has companion files. */
  entries: CatalogEntry[];
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Copies a mirror file with progress; returns its SHA-256. */
async function copyFromMirror(from: string, to: string, onProgress: (done: number) => void): Promise<string> {
  const hash = createHash('sha256');
  let done = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      hash.update(chunk);
      done += chunk.length;
      onProgress(done);
      callback(null, chunk);
    },
  });
  await pipeline(fs.createReadStream(from), tap, fs.createWriteStream(to));
  return hash.digest('hex');
}

function checksumError(
  manifest: DatasetManifest,
  file: ManifestFile,
  actual: string,
  from: string,
): ChokepointError {
  return new ChokepointError(
    'checksum_mismatch',
    `${manifest.id}: ${file.name} has SHA-256 ${actual}, expected ${file.sha256} (from ${from}); nothing was published`,
    { file: from, field: file.name },
  );
}

/** Brings one file into `scratch`, verified; returns where it came from. */
async function obtainFile(
  manifest: DatasetManifest,
  file: ManifestFile,
  scratch: string,
  options: FetchOptions,
): Promise<string> {
  const target = path.join(scratch, file.name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const progress = (done: number) => options.onProgress?.(file.name, done, file.bytes);
  if (options.mirror) {
    const from = path.join(options.mirror, file.mirrorPath);
    if (!fs.existsSync(from)) {
      throw new ChokepointError(
        'not_found',
        `${manifest.id}: ${file.mirrorPath} is not in the mirror ${options.mirror}`,
        {
          file: from,
        },
      );
    }
    const actual = await copyFromMirror(from, target, progress);
    if (actual !== file.sha256) throw checksumError(manifest, file, actual, from);
    return from;
  }
  if (!file.url) throw new ChokepointError('internal', `${manifest.id}: ${file.name} has no URL`);
  // Partial downloads are named by the expected checksum, so a later run resumes the same bytes.
  const partial = path.join(options.dataDir.tmpDir, 'downloads', `${file.sha256}.part`);
  fs.mkdirSync(path.dirname(partial), { recursive: true });
  await download({
    url: file.url,
    dest: partial,
    bytes: file.bytes,
    retries: options.retries,
    retryDelayMs: options.retryDelayMs,
    idleTimeoutMs: options.idleTimeoutMs,
    onProgress: (done) => progress(done),
  });
  const actual = await sha256Of(partial);
  if (actual !== file.sha256) {
    fs.rmSync(partial, { force: true }); // a wrong file must not be resumed next time
    throw checksumError(manifest, file, actual, file.url);
  }
  fs.renameSync(partial, target);
  return file.url;
}

/** Adds the fetch record to an entry an importer published (the catalog file is replaced atomically). */
function recordFetch(dataDir: DataDir, entry: CatalogEntry, record: FetchRecord): CatalogEntry {
  const updated: CatalogEntry = { ...entry, extra: { ...entry.extra, fetch: record } };
  writeFileAtomic(path.join(dataDir.catalogDir, `${entry.id}.json`), JSON.stringify(updated, null, 2));
  return updated;
}

function versionKeyOf(files: SourceFile[]): string {
  return createHash('sha256')
    .update(files.map((f) => `${f.name}:${f.sha256}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
}

/** The 'files' importer: publishes verified files as they are, for the importers that read them from the store. */
function publishFiles(
  catalog: Catalog,
  manifest: DatasetManifest,
  id: string,
  files: ManifestFile[],
  dir: string,
  record: FetchRecord,
): CatalogEntry {
  const sourceFiles = files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes }));
  const now = new Date().toISOString();
  const companion = id !== manifest.id;
  return catalog.publish(
    {
      id,
      kind: companion ? 'other' : manifest.kind,
      title: companion ? `${manifest.title}: companion files` : manifest.title,
      publisher: manifest.publisher,
      url: manifest.url,
      version: manifest.version,
      licence: manifest.licence,
      source: record.source,
      retrievedAt: record.retrievedAt,
      importedAt: now,
      synthetic: false,
      files: sourceFiles,
      rows: files.reduce((sum, f) => sum + (f.rows ?? 0), 0),
      rejectedRows: 0,
      hs: manifest.hs,
      notes: manifest.notes,
      extra: {
        fetch: record,
        titleJa: manifest.titleJa,
        description: manifest.description,
        origin: manifest.origin,
      },
    },
    dir,
    versionKeyOf(sourceFiles),
  );
}

/**
 * Fetches a dataset: every file from the mirror or its URL into a scratch folder, each verified against the
 * manifest's SHA-256 before anything is imported (a mismatch publishes nothing), then the manifest's importer
 * runs and the catalog records the provenance (source, URL or mirror path, version, retrieved at, checksums).
 */
export async function fetchDataset(manifest: DatasetManifest, options: FetchOptions): Promise<FetchResult> {
  const { dataDir } = options;
  const catalog = new Catalog(dataDir);
  const source = options.mirror ? 'mirror' : 'download';
  if (!options.mirror) {
    const mirrorOnly = manifest.files.filter((f) => !f.url).map((f) => f.name);
    if (mirrorOnly.length) {
      throw new ChokepointError(
        'not_found',
        `${manifest.id}: ${mirrorOnly.join(', ')} ${mirrorOnly.length > 1 ? 'have' : 'has'} no download address (extracts that exist only in mirrors); use --mirror DIR or set CHOKEPOINT_MIRROR`,
        { field: 'dataset' },
      );
    }
  }
  const scratch = dataDir.scratch(`fetch-${manifest.id}`);
  try {
    const record: FetchRecord = {
      manifest: manifest.id,
      source,
      retrievedAt: new Date().toISOString(),
      files: [],
    };
    for (const file of manifest.files) {
      const from = await obtainFile(manifest, file, scratch, options);
      record.files.push({ name: file.name, from, sha256: file.sha256, bytes: file.bytes });
      options.onFileDone?.(file.name);
    }
    const inputs = manifest.files.filter((f) => manifest.importer === 'files' || f.input !== false);
    const companions = manifest.files.filter((f) => manifest.importer !== 'files' && f.input === false);
    const local = (name: string) => path.join(scratch, name);
    const recordOf = (files: ManifestFile[]): FetchRecord => ({
      ...record,
      files: record.files.filter((r) => files.some((f) => f.name === r.name)),
    });
    const entries: CatalogEntry[] = [];
    const common = {
      dataDir,
      datasetId: manifest.id,
      version: manifest.version,
      title: manifest.title,
      publisher: manifest.publisher,
      url: manifest.url,
      licence: manifest.licence,
      source,
      retrievedAt: record.retrievedAt,
    } as const;
    if (manifest.importer === 'files') {
      const files = publishFiles(catalog, manifest, manifest.id, inputs, scratch, record);
      entries.push(files);
      // Files some analysis reads only once imported (lanes routed, patents and exports as Parquet): imported now,
      // so that routes, exposure, RTA and RCA work right after a fetch.
      if (manifest.derive)
        entries.push(await deriveDataset(manifest.derive, files, { catalog, dataDir, analytics: options.analytics }));
    } else {
      let entry: CatalogEntry;
      if (manifest.importer === 'hs') {
        const byName = (name: string) => {
          const file = inputs.find((f) => f.name === name);
          if (!file) throw new ChokepointError('internal', `manifest ${manifest.id} lacks ${name}`);
          return local(file.name);
        };
        entry = await importHs({
          ...common,
          files: {
            hs22: byName('harmonized-system.csv'),
            hs4Ja: byName('hs4_ja.csv'),
            hs6Ja: byName('hs6_ja.csv'),
            hs17: byName('baci_product_codes_hs17_bec.csv'),
          },
          sourceFiles: inputs.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes })),
        });
      } else if (manifest.importer === 'usgs') {
        entry = await importUsgsMcs({
          dataDir,
          input: local(inputs[0].name),
          datasetId: manifest.id,
          version: manifest.version,
          source,
        });
      } else {
        entry = await importBaci({ ...common, hs: manifest.hs, inputs: inputs.map((f) => local(f.name)) });
      }
      entries.push(recordFetch(dataDir, entry, recordOf(inputs)));
      if (companions.length) {
        const dir = dataDir.scratch(`fetch-${manifest.id}-files`);
        for (const f of companions) {
          fs.mkdirSync(path.dirname(path.join(dir, f.name)), { recursive: true });
          fs.renameSync(local(f.name), path.join(dir, f.name));
        }
        entries.push(
          publishFiles(catalog, manifest, `${manifest.id}-files`, companions, dir, recordOf(companions)),
        );
      }
    }
    return { manifest, source, entries };
  } finally {
    // Published files were moved out of the scratch folder; whatever is left is not needed.
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
