import { ChokepointError } from '../../errors.ts';

/**
 * A concordance from HS6 products to the sectors of an input-output table. Keys of `map` are HS prefixes
 * (2, 4 or 6 digits; the longest matching prefix wins) or `@group` names; `groups` name sets of prefixes and may
 * include other groups (`@other`). Editable by users, so it is checked: a prefix mapped twice, a group that
 * includes itself through others (a cycle), an unknown group or sector — each an error naming the field.
 */
export interface ConcordanceDefinition {
  id: string;
  /** What the sectors are, e.g. "Japan 2011 IO table, 13 sectors". */
  table: string;
  /** Where the correspondence comes from (citation). */
  source: string;
  groups?: Record<string, string[]>;
  map: Record<string, string>;
}

export interface Concordance {
  id: string;
  source: string;
  /** Sector index (in the table's sector order) of an HS6 product, or undefined when no prefix matches. */
  sectorOf(hs6: string): number | undefined;
}

export function buildConcordance(
  def: ConcordanceDefinition,
  sectorCodes: readonly string[],
  file?: string,
): Concordance {
  const fail = (field: string, message: string): never => {
    throw new ChokepointError('bad_input', message, { file, field });
  };
  const groups = def.groups ?? {};
  const expanded = new Map<string, string[]>();
  /** Depth-first expansion; a name met again while still open is a cycle. */
  const expand = (name: string, field: string, open: string[]): string[] => {
    const done = expanded.get(name);
    if (done) return done;
    if (open.includes(name))
      fail(field, `group "${name}" includes itself: ${[...open, name].map((g) => '@' + g).join(' → ')}`);
    const members = groups[name];
    if (!members)
      fail(field, `unknown group "@${name}" (defined groups: ${Object.keys(groups).join(', ') || 'none'})`);
    if (!Array.isArray(members)) fail(`groups.${name}`, 'a group must be a list of HS prefixes or @groups');
    const out: string[] = [];
    members.forEach((m, i) => {
      const f = `groups.${name}[${i}]`;
      if (typeof m !== 'string') fail(f, 'must be an HS prefix or @group');
      if (m.startsWith('@')) out.push(...expand(m.slice(1), f, [...open, name]));
      else if (/^([0-9]{2}|[0-9]{4}|[0-9]{6})$/.test(m)) out.push(m);
      else fail(f, `"${m}" is not an HS prefix of 2, 4 or 6 digits`);
    });
    expanded.set(name, out);
    return out;
  };
  const sectorIndex = new Map(sectorCodes.map((c, i) => [c, i]));
  const byPrefix = new Map<string, { sector: number; field: string }>();
  if (!def.map || typeof def.map !== 'object') fail('map', 'must map HS prefixes or @groups to sector codes');
  for (const [key, sector] of Object.entries(def.map)) {
    const field = `map.${key}`;
    const index = sectorIndex.get(String(sector));
    if (index === undefined) fail(field, `unknown sector "${sector}" (sectors: ${sectorCodes.join(', ')})`);
    let prefixes: string[];
    if (key.startsWith('@')) prefixes = expand(key.slice(1), field, []);
    else if (/^([0-9]{2}|[0-9]{4}|[0-9]{6})$/.test(key)) prefixes = [key];
    else return fail(field, `"${key}" is not an HS prefix of 2, 4 or 6 digits or an @group`);
    for (const prefix of prefixes) {
      const seen = byPrefix.get(prefix);
      if (seen) {
        fail(
          field,
          `HS ${prefix} is mapped twice: by ${seen.field} (sector ${sectorCodes[seen.sector]}) and by ${field} (sector ${sector})`,
        );
      }
      byPrefix.set(prefix, { sector: index!, field });
    }
  }
  return {
    id: def.id,
    source: def.source,
    sectorOf(hs6: string) {
      return (byPrefix.get(hs6.slice(0, 6)) ?? byPrefix.get(hs6.slice(0, 4)) ?? byPrefix.get(hs6.slice(0, 2)))
        ?.sector;
    },
  };
}
