import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { provenanceOf } from '../../../data/catalog/index.ts';
import { passageDefinitions } from '../../../analysis/maritime/passages.ts';
import { MarkingSchema } from '../../security/markings.ts';
import { ProvenanceSchema } from '../../provenanceSchema.ts';
import { readableMarking, seaRoutesOf } from '../../maritime/seaNetwork.ts';
import { derivedFromNetwork } from './schemas.ts';

/** /api/maritime/chokepoints — the passages a sea route can cross, with names, PortWatch points and rules. */
export const chokepointRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/maritime/chokepoints',
    {
      config: { marks: 'result', authz: derivedFromNetwork },
      schema: {
        tags: ['maritime'],
        summary:
          'Passages a sea route can cross, with Japanese and English names, PortWatch coordinates and detection rule',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                kind: Type.String(),
                en: Type.String(),
                ja: Type.String(),
                portwatchId: Type.Optional(Type.String()),
                lon: Type.Optional(Type.Number()),
                lat: Type.Optional(Type.Number()),
                radiusKm: Type.Optional(Type.Number()),
                defaultClosed: Type.Boolean(),
              }),
            ),
            marking: MarkingSchema,
            provenance: ProvenanceSchema,
          }),
        },
      },
    },
    async (request) => {
      const routes = seaRoutesOf(app);
      const marking = await readableMarking(app, request, [routes.entry.id]);
      const items = passageDefinitions.map((p) => {
        const point = routes.chokepoints.find((c) => c.portwatchId === p.portwatchId);
        return {
          id: p.id,
          kind: p.kind,
          en: p.en,
          ja: p.ja,
          portwatchId: p.portwatchId,
          lon: point?.lon,
          lat: point?.lat,
          radiusKm: p.radiusKm,
          defaultClosed: p.id === 'northwest',
        };
      });
      return { items, marking, provenance: provenanceOf(routes.entry) };
    },
  );
};
