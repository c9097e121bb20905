import type { FastifyInstance } from 'fastify';
import {
  productLabelsFor,
  readStateContext,
  type ScreenServices,
  type StateContext,
} from '../../data/screening/index.ts';
import { cachedCatalogOf } from '../catalogCache.ts';
import { StateReadCache } from '../security/stateWatch.ts';

/**
 * What the screen family (screens, product dossiers, a partner's supplies, screen-all jobs) reads from the app:
 * its stores with the HS labels, and the state context its cached results are keyed on.
 */

/** Services for screens: the app's stores plus the HS labels (read once, reloaded when re-imported). */
export function screenServicesOf(app: FastifyInstance): ScreenServices {
  const { dataDir, analytics, state } = app.services;
  const catalog = cachedCatalogOf(dataDir);
  const hsEntry = catalog.find('hs');
  const key = hsEntry ? `${hsEntry.path}` : '';
  if (labelCache.key !== key) labelCache = { key, labels: productLabelsFor(dataDir) };
  return { dataDir, catalog, analytics, state, labels: labelCache.labels };
}
let labelCache: { key: string; labels: ScreenServices['labels'] } = { key: '\0', labels: undefined };

/** What a cached result depends on in application state (readStateContext), read once while no state changed. */
export async function stateContext(app: FastifyInstance, datasetIds: string[]): Promise<StateContext> {
  const cache = (contextCaches.get(app) ??
    contextCaches.set(app, new StateReadCache<StateContext>(app.stateWatch, 256, 60_000)).get(app))!;
  return (await cache.get(datasetIds.join('\u0000'), async () => ({
    value: await readStateContext(app.services.state, datasetIds),
  })))!;
}

/** Kept in memory while no state changed (stateWatch.ts), so a cache hit needs no state query. */
const contextCaches = new WeakMap<FastifyInstance, StateReadCache<StateContext>>();
