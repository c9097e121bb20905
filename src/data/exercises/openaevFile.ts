import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { manifests } from '../manifests/index.ts';
import { extractZip } from '../importers/zipMembers.ts';
import { ChokepointError } from '../../errors.ts';
import { fromOpenAev } from '../../analysis/exercises/openaev.ts';
import type { ExerciseDesign, ImportedFrom, Inject } from '../../analysis/exercises/exercise.ts';

/**
 * An OpenAEV scenario export as an exercise (the format example in the mirror, shared/data/exercises): the JSON
 * file, or the starter-pack archive with one JSON file inside. A file that is not valid JSON fails naming it.
 * The CLI reads a file the operator names; the API takes the JSON in the request body (parseOpenAevText).
 */
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** The file's provenance: its checksum, and the manifest dataset whose file has these exact bytes, if any. */
export function importedFrom(file: string, checksum: string): ImportedFrom {
  const manifest = manifests.find((m) => m.files.some((f) => f.sha256 === checksum));
  return {
    format: 'openaev',
    file,
    sha256: checksum,
    dataset: manifest?.id ?? null,
    publisher: manifest?.publisher ?? null,
    licence: manifest?.licence ?? null,
  };
}

function parseWith(text: string, label: string | undefined, imported: ImportedFrom) {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ChokepointError('bad_file', `not valid JSON: ${(error as Error).message}`, { file: label });
  }
  const { design, injects } = fromOpenAev(raw, label);
  return { design: { ...design, imported }, injects };
}

export function parseOpenAevText(
  text: string,
  label = 'content',
): { design: ExerciseDesign; injects: Inject[] } {
  return parseWith(text, label, importedFrom(label, sha256(text)));
}

export async function readOpenAevFile(
  file: string,
  tmpDir: string,
): Promise<{ design: ExerciseDesign; injects: Inject[] }> {
  const label = path.basename(file);
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', 'no such file', { file: label });
  const bytes = fs.readFileSync(file);
  // The provenance is the file the operator named (the archive, when it is one), as published.
  const imported = importedFrom(label, sha256(bytes));
  if (!file.toLowerCase().endsWith('.zip')) return parseWith(bytes.toString('utf8'), label, imported);
  const dir = fs.mkdtempSync(path.join(tmpDir, 'openaev-'));
  try {
    const members = await extractZip(file, label, dir, (name) => name.toLowerCase().endsWith('.json'));
    if (members.length !== 1)
      throw new ChokepointError(
        'bad_file',
        `expected one JSON file in the archive, found ${members.length}`,
        {
          file: label,
        },
      );
    return parseWith(fs.readFileSync(members[0].file, 'utf8'), `${label}:${members[0].name}`, imported);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
