import { rangeOrder, versionOrderOf, type VersionOrder } from './versions/ecosystemOrder.ts';

/**
 * OSV records (OSV schema 1.x, ossf.github.io/osv-schema) reduced to what matching needs, and the schema's
 * evaluation of whether a version is affected ("Evaluation" section): a version is affected by an `affected[]`
 * entry when it is listed in `versions`, or when a SEMVER/ECOSYSTEM range's events, sorted in the ecosystem's
 * order with `introduced: "0"` first, leave it inside:
 *
 *   vulnerable = false
 *   for e in sorted(events):
 *     if e.introduced and (e.introduced == "0" or v >= e.introduced): vulnerable = true
 *     elif e.fixed and v >= e.fixed: vulnerable = false
 *     elif e.last_affected and v > e.last_affected: vulnerable = false
 *
 * and, when the range has `limit` events, v is below one of them (`limit: "*"` is no limit). GIT ranges name
 * commits, which an SBOM version cannot be placed among: they are ignored and reported.
 */
export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  type: string;
  events: OsvEvent[];
}

export interface OsvAffected {
  ecosystem: string;
  name: string;
  ranges: OsvRange[];
  versions: string[];
}

export interface OsvRecord {
  id: string;
  aliases: string[];
  summary: string;
  modified: string;
  withdrawn: string | null;
  /** Highest CVSS base severity label found (CRITICAL/HIGH/MEDIUM/LOW), or the database's own, or null. */
  severity: string | null;
  affected: OsvAffected[];
}

export type AffectedVerdict =
  | { affected: true; how: 'version-list' | 'range'; fixedIn: string[] }
  | { affected: false; unevaluated?: string };

const eventVersion = (e: OsvEvent) => e.introduced ?? e.fixed ?? e.last_affected ?? e.limit ?? '';

/** Does `version` fall in this range? undefined when a version or event cannot be read in the order. */
export function inRange(order: VersionOrder, range: OsvRange, version: string): boolean | undefined {
  const v = order.parse(version);
  if (v === undefined) return undefined;
  const events: { e: OsvEvent; key: unknown }[] = [];
  for (const e of range.events) {
    const text = eventVersion(e);
    if (e.introduced === '0' || e.limit === '*') {
      events.push({ e, key: null });
      continue;
    }
    const key = order.parse(text);
    if (key === undefined) return undefined;
    events.push({ e, key });
  }
  // Sort in the ecosystem's order; introduced "0" (key null) first. Array.sort is stable, so equal versions keep
  // the record's order.
  events.sort((a, b) =>
    a.key === null ? (b.key === null ? 0 : -1) : b.key === null ? 1 : order.compare(a.key, b.key),
  );
  let vulnerable = false;
  for (const { e, key } of events) {
    if (e.introduced !== undefined) {
      if (key === null || order.compare(v, key) >= 0) vulnerable = true;
    } else if (e.fixed !== undefined) {
      if (order.compare(v, key) >= 0) vulnerable = false;
    } else if (e.last_affected !== undefined) {
      if (order.compare(v, key) > 0) vulnerable = false;
    }
  }
  const limits = events.filter(({ e }) => e.limit !== undefined && e.limit !== '*');
  if (vulnerable && limits.length && !limits.some(({ key }) => order.compare(v, key) < 0)) vulnerable = false;
  return vulnerable;
}

/**
 * The fixed versions this entry names above `version` (what a user upgrades to), lowest first; all of them when
 * the ecosystem's order is unknown.
 */
function fixesOf(affected: OsvAffected, version: string): string[] {
  const fixed = [
    ...new Set(
      affected.ranges.flatMap((r) => r.events.filter((e) => e.fixed !== undefined).map((e) => e.fixed!)),
    ),
  ];
  const order = versionOrderOf(affected.ecosystem);
  const v = order?.parse(version);
  if (!order || v === undefined) return fixed;
  const keyed = fixed.map((f) => ({ f, k: order.parse(f) }));
  return keyed
    .filter(({ k }) => k === undefined || order.compare(k, v) > 0)
    .sort((a, b) => (a.k === undefined || b.k === undefined ? 0 : order.compare(a.k, b.k)))
    .map(({ f }) => f);
}

/** Whether `version` is affected by one `affected[]` entry, with the fixed versions it names. */
export function isAffected(affected: OsvAffected, version: string): AffectedVerdict {
  const order = versionOrderOf(affected.ecosystem);
  const exact = affected.versions.some((listed) => {
    if (listed === version) return true;
    if (!order) return false;
    const a = order.parse(listed);
    const b = order.parse(version);
    return a !== undefined && b !== undefined && order.compare(a, b) === 0;
  });
  if (exact) return { affected: true, how: 'version-list', fixedIn: fixesOf(affected, version) };
  const problems: string[] = [];
  for (const range of affected.ranges) {
    const rangeOrd = rangeOrder(range.type, affected.ecosystem);
    if (!rangeOrd) {
      problems.push(
        range.type === 'GIT'
          ? 'GIT range (commits) not evaluated'
          : `no version order for ecosystem ${affected.ecosystem}`,
      );
      continue;
    }
    const verdict = inRange(rangeOrd, range, version);
    if (verdict === undefined) problems.push(`"${version}" or an event is not a ${rangeOrd.name} version`);
    else if (verdict) return { affected: true, how: 'range', fixedIn: fixesOf(affected, version) };
  }
  return problems.length ? { affected: false, unevaluated: problems.join('; ') } : { affected: false };
}
