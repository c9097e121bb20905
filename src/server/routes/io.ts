import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { provenanceOf } from '../../data/catalog/index.ts';
import { loadIoTable } from '../../data/scenario/index.ts';
import { notFound } from '../../errors.ts';
import { outputMultiplierTable } from '../../analysis/io/multipliers.ts';
import { MarkingSchema, readableDataset } from '../security/markings.ts';
import { MethodProvenanceSchema } from '../provenanceSchema.ts';

/** Input-output tables: output multipliers of an imported 'io-table' dataset, with its provenance and marking. */
export const ioRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/io-tables/:id/multipliers',
    {
      config: {
        marks: 'result',
        authz: { kind: 'none', reason: 'needs an io-table dataset; covered by test/scenario/api.test.ts' },
      },
      schema: {
        tags: ['io'],
        summary: 'Output multipliers: column sums of (I − A)⁻¹ (closed) and [I − (I − M̂)A]⁻¹ (open)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: {
          200: Type.Object({
            sectors: Type.Array(Type.Object({ code: Type.String(), en: Type.String(), ja: Type.String() })),
            outputMultiplier: Type.Object({
              closed: Type.Array(Type.Number()),
              open: Type.Array(Type.Number()),
            }),
            marking: MarkingSchema,
            provenance: MethodProvenanceSchema,
          }),
        },
      },
    },
    async (request) => {
      const id = request.params.id;
      const { entry, marking } = await readableDataset(request, id);
      if (entry.kind !== 'io-table') throw notFound('no input-output table with this id', { field: 'id' });
      const { table } = loadIoTable(app.services.catalog, id);
      if (marking.level >= 1)
        await app.audit(request, { action: 'read', objectType: 'dataset', objectId: id, marking });
      return {
        ...outputMultiplierTable(table),
        marking,
        provenance: {
          ...provenanceOf(entry),
          method: 'Leontief output multipliers (Miller & Blair 2009, §6.2), Gauss–Seidel',
        },
      };
    },
  );
};
