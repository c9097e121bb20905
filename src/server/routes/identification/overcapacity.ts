import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { importSurges, monthlySurges, supplierPush } from '../../../data/identification/index.ts';
import type { OvercapacityParameters } from '../../../analysis/overcapacity/parameters.ts';
import { screenServicesOf } from '../../screens/screenServices.ts';
import { listOf, resultMarking } from './analysisResult.ts';
import {
  MonthlySurgesQuery,
  MonthlySurgesResponse,
  SupplierPushQuery,
  SupplierPushResponse,
  SurgesQuery,
  SurgesResponse,
} from './schemas.ts';

/**
 * Overcapacity signals (docs/identification.md): import surges at falling unit values in annual trade
 * (/identification/surges) and in a monthly series (/identification/surges/monthly), and suppliers' world export
 * share growth against world demand growth (/identification/supplier-push).
 */
const parameterNames = [
  'minVolumeGrowth',
  'minUnitValueFall',
  'minBaseValue',
  'minExcessGrowth',
  'minSupplierShare',
] as const;

function parametersOf(q: Partial<Record<(typeof parameterNames)[number], number>>): Partial<OvercapacityParameters> {
  return Object.fromEntries(parameterNames.filter((n) => q[n] !== undefined).map((n) => [n, q[n]]));
}

const authz = {
  kind: 'none' as const,
  reason: 'derived from a trade dataset; marking checks in test/identification/api.test.ts',
};

export const overcapacityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/identification/surges',
    {
      config: { marks: 'result', authz },
      schema: {
        tags: ['identification'],
        summary: 'Import surges at falling unit values, by product, this year against last (annual trade)',
        querystring: SurgesQuery,
        response: { 200: SurgesResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const report = await importSurges(screenServicesOf(app), {
        dataset: q.dataset,
        reporter: q.reporter,
        supplier: q.supplier,
        year: q.year,
        hs: listOf(q.hs),
        critical: q.critical,
        parameters: parametersOf(q),
      });
      const parties = [report.reporter.marking, ...(report.supplier ? [report.supplier.marking] : [])];
      return { ...report, marking: resultMarking(request, parties) };
    },
  );

  app.get(
    '/identification/surges/monthly',
    {
      config: { marks: 'result', authz },
      schema: {
        tags: ['identification'],
        summary: 'Surges at falling unit values in a monthly series (rolling twelve months against the year before)',
        querystring: MonthlySurgesQuery,
        response: { 200: MonthlySurgesResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const report = await monthlySurges(screenServicesOf(app), {
        dataset: q.dataset,
        reporter: q.reporter,
        flow: q.flow,
        hs: q.hs,
        partner: q.partner,
        parameters: parametersOf(q),
      });
      return { ...report, marking: resultMarking(request, []) };
    },
  );

  app.get(
    '/identification/supplier-push',
    {
      config: { marks: 'result', authz },
      schema: {
        tags: ['identification'],
        summary: 'Suppliers’ world export share growth against world demand growth for one product',
        querystring: SupplierPushQuery,
        response: { 200: SupplierPushResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const report = await supplierPush(screenServicesOf(app), {
        dataset: q.dataset,
        hs6: q.hs6,
        year: q.year,
        years: q.years,
        limit: q.limit,
        parameters: parametersOf(q),
      });
      return { ...report, marking: resultMarking(request, []) };
    },
  );
};
