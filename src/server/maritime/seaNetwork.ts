import type { FastifyRequest } from 'fastify';
import type { App } from '../app.ts';
import type { Marking } from '../../analysis/marking.ts';
import { openSeaRoutes, type SeaRoutes } from '../../data/maritime/index.ts';
import { assertReadable, datasetMarking, deriveMarking } from '../security/markings.ts';

/**
 * What the maritime routes answer from: the imported sea network, and the datasets behind an answer (the network,
 * and the trade dataset for exposure), whose joined marking the answer carries.
 */
export function seaRoutesOf(app: App): SeaRoutes {
  return openSeaRoutes(app.services.dataDir, app.services.catalog);
}

/**
 * The join of the datasets' markings; a user who may not read it gets 404 (docs/security.md). A marked read is
 * audited by the enforcement point (security/enforcement.ts), with the route it went through.
 */
export async function readableMarking(
  app: App,
  request: FastifyRequest,
  datasetIds: string[],
): Promise<Marking> {
  const marking = deriveMarking(await Promise.all(datasetIds.map((id) => datasetMarking(app, id))));
  assertReadable(request, marking, 'dataset', { field: 'dataset' });
  return marking;
}
