import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { provenanceOf } from '../../../data/catalog/index.ts';
import { passageDefinitions } from '../../../analysis/maritime/passages.ts';
import { circleRing, simplifiedNetworkLines } from '../../../analysis/maritime/networkGeometry.ts';
import { MarkingSchema } from '../../security/markings.ts';
import { ProvenanceSchema } from '../../provenanceSchema.ts';
import { readableMarking, seaRoutesOf } from '../../maritime/seaNetwork.ts';
import { derivedFromNetwork, LaneFeature, StraitFeature } from './schemas.ts';

/** GeoJSON layers for world maps: the simplified shipping-lane network and the straits with their geofences. */
export const mapLayerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/maritime/network.geojson',
    {
      config: { marks: 'result', authz: derivedFromNetwork },
      schema: {
        tags: ['maritime'],
        summary:
          'The shipping-lane network simplified for a world map (GeoJSON FeatureCollection, split at the antimeridian)',
        querystring: Type.Object({
          toleranceKm: Type.Optional(Type.Number({ minimum: 0, maximum: 1000, default: 50 })),
        }),
        response: {
          200: Type.Object({
            type: Type.Literal('FeatureCollection'),
            features: Type.Array(LaneFeature),
            marking: MarkingSchema,
            provenance: ProvenanceSchema,
          }),
        },
      },
    },
    async (request) => {
      const routes = seaRoutesOf(app);
      const marking = await readableMarking(app, request, [routes.entry.id]);
      const features = simplifiedNetworkLines(routes.network, request.query.toleranceKm ?? 50);
      return {
        type: 'FeatureCollection' as const,
        features,
        marking,
        provenance: provenanceOf(routes.entry),
      };
    },
  );

  app.get(
    '/maritime/straits.geojson',
    {
      config: { marks: 'result', authz: derivedFromNetwork },
      schema: {
        tags: ['maritime'],
        summary:
          'The 28 IMF PortWatch chokepoints as points (names ja/en where we route them) and the geofences as circles',
        response: {
          200: Type.Object({
            type: Type.Literal('FeatureCollection'),
            features: Type.Array(StraitFeature),
            marking: MarkingSchema,
            provenance: ProvenanceSchema,
          }),
        },
      },
    },
    async (request) => {
      const routes = seaRoutesOf(app);
      const marking = await readableMarking(app, request, [routes.entry.id]);
      const features: Static<typeof StraitFeature>[] = [];
      for (const c of routes.chokepoints) {
        const passage = passageDefinitions.find((p) => p.portwatchId === c.portwatchId);
        features.push({
          type: 'Feature',
          properties: {
            portwatchId: c.portwatchId,
            name: c.name,
            passage: passage?.id ?? null,
            en: passage?.en ?? c.name,
            ja: passage?.ja ?? null,
          },
          geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
        });
        if (passage?.kind === 'geofence' && passage.radiusKm) {
          features.push({
            type: 'Feature',
            properties: {
              passage: passage.id,
              en: passage.en,
              ja: passage.ja,
              radiusKm: passage.radiusKm,
              geofence: true,
            },
            geometry: { type: 'Polygon', coordinates: [circleRing(c.lon, c.lat, passage.radiusKm)] },
          });
        }
      }
      return {
        type: 'FeatureCollection' as const,
        features,
        marking,
        provenance: provenanceOf(routes.entry),
      };
    },
  );
};
