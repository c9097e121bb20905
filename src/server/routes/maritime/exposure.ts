import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { findTradeDataset } from '../../../data/catalog/index.ts';
import { exposureReport, seaNetworkId } from '../../../data/maritime/index.ts';
import { readableMarking } from '../../maritime/seaNetwork.ts';
import { derivedFromNetwork, ExposureSchema, PassageList, Speed } from './schemas.ts';

/**
 * /api/maritime/exposure — the share of a reporter's imports passing each chokepoint, the freight rule of every
 * flow, and a closure what-if. Carries the join of the sea network's and the trade dataset's markings.
 */
export const exposureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/maritime/exposure',
    {
      config: { marks: 'result', authz: derivedFromNetwork },
      schema: {
        tags: ['maritime'],
        summary:
          "Share of a reporter's import value passing each chokepoint (per product and in total), the freight rule of every flow, and a closure what-if",
        querystring: Type.Object({
          reporter: Type.String({ minLength: 2, maxLength: 60 }),
          year: Type.Integer({ minimum: 1950, maximum: 2100 }),
          hs: Type.Optional(Type.String({ pattern: '^[0-9]{2,6}$' })),
          closed: PassageList,
          open: PassageList,
          speedKnots: Speed,
          dataset: Type.Optional(Type.String({ maxLength: 64 })),
          products: Type.Optional(
            Type.Integer({
              minimum: 0,
              maximum: 10000,
              default: 200,
              description: 'products listed, largest first',
            }),
          ),
        }),
        response: {
          200: ExposureSchema,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const trade = findTradeDataset(app.services.catalog, q.dataset, q.year);
      const marking = await readableMarking(app, request, [seaNetworkId, trade.id]);
      const report = await exposureReport(app.services, {
        reporter: q.reporter,
        year: q.year,
        hs: q.hs,
        closed: q.closed,
        open: q.open,
        speedKnots: q.speedKnots,
        tradeDataset: trade.id,
        productsWithPassages: q.products ?? 200,
      });
      return {
        ...report,
        productCount: report.products.length,
        products: report.products.slice(0, q.products ?? 200),
        marking,
      };
    },
  );
};
