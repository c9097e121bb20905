import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createHash } from 'node:crypto';
import { ChokepointError } from '../../errors.ts';
import { Catalog, type CatalogEntry } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import { extractZip } from '../importers/zipMembers.ts';
import { OsvIndex } from '../../analysis/cyber/osvIndex.ts';
import type { OsvAffected, OsvRecord } from '../../analysis/cyber/osv.ts';

/**
 * An offline OSV database (OSV schema 1.x): a folder of OSV JSON records (any depth; e.g. a clone of
 * golang/vulndb's data/osv), a zip of them (osv.dev's per-ecosystem `<Ecosystem>/all.zip`), or a folder holding
 * such zips, imported into the dataset `osv` (records.jsonl: one reduced record per line). A record that is not
 * an OSV object (no id, no affected list of packages) is rejected and counted, with its file, in the catalog
 * entry; an import with no valid record changes nothing.
 */
export const osvDatasetId = 'osv';

interface Rejected {
  file: string;
  reason: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The severity shown with a match: the database's own label when it gives one, else the first CVSS vector. */
function severityOf(r: Json): string | null {
  const db = isObject(r.database_specific) ? r.database_specific : {};
  if (typeof db.severity === 'string') return db.severity.toUpperCase();
  for (const a of Array.isArray(r.affected) ? r.affected : []) {
    const eco = isObject(a) && isObject(a.ecosystem_specific) ? a.ecosystem_specific : {};
    if (typeof eco.severity === 'string') return eco.severity.toUpperCase();
  }
  const s = Array.isArray(r.severity)
    ? r.severity.find((x) => isObject(x) && typeof x.score === 'string')
    : undefined;
  return isObject(s) ? String(s.score) : null;
}

/** Reduces an OSV JSON object to an OsvRecord, or says why it cannot. */
export function reduceOsvRecord(r: unknown): OsvRecord | string {
  if (!isObject(r)) return 'not a JSON object';
  if (typeof r.id !== 'string' || r.id === '') return 'no id';
  if (!Array.isArray(r.affected)) return 'no affected list';
  const affected: OsvAffected[] = [];
  for (const [i, a] of r.affected.entries()) {
    if (!isObject(a) || !isObject(a.package)) return `affected[${i}] has no package`;
    const { ecosystem, name } = a.package;
    if (typeof ecosystem !== 'string' || typeof name !== 'string')
      return `affected[${i}].package needs ecosystem and name`;
    const ranges = (Array.isArray(a.ranges) ? a.ranges : []).map((range, j) => {
      if (!isObject(range) || typeof range.type !== 'string' || !Array.isArray(range.events))
        throw new Error(`affected[${i}].ranges[${j}] needs a type and events`);
      return {
        type: range.type,
        events: range.events.filter(isObject).map((e) => {
          const out: Record<string, string> = {};
          for (const k of ['introduced', 'fixed', 'last_affected', 'limit'])
            if (typeof e[k] === 'string') out[k] = e[k] as string;
          return out;
        }),
      };
    });
    affected.push({
      ecosystem,
      name,
      ranges,
      versions: Array.isArray(a.versions) ? a.versions.map(String) : [],
    });
  }
  return {
    id: r.id,
    aliases: Array.isArray(r.aliases) ? r.aliases.map(String) : [],
    summary:
      typeof r.summary === 'string'
        ? r.summary
        : typeof r.details === 'string'
          ? r.details.slice(0, 200)
          : '',
    modified: typeof r.modified === 'string' ? r.modified : '',
    withdrawn: typeof r.withdrawn === 'string' ? r.withdrawn : null,
    severity: severityOf(r),
    affected,
  };
}

function jsonFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...jsonFilesUnder(p));
    else if (e.name.endsWith('.json') || e.name.endsWith('.zip')) out.push(p);
  }
  return out;
}

export interface OsvImportResult {
  entry: CatalogEntry;
  records: number;
  rejected: number;
  withdrawn: number;
  ecosystems: Record<string, number>;
}

