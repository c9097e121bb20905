import fs from 'node:fs';
import { ChokepointError } from '../../../errors.ts';
import type { ListEntry } from '../../../analysis/exportControl/listDelta.ts';

/**
 * China's MOFCOM lists (不可靠实体清单, 出口管制管控名单, 关注名单) as normalised by
 * xyna-bpinelab/security-export-control-registry: a JSON array of {id, list_id, entity_name, aliases, addresses,
 * date_added, reason, source_url, …}. `country` there is the listing country (cn), not the entity's, so entries
 * carry no country. The reason is that repository's Japanese summary, kept as a note with the date and source.
 * The 2026-07-19 file gives two different entities each of the ids cn-uel-20240520-1 and -2 (the Boeing Defense
 * and General Atomics designations of 2024-05-20): a repeated id is numbered (`…#2`) in file order, never dropped.
 */
interface MofcomRecord {
  id?: unknown;
  list_id?: unknown;
  entity_name?: unknown;
  aliases?: unknown;
  addresses?: unknown;
  date_added?: unknown;
  reason?: unknown;
  source_url?: unknown;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

export function parseMofcomJson(file: string): ListEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ChokepointError('bad_file', `not valid JSON (${(error as Error).message})`, { file });
  }
  if (!Array.isArray(data))
    throw new ChokepointError('bad_file', 'expected a JSON array of entries', { file });
  const seen = new Map<string, number>();
  return data.map((raw: MofcomRecord, i) => {
    const row = i + 1;
    if (
      typeof raw !== 'object' ||
      raw === null ||
      typeof raw.id !== 'string' ||
      typeof raw.entity_name !== 'string' ||
      !raw.entity_name.trim()
    )
      throw new ChokepointError(
        'bad_file',
        `entry ${row} needs a string "id" and a non-empty "entity_name"`,
        { file, line: row, field: 'entity_name' },
      );
    const times = (seen.get(raw.id) ?? 0) + 1;
    seen.set(raw.id, times);
    const notes = [raw.date_added, raw.reason, raw.source_url].filter(
      (v): v is string => typeof v === 'string' && v !== '',
    );
    return {
      id: times === 1 ? raw.id : `${raw.id}#${times}`,
      names: [
        ...new Set([
          raw.entity_name.trim(),
          ...strings(raw.aliases)
            .map((a) => a.trim())
            .filter(Boolean),
        ]),
      ],
      countries: [],
      identifiers: [],
      concerns: [],
      programme: typeof raw.list_id === 'string' ? raw.list_id : undefined,
      address: strings(raw.addresses).join('; ') || undefined,
      notes: notes.join(' · ') || undefined,
      sourceRow: row,
    };
  });
}
