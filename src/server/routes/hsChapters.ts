import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { cachedCatalogOf } from '../catalogCache.ts';
import { canReadMarking, datasetMarking, MarkingSchema } from '../security/markings.ts';
import { loadHsLabels, hsChapterNames, type HsChapterName } from '../../data/reference/index.ts';
import { provenanceOf } from '../../data/catalog/index.ts';
import { ChokepointError } from '../../errors.ts';

const HsChapterSchema = Type.Object({
  code: Type.String({ description: 'two-digit HS chapter, e.g. "28"' }),
  en: Type.String({ description: 'chapter title (WCO HS 2022)' }),
  ja: Type.String({ description: '類の表題 (after Japan Customs, 実行関税率表)' }),
});

const HsChaptersResponseSchema = Type.Object({
  items: Type.Array(HsChapterSchema),
  total: Type.Number(),
  provenance: Type.Object({
    dataset: Type.String(),
    title: Type.String(),
    publisher: Type.String(),
    version: Type.String(),
    synthetic: Type.Boolean(),
  }),
  marking: MarkingSchema,
});

/** Chapters of the imported nomenclature, kept while the 'hs' dataset's version is unchanged. */
let chapterCache: { key: string; items: HsChapterName[] } | undefined;

/**
 * /api/hs/chapters — the HS chapter titles in English and Japanese (for chapter pickers such as the screening
 * filter), from the imported 'hs' dataset with its provenance and marking. Without the dataset: 404 naming the
 * command that fetches it.
 */
export const hsChapterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/hs/chapters',
    {
      schema: {
        tags: ['reference'],
        summary: 'HS chapters (2 digits) with English and Japanese titles, from the imported HS nomenclature',
        response: { 200: HsChaptersResponseSchema },
      },
      config: {
        marks: 'result',
        authz: {
          kind: 'none',
          reason:
            "one dataset ('hs'), no list of marked objects; its marking is checked in test/server/hsChapters.test.ts",
        },
      },
    },
    async (request) => {
      const { dataDir } = app.services;
      const entry = cachedCatalogOf(dataDir).find('hs');
      // A nomenclature the user may not read answers exactly like a missing one (docs/security.md).
      const marking = entry ? await datasetMarking(app, entry.id) : undefined;
      if (!entry || !marking || !canReadMarking(request, marking)) {
        throw new ChokepointError(
          'not_found',
          'no HS nomenclature imported: run "chokepoint data fetch hs"',
          {
            field: 'dataset',
          },
        );
      }
      const key = `${dataDir.root}:${entry.path}:${entry.version}`;
      if (chapterCache?.key !== key) chapterCache = { key, items: hsChapterNames(loadHsLabels(dataDir)) };
      const { dataset, title, publisher, version, synthetic } = provenanceOf(entry);
      return {
        items: chapterCache.items,
        total: chapterCache.items.length,
        provenance: { dataset, title, publisher, version, synthetic },
        marking,
      };
    },
  );
};
