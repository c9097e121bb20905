import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ChokepointError } from '../../errors.ts';
import { Catalog, type CatalogEntry } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import { parseCsv } from '../importers/csvRecords.ts';

/**
 * CISA Known Exploited Vulnerabilities catalog (www.cisa.gov/known-exploited-vulnerabilities-catalog), JSON
 * (`catalogVersion`, `dateReleased`, `vulnerabilities[]`) or CSV (columns cveID, vendorProject, product,
 * vulnerabilityName, dateAdded, shortDescription, requiredAction, dueDate, knownRansomwareCampaignUse, notes,
 * cwes), imported into the dataset `kev` (kev.json). KEV is keyed by CVE; SBOM components meet it through the
 * CVE aliases of OSV records.
 */
export const kevDatasetId = 'kev';

export interface KevEntry {
  cveID: string;
  vendorProject: string;
  product: string;
  vulnerabilityName: string;
  dateAdded: string;
  dueDate: string;
  knownRansomwareCampaignUse: string;
  requiredAction: string;
}

export interface KevCatalog {
  catalogVersion: string | null;
  dateReleased: string | null;
  vulnerabilities: KevEntry[];
}

const fields = [
  'cveID',
  'vendorProject',
  'product',
  'vulnerabilityName',
  'dateAdded',
  'dueDate',
  'knownRansomwareCampaignUse',
  'requiredAction',
] as const;
const cvePattern = /^CVE-\d{4}-\d{4,}$/;

function entryOf(
  o: Record<string, unknown>,
  where: { file: string; line?: number; field?: string },
): KevEntry {
  const e = {} as Record<(typeof fields)[number], string>;
  for (const f of fields) e[f] = typeof o[f] === 'string' ? (o[f] as string).trim() : '';
  if (!cvePattern.test(e.cveID))
    throw new ChokepointError('bad_file', `cveID ${JSON.stringify(o.cveID)} is not a CVE id`, {
      ...where,
      column: 'cveID',
    });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(e.dateAdded))
    throw new ChokepointError('bad_file', `dateAdded ${JSON.stringify(o.dateAdded)} is not YYYY-MM-DD`, {
      ...where,
      column: 'dateAdded',
    });
  return e;
}

export function parseKev(content: string, label: string): KevCatalog {
  const text = content.replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('{')) {
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new ChokepointError('bad_file', `not valid JSON: ${(error as Error).message}`, { file: label });
    }
    if (!Array.isArray(doc.vulnerabilities))
      throw new ChokepointError('bad_file', 'a KEV catalog lists vulnerabilities[]', {
        file: label,
        field: '/vulnerabilities',
      });
    return {
      catalogVersion: typeof doc.catalogVersion === 'string' ? doc.catalogVersion : null,
      dateReleased: typeof doc.dateReleased === 'string' ? doc.dateReleased : null,
      vulnerabilities: doc.vulnerabilities.map((v, i) =>
        entryOf(typeof v === 'object' && v ? (v as Record<string, unknown>) : {}, {
          file: label,
          field: `/vulnerabilities/${i}`,
        }),
      ),
    };
  }
  const records = parseCsv(text, label);
  const header = records[0]?.fields ?? [];
  if (!header.includes('cveID') || !header.includes('dateAdded'))
    throw new ChokepointError(
      'bad_file',
      `KEV CSV needs the columns cveID and dateAdded (found: ${header.join(', ')})`,
      { file: label, line: 1 },
    );
  return {
    catalogVersion: null,
    dateReleased: null,
    vulnerabilities: records.slice(1).map((r) =>
      entryOf(Object.fromEntries(header.map((h, i) => [h, r.fields[i] ?? ''])), {
        file: label,
        line: r.line,
      }),
    ),
  };
}

export function importKev(options: { dataDir: DataDir; file: string; datasetId?: string }): {
  entry: CatalogEntry;
  catalog: KevCatalog;
} {
  const { dataDir, file } = options;
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', `no file ${file}`, { file });
  const bytes = fs.readFileSync(file);
  const label = path.basename(file);
  const catalog = parseKev(bytes.toString('utf8'), label);
  const datasetId = options.datasetId ?? kevDatasetId;
  const scratch = dataDir.scratch(`import-${datasetId}`);
  const latest = catalog.vulnerabilities.reduce((m, v) => (v.dateAdded > m ? v.dateAdded : m), '');
  const version = catalog.catalogVersion ?? latest;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  fs.writeFileSync(path.join(scratch, 'kev.json'), JSON.stringify(catalog));
  const now = new Date().toISOString();
  const entry = new Catalog(dataDir).publish(
    {
      id: datasetId,
      kind: 'other',
      title: 'CISA Known Exploited Vulnerabilities catalog',
      publisher: 'Cybersecurity and Infrastructure Security Agency (CISA)',
      url: 'https://www.cisa.gov/known-exploited-vulnerabilities-catalog',
      version,
      licence: 'CC0-1.0',
      source: 'import',
      retrievedAt: now,
      importedAt: now,
      synthetic: false,
      files: [{ name: label, sha256, bytes: bytes.length }],
      rows: catalog.vulnerabilities.length,
      rejectedRows: 0,
      extra: { format: 'kev', dateReleased: catalog.dateReleased, latestDateAdded: latest },
    },
    scratch,
    `${version}-${sha256.slice(0, 12)}`,
  );
  return { entry, catalog };
}

const cache = new Map<string, Map<string, KevEntry>>();

/** The KEV entries of an imported catalog by CVE id. */
export function loadKev(dataDir: DataDir, entry: CatalogEntry): Map<string, KevEntry> {
  const file = path.join(dataDir.datasetDir(entry), 'kev.json');
  let map = cache.get(file);
  if (!map) {
    const catalog = JSON.parse(fs.readFileSync(file, 'utf8')) as KevCatalog;
    map = new Map(catalog.vulnerabilities.map((v) => [v.cveID, v]));
    cache.clear();
    cache.set(file, map);
  }
  return map;
}
