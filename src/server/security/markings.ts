import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { canRead, joinMarkings, type Marking } from '../../analysis/marking.ts';
import { getDatasetMarking, ownDatasetMarkings, type Reader } from '../../data/security/index.ts';
import { notFound, type Place } from '../../errors.ts';
import type { CatalogEntry } from '../../data/catalog/index.ts';
import type { SessionUser } from './session.ts';

/**
 * Marking checks for route plugins (docs/security.md). A hidden object does not exist: assertReadable throws
 * not_found, lists and counts filter in SQL (the stores, given readerOf(request)) or in memory (filterReadable).
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

/**
 * The reader of a request, for the marking filter a store builds in SQL (src/data/security/markingSql.ts). None
 * (the store filters nothing) only while a benchmark has the checks switched off.
 */
export function readerOf(request: FastifyRequest): Reader | undefined {
  if (benchmarkSwitch.bypassMarkingChecks) return undefined;
  const user = userOf(request);
  return user ? { clearance: user.clearance } : { anonymous: true };
}

export function filterReadable<T extends { marking: Marking }>(request: FastifyRequest, items: T[]): T[] {
  if (benchmarkSwitch.bypassMarkingChecks) return items;
  const readable = mayReadPredicate(request);
  return items.filter((item) => readable(item.marking));
}

/** The check as a predicate with the clearance prepared once, for long lists (same rule as canRead). */
function mayReadPredicate(request: FastifyRequest): (marking: Marking) => boolean {
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
/** A missing dataset and a hidden one answer the same. */
export async function readableDataset(
  request: FastifyRequest,
  id: string,
): Promise<{ entry: CatalogEntry; marking: Marking }> {
  const app = request.server;
  let entry: CatalogEntry | undefined;
  try {
    entry = app.services.catalog.find(id);
  } catch {
    entry = undefined;
  }
  if (!entry) throw notFound('dataset not found', { field: 'id' });
  const marking = await datasetMarking(app, id);
  assertReadable(request, marking, 'dataset', { field: 'id' });
  return { entry, marking };
}

export async function datasetMarkings(app: FastifyInstance): Promise<Map<string, Marking>> {
  return ownDatasetMarkings(app.services.state);
}
