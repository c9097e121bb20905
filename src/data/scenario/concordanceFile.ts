import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ChokepointError } from '../../errors.ts';
import {
  buildConcordance,
  type Concordance,
  type ConcordanceDefinition,
} from '../../analysis/scenario/concordance.ts';
import type { IoTable } from '../../analysis/io/table.ts';
import { hsIoJapan13 } from '../reference/hsIoJapan13.ts';

/** Concordances shipped with chokepoint, by id. */
export const shippedConcordances: readonly ConcordanceDefinition[] = [hsIoJapan13];

/**
 * The concordance for a table: `ref` is a shipped id or a YAML/JSON file ({id, table, source, groups?, map});
 * without `ref`, the shipped concordance whose sectors match the table's codes.
 */
export function resolveConcordance(
  table: IoTable,
  ref?: string,
  field = 'propagation.concordance',
): Concordance {
  const codes = table.sectors.map((s) => s.code);
  if (ref) {
    const shipped = shippedConcordances.find((c) => c.id === ref);
    if (shipped) return buildConcordance(shipped, codes);
    if (!fs.existsSync(ref)) {
      throw new ChokepointError(
        'not_found',
        `"${ref}" is neither a shipped concordance (${shippedConcordances.map((c) => c.id).join(', ')}) nor a file`,
        { field },
      );
    }
    let raw: unknown;
    try {
      raw = YAML.parse(fs.readFileSync(ref, 'utf8'));
    } catch (error) {
      throw new ChokepointError(
        'bad_file',
        `not valid YAML/JSON: ${(error as Error).message.split('\n')[0]}`,
        { file: ref },
      );
    }
    const def = raw as Partial<ConcordanceDefinition>;
    if (!def || typeof def !== 'object')
      throw new ChokepointError('bad_file', 'a concordance must be an object', { file: ref });
    for (const key of ['id', 'table', 'source'] as const) {
      if (typeof def[key] !== 'string' || def[key] === '') {
        throw new ChokepointError('bad_input', `"${key}" is required (text)`, {
          file: path.basename(ref),
          field: key,
        });
      }
    }
    return buildConcordance(def as ConcordanceDefinition, codes, path.basename(ref));
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
