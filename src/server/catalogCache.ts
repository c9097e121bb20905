import fs from 'node:fs';
import path from 'node:path';
import { Catalog, type CatalogEntry, type DataDir } from '../data/catalog/index.ts';

/**
 * The catalog as the screen routes read it on every request: each entry file is parsed once and kept while its
 * size and modification time (ns) are unchanged, so a request costs a directory listing and a stat per entry
 * instead of reading and parsing every file (docs/benchmarks.md, Screening API). Entries are frozen: they are
 * shared by concurrent requests. Writes (publish, remove) go through Catalog unchanged and are seen on the next
 * read, since an atomic replace gives the file a new modification time.
 */
export class CachedCatalog extends Catalog {
  private readonly parsed = new Map<string, { stamp: string; entry: CatalogEntry }>();

  private read(file: string): CatalogEntry | undefined {
    let stat: fs.BigIntStats;
    try {
      stat = fs.statSync(file, { bigint: true });
    } catch {
      this.parsed.delete(file);
      return undefined;
    }
    const stamp = `${stat.size}:${stat.mtimeNs}:${stat.ino}`;
    const hit = this.parsed.get(file);
    if (hit && hit.stamp === stamp) return hit.entry;
    const entry = deepFreeze(JSON.parse(fs.readFileSync(file, 'utf8')) as CatalogEntry);
    this.parsed.set(file, { stamp, entry });
    return entry;
  }

  protected override readAll(): CatalogEntry[] {
    if (!fs.existsSync(this.dataDir.catalogDir)) return [];
    const files = fs
      .readdirSync(this.dataDir.catalogDir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    const present = new Set(files.map((f) => path.join(this.dataDir.catalogDir, f)));
    for (const file of this.parsed.keys()) if (!present.has(file)) this.parsed.delete(file);
    return [...present].map((file) => this.read(file)).filter((e): e is CatalogEntry => e !== undefined);
  }

  protected override readOne(id: string): CatalogEntry | undefined {
    return this.read(path.join(this.dataDir.catalogDir, `${id}.json`));
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const byDataDir = new WeakMap<DataDir, CachedCatalog>();

/** One CachedCatalog per data directory, shared by the routes that read the catalog on every request. */
export function cachedCatalogOf(dataDir: DataDir): CachedCatalog {
  let catalog = byDataDir.get(dataDir);
  if (!catalog) byDataDir.set(dataDir, (catalog = new CachedCatalog(dataDir)));
  return catalog;
}
