import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { publicMarking } from '../../../analysis/marking.ts';
import { listProductLists, productListMarking, setProductList } from '../../../data/exportControl/index.ts';
import { MarkingSchema, readerOf } from '../../security/markings.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import { actorOf } from '../../exportControl/recordMarking.ts';
import { Localized, ProductEntrySchema, ProductListSchema } from './schemas.ts';

/**
 * Product lists of the circumvention monitor (HS6 codes with a note each; the Common High Priority List shipped),
 * editable: an update needs read access to the list it replaces and the declassify permission to lower its marking.
 */
export const exportControlProductListRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.get(
    '/export-control/product-lists',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'exportControlProductList' } },
      schema: {
        tags: ['export-control'],
        summary: 'Product lists of the circumvention monitor the user may read',
        response: { 200: Type.Object({ items: Type.Array(ProductListSchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const items = await listProductLists(db(), readerOf(request));
      return { items, total: items.length };
    },
  );

  app.put(
    '/export-control/product-lists/:id',
    {
      config: { marks: 'objects', roles: ['analyst', 'administrator'], authz: { kind: 'action' } },
      schema: {
        tags: ['export-control'],
        summary: 'Create or replace a product list (HS6 codes with notes)',
        params: Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,39}$' }) }),
        body: Type.Object(
          {
            title: Localized,
            source: Type.Optional(Type.String({ maxLength: 1000 })),
            products: Type.Array(ProductEntrySchema, { minItems: 1, maxItems: 2000 }),
            marking: Type.Optional(MarkingSchema),
            reason: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ProductListSchema },
      },
    },
    async (request) => {
      const existing = await productListMarking(db(), request.params.id);
      const { marking, lowered } = authorizeMarkingChange(request, {
        existing,
        requested: request.body.marking,
        fallback: publicMarking,
        reason: request.body.reason,
        what: 'product list',
      });
      const saved = await setProductList(
        db(),
        { ...request.body, id: request.params.id, marking },
        actorOf(request),
      );
      if (lowered)
        await app.audit(request, {
          action: 'declassify',
          objectType: 'export_control_product_list',
          objectId: saved.id,
          marking,
          details: { from: existing, reason: request.body.reason },
        });
      return saved;
    },
  );
};
