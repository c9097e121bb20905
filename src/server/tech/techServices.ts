import type { FastifyInstance } from 'fastify';
import type { TechServices } from '../../data/tech/index.ts';
import { datasetMarking } from '../security/markings.ts';

/** What the zone assessment, the policy map and the dossier read from the app: its stores and dataset markings. */
export function techServicesOf(app: FastifyInstance): TechServices {
  const { dataDir, catalog, analytics, state } = app.services;
  return { dataDir, catalog, analytics, state, datasetMarking: (id) => datasetMarking(app, id) };
}
