import fs from 'node:fs';
import path from 'node:path';
import { DataDir, writeFileAtomic } from './dataDir.ts';
import { ChokepointError } from '../../errors.ts';
import { mayReadDataset } from '../security/readContext.ts';

/** What kind of data a dataset holds; decides which importer wrote it and which analyses can read it. */
export type DatasetKind =
  | 'trade-annual'
  | 'trade-monthly'
  | 'countries'
  | 'hs'
  | 'concordance'
  | 'maritime'
  | 'minerals'
  | 'prices'
  | 'io-table'
  | 'patents'
  | 'exports'
  | 'other';

export interface SourceFile {
  name: string;
  sha256: string;
  bytes: number;
}

/** Provenance carried by every figure derived from a dataset. */
export interface Provenance {
  dataset: string;
  title: string;
  publisher: string;
  version: string;
  url?: string;
  licence?: string;
  retrievedAt?: string;
  synthetic: boolean;
}

export interface CatalogEntry {
  id: string;
  kind: DatasetKind;
  title: string;
  publisher: string;
  url?: string;
  version: string;
  licence?: string;
  /** How the files were obtained: 'download', 'mirror', 'import' (a user's file) or 'synthetic'. */
  source: 'download' | 'mirror' | 'import' | 'synthetic';
  retrievedAt: string;
  importedAt: string;
  synthetic: boolean;
  files: SourceFile[];
  rows: number;
  rejectedRows: number;
  /** Relative to the data dir: store/<id>/<version-key>. */
  path: string;
  years?: number[];
  /** HS revision for trade data (HS92 … HS22). */
  hs?: string;
  notes?: string;
  /**
   * The datasets this one was built from (sea-network from maritime, patents from patents-ncses …): its contents
   * carry their markings too (effectiveDatasetMarkings).
   */
  derivedFrom?: string[];
  /** Extra facts an importer keeps (e.g. rejected row samples, seed of a synthetic run). */
  extra?: Record<string, unknown>;
}

export function provenanceOf(entry: CatalogEntry): Provenance {
  return {
    dataset: entry.id,
    title: entry.title,
    publisher: entry.publisher,
    version: entry.version,
    url: entry.url,
    licence: entry.licence,
    retrievedAt: entry.retrievedAt,
    synthetic: entry.synthetic,
  };
}

const idPattern = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function assertDatasetId(id: string): void {
  if (!idPattern.test(id)) {
    throw new ChokepointError(
      'bad_input',
      `dataset id "${id}" must be 1–64 characters of a–z, 0–9, '.', '_' or '-'`,
      { field: 'dataset' },
    );
  }
}

/**
 * What `data fetch` derived before catalog entries named their sources (manifest `derive`): an older data
 * directory's sea-network, patents and exports carry their sources' markings too.
 */
const fetchedBefore: Record<string, string[]> = {
  'sea-network': ['maritime'],
  patents: ['patents-ncses'],
  exports: ['world-exports-hs4'],
};

/** The catalog: one JSON file per dataset, replaced atomically, so a killed import leaves the old entry. */
export class Catalog {
  constructor(readonly dataDir: DataDir) {}

  /**
   * Every dataset the current reader may read (src/data/security/readContext.ts): to a reader, a dataset marked
   * above their clearance does not exist — it is never a default, never listed, never named in an error. Outside
   * a read context (the CLI's operator) every dataset.
   */
  list(): CatalogEntry[] {
    return this.readAll().filter((e) => mayReadDataset(e.id));
  }

  find(id: string): CatalogEntry | undefined {
    assertDatasetId(id);
    const entry = this.readOne(id);
    return entry && mayReadDataset(entry.id) ? entry : undefined;
  }

  get(id: string): CatalogEntry {
    const entry = this.find(id);
    if (!entry) {
      const present = this.list().map((e) => e.id);
      throw new ChokepointError(
        'not_found',
        `no dataset "${id}"${this.dataDir.whereForMessages}` +
          (present.length ? ` (present: ${present.join(', ')})` : ' (the data directory is empty)'),
        { field: 'dataset' },
      );
    }
    return entry;
  }

  /** All entries, whoever reads (for publishing and for the marking check itself). */
  protected readAll(): CatalogEntry[] {
    if (!fs.existsSync(this.dataDir.catalogDir)) return [];
    return fs
      .readdirSync(this.dataDir.catalogDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(fs.readFileSync(path.join(this.dataDir.catalogDir, f), 'utf8')) as CatalogEntry);
  }

  protected readOne(id: string): CatalogEntry | undefined {
    const file = path.join(this.dataDir.catalogDir, `${id}.json`);
    if (!fs.existsSync(file)) return undefined;
    return JSON.parse(fs.readFileSync(file, 'utf8')) as CatalogEntry;
  }

  /** Ids and sources of every dataset, whoever reads: what effective markings are computed from. */
  derivations(): { id: string; derivedFrom?: string[] }[] {
    return this.readAll().map((e) => ({ id: e.id, derivedFrom: e.derivedFrom ?? fetchedBefore[e.id] }));
  }

  /**
   * Whether a dataset of this kind exists that the current reader may not read: a page then leaves that part out
   * and says it was withheld (issue 18, item 14), instead of refusing the whole page.
   */
  withholds(kind: DatasetKind): boolean {
    return this.readAll().some((e) => e.kind === kind && !mayReadDataset(e.id));
  }

  /** Datasets of a kind, newest import first. */
  ofKind(kind: DatasetKind): CatalogEntry[] {
    return this.list()
      .filter((e) => e.kind === kind)
      .sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  }

  /**
   * Publish a dataset version whose files are complete in `scratchDir`: move them into the store, then swap
   * the catalog entry (an atomic rename). Old versions are removed only after the swap.
   */
  publish(entry: Omit<CatalogEntry, 'path'>, scratchDir: string, versionKey: string): CatalogEntry {
    assertDatasetId(entry.id);
    const relative = path.join('store', entry.id, versionKey);
    const target = this.dataDir.absolute(relative);
    const previous = this.readOne(entry.id);
    if (previous && !mayReadDataset(previous.id)) {
      // An update needs read access to what it replaces (a hidden dataset is not overwritten unseen).
      throw new ChokepointError(
        'forbidden',
        `dataset "${entry.id}" exists and is marked above what you may read: someone cleared for it must replace it`,
        { field: 'dataset' },
      );
    }
    if (fs.existsSync(target)) {
      // Same content already stored (idempotent re-run): keep the stored files, drop the scratch copy.
      fs.rmSync(scratchDir, { recursive: true, force: true });
    } else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(scratchDir, target);
    }
    const full: CatalogEntry = { ...entry, path: relative };
    writeFileAtomic(path.join(this.dataDir.catalogDir, `${entry.id}.json`), JSON.stringify(full, null, 2));
    if (previous && previous.path !== relative) {
      fs.rmSync(this.dataDir.absolute(previous.path), { recursive: true, force: true });
    }
    return full;
  }

  remove(id: string): void {
    const entry = this.get(id);
    fs.rmSync(path.join(this.dataDir.catalogDir, `${id}.json`));
    fs.rmSync(this.dataDir.absolute(entry.path), { recursive: true, force: true });
  }
}
