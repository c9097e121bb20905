import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { domains, listRegistry } from '../../../data/reference/index.ts';
import { MarkingSchema, readerOf } from '../../security/markings.ts';

/**
 * /api/registry/domains — the seed's four technology domains (computing, clean technology, biotechnology, defence
 * and space) with the entries in force in each, and those in none. Entries are the reader's readable ones.
 */
const EntryRef = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  ja: Type.String(),
  en: Type.String(),
  marking: MarkingSchema,
});

export const registryDomainRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/registry/domains',
    {
      config: { marks: 'objects', authz: { kind: 'action' } },
      schema: {
        tags: ['registry'],
        summary: 'The four technology domains with their entries in force (and the entries in none)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                ja: Type.String(),
                en: Type.String(),
                scope: Type.Object({ ja: Type.String(), en: Type.String() }),
                entries: Type.Array(EntryRef),
              }),
            ),
            unclassified: Type.Array(EntryRef),
          }),
        },
      },
    },
    async (request) => {
      const entries = await listRegistry(app.services.state, {
        status: ['active'],
        reader: readerOf(request),
      });
      const ref = (e: (typeof entries)[number]) => ({
        id: e.id,
        kind: e.kind,
        ja: e.ja,
        en: e.en,
        marking: e.marking,
      });
      return {
        items: domains.map((d) => ({
          ...d,
          entries: entries.filter((e) => e.domains.includes(d.id)).map(ref),
        })),
        unclassified: entries.filter((e) => e.domains.length === 0).map(ref),
      };
    },
  );
};
