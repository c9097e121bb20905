import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  assertOwnershipFormat,
  importOwnership,
  ownersOfEntity,
  ownershipDatasetId,
} from '../../../data/ownership/index.ts';
import { MarkingSchema } from '../../security/markings.ts';
import { resultMarking } from '../../exportControl/recordMarking.ts';
import { OwnersReportSchema } from './schemas.ts';

/**
 * Ownership data (issue 21): an import of BODS, GLEIF or CSV text (the files travel in the body: no request names
 * a server file), published atomically as a dataset; and the ultimate owners of an entity with effective shares,
 * paths, cycles and flags, marked with what was read (the dataset, the country group, the screening lists).
 */
const writers = ['analyst' as const, 'administrator' as const];

export const ownershipRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/ownership/imports',
    {
      config: { marks: 'none', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['investment'],
        summary:
          'Import ownership links (BODS JSON, GLEIF API responses, CSV) as a dataset; a malformed file changes nothing',
        body: Type.Object(
          {
            format: Type.Union([Type.Literal('bods'), Type.Literal('gleif'), Type.Literal('csv')]),
            dataset: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' })),
            files: Type.Array(
              Type.Object(
                {
                  name: Type.String({ minLength: 1, maxLength: 300 }),
                  text: Type.String({ maxLength: 8_000_000 }),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 500 },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            dataset: Type.String(),
            version: Type.String(),
            entities: Type.Number(),
            links: Type.Number(),
            warnings: Type.Array(Type.String()),
          }),
        },
      },
    },
    async (request) => {
      const { format, dataset, files } = request.body;
      const result = importOwnership({
        dataDir: app.services.dataDir,
        format: assertOwnershipFormat(format),
        inputs: files,
        datasetId: dataset,
      });
      await app.audit(request, {
        action: 'ownership.import',
        objectType: 'dataset',
        objectId: result.entry.id,
        details: { format, files: files.map((f) => f.name), entities: result.entities, links: result.links },
      });
      return {
        dataset: result.entry.id,
        version: result.entry.version,
        entities: result.entities,
        links: result.links,
        warnings: result.warnings,
      };
    },
  );

  app.get(
    '/ownership/owners/:entity',
    {
      config: { marks: 'result', authz: { kind: 'action' } },
      schema: {
        tags: ['investment'],
        summary:
          'Ultimate owners of an entity (id or identifier) with effective shares, paths, cycles and flags',
        params: Type.Object({ entity: Type.String({ minLength: 1, maxLength: 300 }) }),
        querystring: Type.Object({
          dataset: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' })),
          maxPaths: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
        }),
        response: { 200: Type.Intersect([OwnersReportSchema, Type.Object({ marking: MarkingSchema })]) },
      },
    },
    async (request) => {
      const report = await ownersOfEntity(app.services.catalog, app.services.state, request.params.entity, {
        dataset: request.query.dataset,
        maxPaths: request.query.maxPaths,
      });
      return {
        ...report,
        marking: await resultMarking(request, report, [request.query.dataset ?? ownershipDatasetId]),
      };
    },
  );
};
