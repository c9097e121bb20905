import { get } from '../api/client.ts';
import type { ApiResponse } from '../api/schema.ts';
import { currentSignedIn, onSignedInChange } from '../features/auth/signedIn.ts';

/**
 * The reference lists every page reads (countries, country groups, the datasets with their years), fetched once
 * per session and shared: the pickers, names and provenance of all pages come from here. A dataset imported or
 * fetched, or a marking changed, invalidates them (`invalidateReference`); so does a change of the signed-in user,
 * so that one user's lists are never shown to the next.
 */
export type CountryRef = ApiResponse<'GET /api/countries'>['items'][number];
export type GroupRef = ApiResponse<'GET /api/groups'>['items'][number];
export type DatasetList = ApiResponse<'GET /api/datasets'>;
export type DatasetRef = DatasetList['items'][number];

const loaders = {
  countries: () => get('GET /api/countries').then((r) => r.items),
  // Groups only add reporters and names: without them (an error) the pickers still offer every country.
  groups: () =>
    get('GET /api/groups').then(
      (r) => r.items,
      (): GroupRef[] => [],
    ),
  datasets: () => get('GET /api/datasets'),
};
export type ReferenceName = keyof typeof loaders;
export type ReferenceValue<N extends ReferenceName> = Awaited<ReturnType<(typeof loaders)[N]>>;

const cache = new Map<ReferenceName, { promise: Promise<unknown>; at: number }>();
let generation = 0;
const listeners = new Set<() => void>();

/**
 * A reference list: the session's copy, or a new request when there is none (or it is older than `maxAgeMs`, for
 * a page such as Home that shows the list itself). A failed request is not kept, so the next call asks again.
 */
export function loadReference<N extends ReferenceName>(
  name: N,
  maxAgeMs = Infinity,
): Promise<ReferenceValue<N>> {
  const held = cache.get(name);
  if (held && Date.now() - held.at <= maxAgeMs) return held.promise as Promise<ReferenceValue<N>>;
  const promise = loaders[name]() as Promise<ReferenceValue<N>>;
  const entry = { promise, at: Date.now() };
  cache.set(name, entry);
  promise.catch(() => {
    if (cache.get(name) === entry) cache.delete(name);
  });
  return promise;
}

/** Drops the session's copies (all, or those named) and tells the mounted pages to load them again. */
export function invalidateReference(...names: ReferenceName[]): void {
  for (const name of names.length ? names : (Object.keys(loaders) as ReferenceName[])) cache.delete(name);
  generation++;
  for (const listener of listeners) listener();
}

/** Counts invalidations: a page's request key includes it, so an invalidation loads the lists again. */
export function referenceGeneration(): number {
  return generation;
}

export function onReferenceChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Lists loaded before the session is known (Home asks early) belong to whoever signs in first; after that, any
// change of user drops them.
let user = currentSignedIn()?.id;
onSignedInChange(() => {
  const next = currentSignedIn()?.id;
  if (next === undefined || (user !== undefined && next !== user)) invalidateReference();
  user = next;
});
