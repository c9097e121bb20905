import fs from 'node:fs';
import path from 'node:path';
import { extractZip } from '../importers/zipMembers.ts';
import { ChokepointError } from '../../errors.ts';
import { fromOpenAev } from '../../analysis/exercises/openaev.ts';
import type { ExerciseDesign, Inject } from '../../analysis/exercises/exercise.ts';

/**
 * An OpenAEV scenario export as an exercise (the format example in the mirror, shared/data/exercises): the JSON
 * file, or the starter-pack archive with one JSON file inside. A file that is not valid JSON fails naming it.
 * The CLI reads a file the operator names; the API takes the JSON in the request body (parseOpenAevText).
 */
export function parseOpenAevText(
  text: string,
  label?: string,
): { design: ExerciseDesign; injects: Inject[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ChokepointError('bad_file', `not valid JSON: ${(error as Error).message}`, { file: label });
  }
  return fromOpenAev(raw, label);
}

export async function readOpenAevFile(
  file: string,
  tmpDir: string,
): Promise<{ design: ExerciseDesign; injects: Inject[] }> {
  const label = path.basename(file);
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', 'no such file', { file: label });
  if (!file.toLowerCase().endsWith('.zip')) return parseOpenAevText(fs.readFileSync(file, 'utf8'), label);
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
    return parseOpenAevText(fs.readFileSync(members[0].file, 'utf8'), `${label}:${members[0].name}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
