import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProvenanceSchema } from '../../provenanceSchema.ts';
import { provenanceOf } from '../../../data/catalog/index.ts';
import { openSeaRoutes } from '../../../data/maritime/index.ts';
import { searchPorts } from '../../../analysis/maritime/portSearch.ts';
import { assertReadable, datasetMarking, MarkingSchema } from '../../security/markings.ts';

/**
 * GET /api/maritime/ports: the ports of the imported sea network (UN/LOCODE, name, country) matching a code or
 * name, for the route finder's port fields. The list belongs to the sea-network dataset and carries its marking;
 * a user who may not read it gets 404 (docs/security.md).
 */
const Port = Type.Object({
  code: Type.String(),
  name: Type.String(),
  country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  countryName: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
  terminal: Type.Boolean(),
});

export const maritimePortRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/maritime/ports',
    {
      config: {
        marks: 'result',
        authz: {
          kind: 'none',
          reason:
            'part of the sea-network dataset, needs it imported; covered by test/maritime/ports.test.ts',
        },
      },
      schema: {
        tags: ['maritime'],
        summary: 'Ports of the sea network by UN/LOCODE prefix or name (for route forms)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 60 })),
          country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Port),
            total: Type.Integer(),
            marking: MarkingSchema,
            provenance: ProvenanceSchema,
          }),
        },
      },
    },
    async (request) => {
      const routes = openSeaRoutes(app.services.dataDir, app.services.catalog);
      const marking = await datasetMarking(app, routes.entry.id);
      assertReadable(request, marking, 'dataset', { field: 'dataset' });
      const { items, total } = searchPorts(routes.ports, {
        q: request.query.q,
        country: request.query.country,
        limit: request.query.limit ?? 20,
      });
      return {
        items: items.map((p) => ({
          code: p.code,
          name: p.name,
          country: p.country,
          countryName: p.countryName,
          lon: p.lon,
          lat: p.lat,
          terminal: p.terminal,
        })),
        total,
        marking,
        provenance: provenanceOf(routes.entry),
      };
    },
  );
};
