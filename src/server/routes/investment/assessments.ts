import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { assessCase, checkFdiCase, FdiCaseSchema, loadFeftaRules } from '../../../data/investment/index.ts';
import { MarkingSchema } from '../../security/markings.ts';
import { resultMarking } from '../../exportControl/recordMarking.ts';
import { AssessmentSchema } from './schemas.ts';

/**
 * The FEFTA assessment of a case (prior notification, post-transaction report or none, with exemption, core
 * sector, deadline and the rule path) and the rule reference it applies (the shipped, cited rules).
 */
export const investmentAssessmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/investment/assessments',
    {
      config: { marks: 'result', authz: { kind: 'action' } },
      schema: {
        tags: ['investment'],
        summary: 'Assess an inward investment under FEFTA, with the investor’s ownership chain when named',
        body: FdiCaseSchema,
        response: { 200: Type.Intersect([AssessmentSchema, Type.Object({ marking: MarkingSchema })]) },
      },
    },
    async (request) => {
      const input = checkFdiCase(request.body);
      const report = await assessCase(app.services.catalog, app.services.state, loadFeftaRules(), input);
      const datasets = report.ownership ? [report.ownership.dataset] : [];
      return { ...report, marking: await resultMarking(request, report, datasets) };
    },
  );

  app.get(
    '/investment/rules',
    {
      config: { marks: 'none', authz: { kind: 'action' } },
      schema: {
        tags: ['investment'],
        summary:
          'The FEFTA rules applied: sectors (designated, core) by JSIC code, thresholds, exemptions, sources',
        response: {
          200: Type.Object({
            id: Type.String(),
            title: Type.String(),
            titleJa: Type.String(),
            version: Type.String(),
            note: Type.String(),
            sources: Type.Record(Type.String(), Type.Object({ title: Type.String(), url: Type.String() })),
            sectors: Type.Array(
              Type.Object({
                id: Type.String(),
                en: Type.String(),
                ja: Type.String(),
                core: Type.Boolean(),
                jsic: Type.Array(
                  Type.Object({ code: Type.String(), scope: Type.Optional(Type.Literal('part')) }),
                ),
                cite: Type.String(),
              }),
            ),
            listedThreshold: Type.Number(),
            reviewDays: Type.Number(),
            maxExtendedMonths: Type.Number(),
            generalExemptionCoreCap: Type.Union([Type.Number(), Type.Null()]),
          }),
        },
      },
    },
    async () => {
      const r = loadFeftaRules();
      return {
        id: r.id,
        title: r.title,
        titleJa: r.titleJa,
        version: r.version,
        note: r.note,
        sources: r.sources,
        sectors: r.sectors,
        listedThreshold: r.triggers.listedThreshold,
        reviewDays: r.review.days,
        maxExtendedMonths: r.review.maxExtendedMonths,
        generalExemptionCoreCap: r.exemptions.general.coreCap,
      };
    },
  );
};
