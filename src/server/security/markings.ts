import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { canRead, joinMarkings, type Marking } from '../../analysis/marking.ts';
import { getDatasetMarking } from '../../data/security/index.ts';
import { notFound, type Place } from '../../errors.ts';
import type { SessionUser } from './session.ts';

/**
 * Marking checks for route plugins (docs/security.md). A hidden object does not exist: assertReadable throws
 * not_found, lists and counts filter in SQL (readableSql) or in memory (filterReadable).
 */
export const MarkingSchema = Type.Object(
  {
    level: Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2), Type.Literal(3)], {
      description: '0 公開 public, 1 取扱注意 restricted, 2 秘 confidential, 3 重要経済安保情報 critical',
    }),
    compartments: Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,39}$' }), { maxItems: 50 }),
    // Null first: with ajv's type coercion an array branch tried first would turn null into [""].
    releasableTo: Type.Union(
      [Type.Null(), Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 200 })],
      {
        description: 'organisation ids the object may be released to; null = unrestricted',
      },
    ),
  },
  { additionalProperties: false },
);
export type MarkingBody = Static<typeof MarkingSchema>;

/** Benchmark-only: bench/security.ts measures the cost of the checks by switching them off. Never set in the app. */
export const benchmarkSwitch = { bypassMarkingChecks: false };

function userOf(request: FastifyRequest): SessionUser | undefined {
  return (request as { user?: SessionUser | null }).user ?? undefined;
}

export function canReadMarking(request: FastifyRequest, marking: Marking): boolean {
  if (benchmarkSwitch.bypassMarkingChecks) return true;
  const user = userOf(request);
  // Without a user (public routes) only public, unrestricted objects are readable.
  if (!user) return marking.level === 0 && marking.compartments.length === 0 && marking.releasableTo === null;
  return canRead(user.clearance, marking);
}

/** Throws the same not_found a missing object gives: pass the same `what` and `place` your route uses for those. */
export function assertReadable(
  request: FastifyRequest,
  marking: Marking,
  what = 'object',
  place: Place = {},
): void {
  if (!canReadMarking(request, marking)) throw notFound(`${what} not found`, place);
}

const columnPattern = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/i;

/**
 * SQL for a WHERE clause admitting only rows whose jsonb marking `column` the user may read, with its
 * parameters numbered from `nextParam`: level ≤ clearance, compartments ⊆ held compartments, releasableTo
 * null or containing the user's organisation. Use it in both the page query and the count query.
 */
export function readableSql(
  request: FastifyRequest,
  column: string,
  nextParam: number,
): { sql: string; params: unknown[] } {
  if (!columnPattern.test(column)) throw new Error(`readableSql: not a column name: ${column}`);
  if (benchmarkSwitch.bypassMarkingChecks) return { sql: 'TRUE', params: [] };
  const user = userOf(request);
  const level = user ? user.clearance.level : 0;
  const compartments = user ? user.clearance.compartments : [];
  const org = user ? user.clearance.organisationId : '';
  const n = nextParam;
  return {
    sql:
      `((${column}->>'level')::int <= $${n}::int` +
      ` AND COALESCE(${column}->'compartments', '[]'::jsonb) <@ $${n + 1}::jsonb` +
      ` AND (COALESCE(jsonb_typeof(${column}->'releasableTo'), 'null') = 'null'` +
      ` OR (${column}->'releasableTo') @> $${n + 2}::jsonb))`,
    params: [level, JSON.stringify(compartments), JSON.stringify([org])],
  };
}

/**
 * readableSql for tables that keep the marking also as generated plain columns `<prefix>_level smallint`,
 * `<prefix>_compartments text[]` and `<prefix>_releasable text[]` (see migration 101 for the audit log): same
 * rule, several times cheaper per row and well estimated by the planner. Rows without a marking have NULL level
 * and are not matched; add `OR <marking> IS NULL` where unmarked rows are public.
 */
export function readableColumnsSql(
  request: FastifyRequest,
  prefix: string,
  nextParam: number,
): { sql: string; params: unknown[] } {
  if (!columnPattern.test(prefix)) throw new Error(`readableColumnsSql: not a column prefix: ${prefix}`);
  if (benchmarkSwitch.bypassMarkingChecks) return { sql: 'TRUE', params: [] };
  const user = userOf(request);
  const n = nextParam;
  return {
    sql:
      `(${prefix}_level <= $${n}::int AND ${prefix}_compartments <@ $${n + 1}::text[]` +
      ` AND (${prefix}_releasable IS NULL OR ${prefix}_releasable @> $${n + 2}::text[]))`,
    params: [
      user ? user.clearance.level : 0,
      user ? user.clearance.compartments : [],
      [user ? user.clearance.organisationId : ''],
    ],
  };
}

export function filterReadable<T extends { marking: Marking }>(request: FastifyRequest, items: T[]): T[] {
  if (benchmarkSwitch.bypassMarkingChecks) return items;
  const readable = readerOf(request);
  return items.filter((item) => readable(item.marking));
}

/** The check as a predicate with the clearance prepared once, for long lists (same rule as canRead). */
function readerOf(request: FastifyRequest): (marking: Marking) => boolean {
  const user = userOf(request);
  if (!user) return (m) => m.level === 0 && m.compartments.length === 0 && m.releasableTo === null;
  const { level, organisationId } = user.clearance;
  const held = new Set(user.clearance.compartments);
  return (m) =>
    m.level <= level &&
    m.compartments.every((c) => held.has(c)) &&
    (m.releasableTo === null || m.releasableTo.includes(organisationId));
}

/** The marking a result derived from these inputs carries at least: their join. */
export function deriveMarking(markings: Marking[]): Marking {
  return joinMarkings(markings);
}

export async function datasetMarking(app: FastifyInstance, datasetId: string): Promise<Marking> {
  return getDatasetMarking(app.services.state, datasetId);
}

/** Markings of all datasets that have one (the rest are public), for lists. */
export async function datasetMarkings(app: FastifyInstance): Promise<Map<string, Marking>> {
  const rows = await app.services.state.query<{ dataset_id: string; marking: Marking }>(
    'SELECT dataset_id, marking FROM dataset_markings',
  );
  return new Map(rows.map((r) => [r.dataset_id, r.marking]));
}
