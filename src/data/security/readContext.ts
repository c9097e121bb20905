import { AsyncLocalStorage } from 'node:async_hooks';
import {
  canRead,
  joinMarkings,
  publicMarking,
  type Clearance,
  type Marking,
} from '../../analysis/marking.ts';

/**
 * Who is reading, and what a piece of work has read so far (PRODUCT.md §3.9: "derived results inherit the join
 * of their inputs' markings"). The server opens a context per request (and per background run); the data layer
 * records every marked input where it reads it — a dataset's files (DataDir.datasetDir), a country group, an
 * event, a stored object — so that the result's marking is computed from what was actually read, not from what a
 * route remembered to add. Code that runs without a context (the CLI: the operator of the machine) reads
 * everything and records nothing.
 *
 * A source is kept by key, so reading the same dataset a thousand times records it once.
 */
export type ReadSource =
  | { kind: 'dataset'; id: string }
  | { kind: 'object'; type: string; id: string; marking: Marking };

/** The reader: a signed-in user's clearance, or anonymous (public routes: only public, unrestricted objects). */
export type Reader = { clearance: Clearance } | { anonymous: true };

export interface ReadContext {
  readonly reader: Reader;
  /**
   * Effective marking of every dataset that has one: its own joined with the datasets it was derived from
   * (effectiveDatasetMarkings). A dataset not in the map is public.
   */
  readonly datasetMarkings: ReadonlyMap<string, Marking>;
  readonly sources: Map<string, ReadSource>;
}

const storage = new AsyncLocalStorage<ReadContext>();

export function newReadContext(reader: Reader, datasetMarkings: ReadonlyMap<string, Marking>): ReadContext {
  return { reader, datasetMarkings, sources: new Map() };
}

/** Runs `fn` with `context` as the current read context (for it and everything it awaits or starts). */
export function runWithReadContext<T>(context: ReadContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentReadContext(): ReadContext | undefined {
  return storage.getStore();
}

const sourceKey = (s: ReadSource) => (s.kind === 'dataset' ? `dataset\u0000${s.id}` : `${s.type}\u0000${s.id}`);

/** Records that the current work read this source (nothing outside a context). */
export function recordRead(source: ReadSource): void {
  const context = storage.getStore();
  if (!context) return;
  const key = sourceKey(source);
  const known = context.sources.get(key);
  // An object read twice with different markings (changed in between) counts with the join of both.
  if (known && known.kind === 'object' && source.kind === 'object') {
    context.sources.set(key, { ...source, marking: joinMarkings([known.marking, source.marking]) });
  } else if (!known) {
    context.sources.set(key, source);
  }
}

export function recordDatasetRead(id: string): void {
  recordRead({ kind: 'dataset', id });
}

export function recordObjectRead(type: string, id: string, marking: Marking): void {
  recordRead({ kind: 'object', type, id, marking });
}

export function markingOfSource(context: Pick<ReadContext, 'datasetMarkings'>, source: ReadSource): Marking {
  return source.kind === 'dataset'
    ? (context.datasetMarkings.get(source.id) ?? publicMarking)
    : source.marking;
}

/** The join of the markings of everything read in the context so far (public when nothing marked was read). */
export function markingOfReads(context: ReadContext = storage.getStore()!): Marking {
  if (!context) return publicMarking;
  return joinMarkings([publicMarking, ...[...context.sources.values()].map((s) => markingOfSource(context, s))]);
}

/** True when the reader may read an object of this marking. */
export function readerMayRead(reader: Reader, marking: Marking): boolean {
  if ('anonymous' in reader) {
    return marking.level === 0 && marking.compartments.length === 0 && marking.releasableTo === null;
  }
  return canRead(reader.clearance, marking);
}

/** May the current reader read this marking? Without a context (the CLI's operator): yes. */
export function mayRead(marking: Marking): boolean {
  const context = storage.getStore();
  return !context || readerMayRead(context.reader, marking);
}

/**
 * May the current reader read this dataset? Used to choose defaults among readable datasets only and to keep
 * hidden datasets out of error messages. Without a context: yes.
 */
export function mayReadDataset(id: string): boolean {
  const context = storage.getStore();
  return !context || readerMayRead(context.reader, context.datasetMarkings.get(id) ?? publicMarking);
}

/**
 * Runs `fn` in a context of its own that shares the reader but starts with nothing read, and returns what it
 * read along with its value; the reads are also added to the current context. Caches use it to keep the reads
 * with the value and replay them on a hit (replayReads), so a cached result is marked like a computed one.
 */
export async function captureReads<T>(fn: () => Promise<T>): Promise<{ value: T; reads: ReadSource[] }> {
  const outer = storage.getStore();
  if (!outer) return { value: await fn(), reads: [] };
  const inner: ReadContext = { ...outer, sources: new Map() };
  const value = await storage.run(inner, fn);
  const reads = [...inner.sources.values()];
  replayReads(reads);
  return { value, reads };
}

/** Records reads kept with a cached value, as if the value had been computed now. */
export function replayReads(reads: readonly ReadSource[]): void {
  for (const source of reads) recordRead(source);
}

/**
 * What a cached computation may depend on about its reader: the clearance, and which marked datasets it can see
 * (hidden ones are absent, so two readers of one clearance may see different catalogs only if markings changed).
 * Caches add it to their keys, so a result computed for one reader is never served to a reader who sees less.
 */
export function readerKey(): string {
  const context = storage.getStore();
  if (!context) return 'operator';
  const who = 'anonymous' in context.reader ? 'anonymous' : context.reader.clearance;
  const visible = [...context.datasetMarkings]
    .filter(([, m]) => readerMayRead(context.reader, m))
    .map(([id]) => id)
    .sort();
  return JSON.stringify([who, visible]);
}

/**
 * The datasets the current reader may not read (their effective marking, docs/security.md): stores exclude rows
 * derived from them in SQL, so lists and counts agree. Empty without a context (the CLI reads everything).
 */
export function unreadableDatasets(): string[] {
  const context = storage.getStore();
  if (!context) return [];
  return [...context.datasetMarkings]
    .filter(([, marking]) => !readerMayRead(context.reader, marking))
    .map(([id]) => id);
}

/**
 * A stored object derived from a dataset (an EWS item, its alerts) as marked now: its own marking joined with
 * the dataset's current effective marking, so that marking the dataset later marks what was derived from it.
 */
export function withDatasetMarking(marking: Marking, dataset: string | null | undefined): Marking {
  const context = storage.getStore();
  const own = dataset && context?.datasetMarkings.get(dataset);
  return own ? joinMarkings([marking, own]) : marking;
}
