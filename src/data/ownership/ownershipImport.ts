import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ChokepointError } from '../../errors.ts';
import { Catalog, assertDatasetId, type CatalogEntry } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import { parseBods } from './bods.ts';
import { parseGleif } from './gleif.ts';
import { parseOwnershipCsv } from './ownershipCsv.ts';
import {
  completeDocument,
  ownershipFormats,
  type OwnershipDocument,
  type OwnershipFormat,
} from './ownershipDocument.ts';

/**
 * Importing ownership data: the file (or, for GLEIF, a folder of API responses) is read and checked whole, then
 * published as the dataset `ownership` (or the id given) holding ownership.json, through Catalog.publish: a
 * malformed file throws before anything is written, and the version in place stays.
 */
export const ownershipDatasetId = 'ownership';
export const ownershipFileName = 'ownership.json';

export interface OwnershipImportInput {
  /** File name as the user gave it (used in messages), with its text. */
  name: string;
  text: string;
}

export function assertOwnershipFormat(format: string): OwnershipFormat {
  if (!ownershipFormats.includes(format as OwnershipFormat))
    throw new ChokepointError(
      'bad_input',
      `format "${format}" is not one of ${ownershipFormats.join(', ')}`,
      {
        field: 'format',
      },
    );
  return format as OwnershipFormat;
}

export function parseOwnership(
  format: OwnershipFormat,
  inputs: readonly OwnershipImportInput[],
): OwnershipDocument {
  if (inputs.length === 0) throw new ChokepointError('bad_input', 'no file to import', { field: 'file' });
  if (format !== 'gleif' && inputs.length > 1)
    throw new ChokepointError('bad_input', `a ${format} import reads one file`, { field: 'file' });
  const doc =
    format === 'gleif'
      ? parseGleif(inputs)
      : format === 'bods'
        ? parseBods(inputs[0].text, inputs[0].name)
        : parseOwnershipCsv(inputs[0].text, inputs[0].name);
  if (doc.entities.length === 0 && doc.links.length === 0)
    throw new ChokepointError('bad_file', 'the import holds no entity and no link', { file: inputs[0].name });
  return completeDocument(doc);
}

/** The inputs of a path: the file, or every .json and .xml file under a folder (GLEIF responses), in name order. */
export function readOwnershipInputs(file: string): OwnershipImportInput[] {
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', `no file ${file}`, { file });
  if (!fs.statSync(file).isDirectory())
    return [{ name: path.basename(file), text: fs.readFileSync(file, 'utf8') }];
  const out: OwnershipImportInput[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const e of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), rel);
      else if (e.name.endsWith('.json'))
        out.push({ name: rel, text: fs.readFileSync(path.join(dir, e.name), 'utf8') });
    }
  };
  walk(file, '');
  return out;
}

export interface OwnershipImportResult {
  entry: CatalogEntry;
  entities: number;
  links: number;
  warnings: string[];
}

export function importOwnership(options: {
  dataDir: DataDir;
  format: OwnershipFormat;
  inputs: readonly OwnershipImportInput[];
  datasetId?: string;
  /** How the files were obtained (a fetched mirror copy, or a user's file). */
  source?: CatalogEntry['source'];
}): OwnershipImportResult {
  const datasetId = options.datasetId ?? ownershipDatasetId;
  assertDatasetId(datasetId);
  const doc = parseOwnership(options.format, options.inputs);
  const files = options.inputs.map((i) => ({
    name: i.name,
    sha256: createHash('sha256').update(i.text).digest('hex'),
    bytes: Buffer.byteLength(i.text),
  }));
  const digest = createHash('sha256')
    .update(files.map((f) => `${f.name}:${f.sha256}`).join('\n') + options.format)
    .digest('hex')
    .slice(0, 16);
  const scratch = options.dataDir.scratch(`import-${datasetId}`);
  fs.writeFileSync(path.join(scratch, ownershipFileName), JSON.stringify(doc));
  const now = new Date().toISOString();
  const entry = new Catalog(options.dataDir).publish(
    {
      id: datasetId,
      kind: 'other',
      title: `Ownership links (${options.format.toUpperCase()} import)`,
      publisher: 'user import',
      version: now.slice(0, 10),
      source: options.source ?? 'import',
      retrievedAt: now,
      importedAt: now,
      synthetic: false,
      files,
      rows: doc.links.length,
      rejectedRows: 0,
      extra: { format: options.format, entities: doc.entities.length, warnings: doc.warnings.slice(0, 50) },
    },
    scratch,
    `${options.format}-${digest}`,
  );
  return { entry, entities: doc.entities.length, links: doc.links.length, warnings: doc.warnings };
}
