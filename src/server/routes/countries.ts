import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { countries, regions } from '../../data/reference/index.ts';

/** The country table (reference data, not marked): codes, names in English and Japanese, region. */
const CountrySchema = Type.Object({
  iso3: Type.String(),
  iso2: Type.Union([Type.String(), Type.Null()]),
  isoNumeric: Type.Union([Type.Number(), Type.Null()]),
  baciCodes: Type.Array(Type.Number()),
  customsCode: Type.Union([Type.Number(), Type.Null()]),
  en: Type.String(),
  ja: Type.String(),
  region: Type.String(),
  regionEn: Type.String(),
  regionJa: Type.String(),
  kind: Type.String(),
  includedIn: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
});

export const countryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/countries',
    {
      schema: {
        tags: ['reference'],
        summary:
          'Countries and territories with ISO, BACI/Comtrade and Japan Customs codes, English and Japanese names',
        querystring: Type.Object({ kind: Type.Optional(Type.String({ maxLength: 20 })) }),
        response: { 200: Type.Object({ items: Type.Array(CountrySchema), total: Type.Number() }) },
      },
      config: { marks: 'none', authz: { kind: 'none', reason: 'reference data: no marked objects' } },
    },
    async (request) => {
      const items = countries
        .filter((c) => !request.query.kind || c.kind === request.query.kind)
        .map((c) => ({
          iso3: c.iso3,
          iso2: c.iso2 ?? null,
          isoNumeric: c.isoNumeric ?? null,
          baciCodes: c.baciCodes,
          customsCode: c.customsCode ?? null,
          en: c.en,
          ja: c.ja,
          region: c.region,
          regionEn: regions[c.region].en,
          regionJa: regions[c.region].ja,
          kind: c.kind,
          includedIn: c.includedIn ?? null,
          note: c.note ?? null,
        }));
      return { items, total: items.length };
    },
  );
};
