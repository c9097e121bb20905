import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { parseClosures, routeBetweenPorts } from '../../../data/maritime/index.ts';
import { defaultSpeedKnots } from '../../../analysis/maritime/route.ts';
import { MarkingSchema } from '../../security/markings.ts';
import { ProvenanceSchema } from '../../provenanceSchema.ts';
import { readableMarking, seaRoutesOf } from '../../maritime/seaNetwork.ts';
import { derivedFromNetwork, Lines, PassageList, PortSummary, Speed } from './schemas.ts';

/** /api/maritime/route — the shortest sea route between two ports, with passages closed or opened. */
export const seaRouteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/maritime/route',
    {
      config: { marks: 'result', authz: derivedFromNetwork },
      schema: {
        tags: ['maritime'],
        summary:
          'Shortest sea route between two ports (UN/LOCODE): km, days at a stated speed, passages in travel order, GeoJSON line; route null when closures leave none',
        querystring: Type.Object({
          from: Type.String({ minLength: 2, maxLength: 40 }),
          to: Type.String({ minLength: 2, maxLength: 40 }),
          closed: PassageList,
          open: PassageList,
          speedKnots: Speed,
        }),
        response: {
          200: Type.Object({
            from: PortSummary,
            to: PortSummary,
            closed: Type.Array(Type.String()),
            speedKnots: Type.Number(),
            distanceKm: Type.Union([Type.Number(), Type.Null()]),
            days: Type.Union([Type.Number(), Type.Null()]),
            passages: Type.Array(Type.String()),
            route: Type.Union([
              Type.Object({
                distanceKm: Type.Number(),
                days: Type.Number(),
                passages: Type.Array(Type.String()),
                geometry: Lines,
              }),
              Type.Null(),
            ]),
            message: Type.Optional(Type.String()),
            method: Type.String(),
            provenance: ProvenanceSchema,
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request) => {
      const routes = seaRoutesOf(app);
      const marking = await readableMarking(app, request, [routes.entry.id]);
      const q = request.query;
      const result = routeBetweenPorts(
        routes,
        q.from,
        q.to,
        parseClosures(q.closed, q.open),
        q.speedKnots ?? defaultSpeedKnots,
      );
      return { ...result, marking };
    },
  );
};
