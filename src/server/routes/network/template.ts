import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { templateCsv, templateXlsx } from '../../../data/network/index.ts';

/** The empty submission template (issue 24) in Japanese or English, as XLSX or CSV: no marked content. */
export const networkTemplateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/network/template',
    {
      config: { marks: 'none', authz: { kind: 'action' } },
      schema: {
        tags: ['network'],
        summary: 'The submission template (products, sites, suppliers) in Japanese or English',
        querystring: Type.Object({
          lang: Type.Optional(Type.Union([Type.Literal('ja'), Type.Literal('en')])),
          format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')])),
        }),
      },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? 'ja';
      if (request.query.format === 'csv')
        return reply
          .header('content-disposition', `attachment; filename="supply-template-${lang}.csv"`)
          .type('text/csv; charset=utf-8')
          .send(templateCsv(lang));
      return reply
        .header('content-disposition', `attachment; filename="supply-template-${lang}.xlsx"`)
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await templateXlsx(lang));
    },
  );
};