export async function importOsvDatabase(options: {
  dataDir: DataDir;
  source: string;
  datasetId?: string;
  onProgress?: (files: number) => void;
}): Promise<OsvImportResult> {
  const { dataDir, source } = options;
  const datasetId = options.datasetId ?? osvDatasetId;
  if (!fs.existsSync(source))
    throw new ChokepointError('not_found', `no file or folder ${source}`, { file: source });
  const scratch = dataDir.scratch(`import-${datasetId}`);
  try {
    const inputs = fs.statSync(source).isDirectory() ? jsonFilesUnder(source) : [source];
    const out = path.join(scratch, 'out');
    fs.mkdirSync(out, { recursive: true });
    const lines = fs.createWriteStream(path.join(out, 'records.jsonl'));
    const hash = createHash('sha256');
    const rejected: Rejected[] = [];
    const ecosystems: Record<string, number> = {};
    let records = 0;
    let withdrawn = 0;
    let files = 0;
    const ids = new Set<string>();
    const take = (content: string, label: string) => {
      files++;
      if (files % 1000 === 0) options.onProgress?.(files);
      let parsed: unknown;
      try {
        parsed = JSON.parse(content);
      } catch (error) {
        rejected.push({ file: label, reason: `not valid JSON: ${(error as Error).message}` });
        return;
      }
      let record: OsvRecord | string;
      try {
        record = reduceOsvRecord(parsed);
      } catch (error) {
        record = (error as Error).message;
      }
      if (typeof record === 'string') {
        rejected.push({ file: label, reason: record });
        return;
      }
      if (ids.has(record.id)) {
        rejected.push({ file: label, reason: `duplicate id ${record.id}` });
        return;
      }
      ids.add(record.id);
      records++;
      if (record.withdrawn) withdrawn++;
      for (const e of new Set(record.affected.map((a) => a.ecosystem.split(':')[0])))
        ecosystems[e] = (ecosystems[e] ?? 0) + 1;
      const line = `${JSON.stringify(record)}\n`;
      hash.update(line);
      lines.write(line);
    };
    for (const input of inputs) {
      const label = path.relative(fs.statSync(source).isDirectory() ? source : path.dirname(source), input);
      if (input.endsWith('.zip')) {
        const members = await extractZip(input, label, path.join(scratch, 'zip'), (n) => n.endsWith('.json'));
        for (const m of members) {
          take(fs.readFileSync(m.file, 'utf8'), `${label}:${m.name}`);
          fs.rmSync(m.file);
        }
      } else take(fs.readFileSync(input, 'utf8'), label);
    }
    await new Promise<void>((resolve, reject) =>
      lines.end((e?: Error | null) => (e ? reject(e) : resolve())),
    );
    if (records === 0)
      throw new ChokepointError(
        'bad_file',
        `no valid OSV record in ${path.basename(source)} (${rejected.length} rejected${rejected[0] ? `; first: ${rejected[0].file}: ${rejected[0].reason}` : ''}); nothing was changed`,
        { file: source },
      );
    const digest = hash.digest('hex');
    const now = new Date().toISOString();
    const entry = new Catalog(dataDir).publish(
      {
        id: datasetId,
        kind: 'other',
        title: `OSV vulnerability records (${Object.keys(ecosystems).sort().join(', ')})`,
        publisher: 'OSV (osv.dev) and the databases it aggregates',
        url: 'https://osv.dev',
        version: digest.slice(0, 12),
        licence:
          'per database (e.g. Go vulnerability database CC-BY-4.0, GitHub Advisory Database CC-BY-4.0)',
        source: 'import',
        retrievedAt: now,
        importedAt: now,
        synthetic: false,
        files: [
          { name: 'records.jsonl', sha256: digest, bytes: fs.statSync(path.join(out, 'records.jsonl')).size },
        ],
        rows: records,
        rejectedRows: rejected.length,
        extra: {
          format: 'osv-records',
          ecosystems,
          withdrawn,
          rejected: rejected.slice(0, 50),
          inputFiles: files,
        },
      },
      out,
      digest.slice(0, 16),
    );
    return { entry, records, rejected: rejected.length, withdrawn, ecosystems };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const cache = new Map<string, Promise<OsvIndex>>();

/** The index of an imported OSV dataset, read once per stored version (versions are never modified). */
export function loadOsvIndex(dataDir: DataDir, entry: CatalogEntry): Promise<OsvIndex> {
  const file = path.join(dataDir.datasetDir(entry), 'records.jsonl');
  let index = cache.get(file);
  if (!index) {
    index = (async () => {
      const built = new OsvIndex();
      const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
      for await (const line of rl) if (line) built.add(JSON.parse(line) as OsvRecord);
      return built;
    })();
    cache.clear(); // keep one version in memory
    cache.set(file, index);
    index.catch(() => cache.delete(file));
  }
  return index;
}
