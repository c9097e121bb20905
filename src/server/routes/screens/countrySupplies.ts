import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { assertReadable, MarkingSchema } from '../../security/markings.ts';
import { findTradeDataset } from '../../../data/catalog/index.ts';
import { countrySupplies, type CountrySupplies } from '../../../data/screening/index.ts';
import { ResultCache } from '../../resultCache.ts';
import { screenServicesOf, stateContext } from '../../screens/screenServices.ts';
import { ScreenProvenanceSchema } from './schemas.ts';

/**
 * /api/countries/:iso3/supplies — what a partner supplies a reporter (web country view): products ranked by the
 * value from the partner, its share of the reporter's imports of each, its rank, and its share of the reporter's
 * imports of all screened products. Derived from the trade dataset: carries its marking, 404 when hidden.
 */
const SupplySchema = Type.Object({
  hs6: Type.String(),
  labelEn: Type.String(),
  labelJa: Type.String(),
  valueUsd: Type.Number({ description: 'imports from the partner, USD' }),
  importValueUsd: Type.Number({ description: 'imports from everyone, USD' }),
  share: Type.Number({ description: "partner's share of the reporter's imports of the product, 0–1" }),
  rank: Type.Number({ description: '1 = top supplier' }),
  suppliers: Type.Number(),
  topSupplier: Type.String({ description: 'ISO3' }),
  topShare: Type.Number(),
  majority: Type.Boolean({ description: 'share above the majority method threshold' }),
  critical: Type.Array(Type.String(), {
    description: 'critical goods (特定重要物資) the product belongs to',
  }),
});

const ResponseSchema = Type.Object({
  partner: Type.Object({ iso3: Type.String(), en: Type.String(), ja: Type.String() }),
  reporter: Type.String(),
  reporterMembers: Type.Array(Type.String()),
  year: Type.Number(),
  screened: Type.Number({ description: 'products the reporter imports' }),
  totalImportUsd: Type.Number(),
  fromPartnerUsd: Type.Number(),
  totalShare: Type.Number(),
  topSupplierCount: Type.Number(),
  majorityCount: Type.Number(),
  majorityThreshold: Type.Number(),
  total: Type.Number({ description: 'products supplied by the partner' }),
  items: Type.Array(SupplySchema),
  provenance: ScreenProvenanceSchema,
  marking: MarkingSchema,
});

const Query = Type.Object({
  reporter: Type.String({ minLength: 2, maxLength: 64, description: 'ISO3, name or group id (EU27 …)' }),
  year: Type.Integer({ minimum: 1900, maximum: 2200 }),
  dataset: Type.Optional(Type.String({ maxLength: 64 })),
});

const cache = new ResultCache<CountrySupplies>(64);

export const countrySupplyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/countries/:iso3/supplies',
    {
      config: {
        marks: 'result',
        auditAs: 'country-supplies',
        authz: {
          kind: 'none',
          reason:
            'derived from the trade dataset, needs it imported; marking checks in test/server/countrySupplies.test.ts',
        },
      },
      schema: {
        tags: ['screens'],
        summary:
          'What a partner supplies a reporter: products by value from the partner, its share of each, where the reporter is most exposed',
        params: Type.Object({ iso3: Type.String({ minLength: 3, maxLength: 3 }) }),
        querystring: Query,
        response: { 200: ResponseSchema },
      },
    },
    async (request) => {
      const { iso3 } = request.params;
      const query = request.query;
      const services = screenServicesOf(app);
      const entry = findTradeDataset(services.catalog, query.dataset, query.year);
      const context = await stateContext(app, [entry.id]);
      assertReadable(request, context.marking, 'dataset');
      const key = ResultCache.key([
        entry.id,
        entry.path,
        iso3,
        query.reporter,
        query.year,
        context.version,
        context.marking,
      ]);
      const result = await cache.get(key, () =>
        countrySupplies(services, {
          partner: iso3,
          reporter: query.reporter,
          year: query.year,
          dataset: entry.id,
        }),
      );
      return { ...result, total: result.items.length, marking: context.marking };
    },
  );
};
