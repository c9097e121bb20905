import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import YAML from 'yaml';
import { ChokepointError } from '../../errors.ts';
import {
  buildConcordance,
  type Concordance,
  type ConcordanceDefinition,
} from '../../analysis/scenario/concordance.ts';
import type { IoTable } from '../../analysis/io/table.ts';
import type { Catalog, CatalogEntry } from '../catalog/catalog.ts';
import { writeFileAtomic } from '../catalog/dataDir.ts';
import { hsIoJapan13 } from '../reference/hsIoJapan13.ts';

/** Concordances shipped with chokepoint, by id. */
export const shippedConcordances: readonly ConcordanceDefinition[] = [hsIoJapan13];

/** The file an imported concordance dataset stores its definition in. */
export const concordanceFileName = 'concordance.json';

/**
 * The concordance for a table: `ref` is a shipped id, the id of an imported concordance (a dataset of kind
 * 'concordance': its marking joins the result's, like any dataset read), or an inline definition; without `ref`,
 * the shipped concordance whose sectors match the table's codes. Never a file path: the server reads no file a
 * request names (docs/security.md).
 */
export function resolveConcordance(
  table: IoTable,
  ref: string | ConcordanceDefinition | undefined,
  catalog: Catalog,
  field = 'propagation.concordance',
): Concordance {
  const codes = table.sectors.map((s) => s.code);
  if (typeof ref === 'object') return buildConcordance(ref, codes);
  if (ref) {
    const shipped = shippedConcordances.find((c) => c.id === ref);
    if (shipped) return buildConcordance(shipped, codes);
    const entry = catalog.find(ref);
    if (!entry || entry.kind !== 'concordance') {
      const imported = catalog.ofKind('concordance').map((e) => e.id);
      throw new ChokepointError(
        'not_found',
        `"${ref}" is neither a shipped concordance (${shippedConcordances.map((c) => c.id).join(', ')}) ` +
          `nor an imported one (${imported.join(', ') || 'none imported: chokepoint io concordance FILE'})`,
        { field },
      );
    }
    const file = path.join(catalog.dataDir.datasetDir(entry), concordanceFileName);
    return buildConcordance(JSON.parse(fs.readFileSync(file, 'utf8')) as ConcordanceDefinition, codes, entry.id);
  }
  for (const shipped of shippedConcordances) {
    const used = new Set(Object.values(shipped.map));
    if (
      codes.length === 13 &&
      [...used].every((c) => codes.includes(c)) &&
      codes.every((c) => /^(0[1-9]|1[0-3])$/.test(c))
    ) {
      return buildConcordance(shipped, codes);
    }
  }
  throw new ChokepointError(
    'bad_input',
    `no shipped concordance fits this table's sectors; give one in ${field}`,
    { field },
  );
}

/**
 * Reads a concordance definition from a YAML or JSON file ({id, table, source, groups?, map}), checked for its
 * shape; the sectors are checked against a table when it is used. For the CLI's operator: `data import
 * concordance` and scenario files that name a concordance file beside them.
 */
export function readConcordanceFile(file: string): ConcordanceDefinition {
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', 'no such concordance file', { file });
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ChokepointError('bad_file', `not valid YAML/JSON: ${(error as Error).message.split('\n')[0]}`, {
      file,
    });
  }
  const def = raw as Partial<ConcordanceDefinition>;
  if (!def || typeof def !== 'object' || Array.isArray(def))
    throw new ChokepointError('bad_file', 'a concordance must be an object', { file });
  for (const key of ['id', 'table', 'source'] as const) {
    if (typeof def[key] !== 'string' || def[key] === '') {
      throw new ChokepointError('bad_input', `"${key}" is required (text)`, {
        file: path.basename(file),
        field: key,
      });
    }
  }
  if (!def.map || typeof def.map !== 'object' || Array.isArray(def.map))
    throw new ChokepointError('bad_input', 'must map HS prefixes or @groups to sector codes', {
      file: path.basename(file),
      field: 'map',
    });
  return def as ConcordanceDefinition;
}

/**
 * Imports a concordance file as a dataset of kind 'concordance' (id: --id, else the file's own `id`), so scenarios
 * can name it and it is marked like any dataset. Its structure is checked now (prefixes, groups, cycles); its
 * sector codes when a scenario uses it with a table.
 */
export function importConcordance(options: { catalog: Catalog; file: string; id?: string }): CatalogEntry {
  const file = path.resolve(options.file);
  const def = readConcordanceFile(file);
  buildConcordance(def, [...new Set(Object.values(def.map).map(String))], path.basename(file));
  const bytes = fs.readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const dataDir = options.catalog.dataDir;
  const scratch = dataDir.scratch('concordance');
  try {
    writeFileAtomic(path.join(scratch, concordanceFileName), JSON.stringify(def));
    const now = new Date().toISOString();
    return options.catalog.publish(
      {
        id: options.id ?? def.id,
        kind: 'concordance',
        title: `Concordance HS → ${def.table} (${def.id})`,
        publisher: 'user file',
        version: `sha256:${sha256.slice(0, 12)}`,
        source: 'import',
        retrievedAt: now,
        importedAt: now,
        synthetic: false,
        files: [{ name: path.basename(file), sha256, bytes: bytes.length }],
        rows: Object.keys(def.map).length,
        rejectedRows: 0,
        notes: `source: ${def.source}`,
      },
      scratch,
      sha256.slice(0, 16),
    );
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

/**
 * For scenario files the CLI reads: a `propagation.concordance` naming a YAML/JSON file (a path ending in
 * .yaml, .yml or .json, relative to the scenario file) is read here and put inline, since the scenario itself may
 * name only concordance ids or inline definitions. The server never calls this.
 */
export function inlineConcordanceFile(raw: unknown, scenarioFile: string): unknown {
  const prop = (raw as { propagation?: { concordance?: unknown } } | null)?.propagation;
  const ref = prop?.concordance;
  if (typeof ref !== 'string' || !/\.(ya?ml|json)$/i.test(ref.trim())) return raw;
  prop!.concordance = readConcordanceFile(path.resolve(path.dirname(scenarioFile), ref.trim()));
  return raw;
}
