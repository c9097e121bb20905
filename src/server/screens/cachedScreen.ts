import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Marking } from '../../analysis/marking.ts';
import { findTradeDataset } from '../../data/catalog/index.ts';
import {
  executeScreen,
  parseThresholds,
  resolveScreen,
  type ScreenResult,
} from '../../data/screening/index.ts';
import { ResultCache } from '../resultCache.ts';
import { assertReadable } from '../security/markings.ts';
import { screenServicesOf, stateContext } from './screenServices.ts';

/** What names a screen: the reporter and year, and the options that change its figures. */
export interface ScreenParameters {
  reporter: string;
  year: number;
  dataset?: string;
  partner?: string;
  /** Comma-separated method.name=value. */
  thresholds?: string;
  window?: number;
  critical?: boolean;
}

const screenCache = new ResultCache<{ result: ScreenResult; marking: Marking }>(64);

/** Checks the marking (404 when hidden), audits reads of marked results, and returns the (cached) full screen. */
export async function screenFor(
  app: FastifyInstance,
  request: FastifyRequest,
  query: ScreenParameters,
): Promise<{ result: ScreenResult; marking: Marking }> {
  const services = screenServicesOf(app);
  const entry = findTradeDataset(services.catalog, query.dataset, query.year);
  const context = await stateContext(app, [entry.id]);
  assertReadable(request, context.marking, 'dataset');
  const params = [query.reporter, query.year, query.partner, query.thresholds, query.window, query.critical];
  const key = ResultCache.key([entry.id, entry.path, params, context.version, context.marking]);
  const cached = await screenCache.get(key, async () => {
    const resolved = await resolveScreen(services, {
      reporter: query.reporter,
      year: query.year,
      dataset: entry.id,
      partner: query.partner,
      critical: query.critical,
      window: query.window,
      thresholds: parseThresholds(query.thresholds ? query.thresholds.split(',').filter(Boolean) : []),
    });
    return { result: await executeScreen(services, resolved, query.year), marking: context.marking };
  });
  // The read is audited by the enforcement point (one entry per user × datasets × hour, repeats counted).
  return cached;
}
