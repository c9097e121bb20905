import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { filterReadable, MarkingSchema } from '../../security/markings.ts';
import { currentUser } from '../../security/access.ts';
import { ChokepointError } from '../../../errors.ts';
import {
  policyFamilyNames,
  policyMeasures,
  policyRiskNames,
  suggestionIds,
} from '../../../analysis/policy/measures.ts';
import { assessZones, registryEntries, applyMeasure, appliedMeasures } from '../../../data/tech/index.ts';
import { publicMarking } from '../../../analysis/marking.ts';
import { techServicesOf } from '../../tech/techServices.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import { SuggestedMeasure, zoneRequestOf, ZonesQuery } from './schemas.ts';

/**
 * /api/policy — the policy toolkit (Promotion 産業支援策 / Protection 産業防衛策 / Partnership 国際連携), the policy
 * map (each entry's zone, risks, suggested and applied measures) and the record of measures applied (audited).
 */
const Label = Type.Object({ ja: Type.String(), en: Type.String() });
const Applied = Type.Object({
  id: Type.Number(),
  entryId: Type.String(),
  measureId: Type.String(),
  status: Type.String(),
  note: Type.String(),
  since: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  marking: MarkingSchema,
});
const ApplyBody = Type.Object(
  {
    entryId: Type.String({ minLength: 1, maxLength: 64 }),
    measureId: Type.String({ minLength: 1, maxLength: 64 }),
    status: Type.Union([Type.Literal('planned'), Type.Literal('in-force'), Type.Literal('ended')]),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    since: Type.Optional(Type.Union([Type.Null(), Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })])),
    marking: Type.Optional(MarkingSchema),
  },
  { additionalProperties: false },
);

export const policyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/policy/measures',
    {
      config: { marks: 'none', authz: { kind: 'none', reason: 'the catalogue is public reference data' } },
      schema: {
        tags: ['policy'],
        summary:
          'The catalogue of measures with family, ja/en names, the zones they suit and the risks they answer',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                family: Type.String(),
                familyName: Label,
                name: Label,
                zones: Type.Array(Type.String()),
                risks: Type.Array(Type.Object({ id: Type.String(), name: Label })),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      items: policyMeasures.map((m) => ({
        ...m,
        familyName: policyFamilyNames[m.family],
        risks: m.risks.map((r) => ({ id: r, name: policyRiskNames[r] })),
      })),
    }),
  );

  app.get(
    '/policy/map',
    {
      config: {
        marks: 'objects',
        authz: { kind: 'none', reason: 'derived; marking checks in test/tech/api.test.ts' },
      },
      schema: {
        tags: ['policy'],
        summary: 'The policy map: each entry with its zone, risks, suggested and applied measures',
        querystring: ZonesQuery,
        response: {
          200: Type.Object({
            reporter: Type.String(),
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Label,
                zone: Type.Union([Type.String(), Type.Null()]),
                risks: Type.Array(Type.String()),
                suggested: Type.Array(SuggestedMeasure),
                applied: Type.Array(Applied),
                marking: MarkingSchema,
              }),
            ),
            total: Type.Number(),
          }),
        },
      },
    },
    async (request) => {
      const a = await assessZones(techServicesOf(app), zoneRequestOf(request.query));
      const items = filterReadable(
        request,
        a.entries.map((e) => ({
          id: e.entry.id,
          name: e.entry.name,
          zone: e.zone,
          risks: e.risks,
          suggested: suggestionIds(e.suggested),
          applied: filterReadable(request, e.applied),
          marking: e.marking,
        })),
      );
      return { reporter: a.reporter, items, total: items.length };
    },
  );

  app.get(
    '/policy/applied',
    {
      config: {
        marks: 'objects',
        authz: { kind: 'none', reason: 'filtered by marking in memory; checks in test/tech/api.test.ts' },
      },
      schema: {
        tags: ['policy'],
        summary: 'Measures recorded as applied',
        querystring: Type.Object({ entry: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: Type.Object({ items: Type.Array(Applied), total: Type.Number() }) },
      },
    },
    async (request) => {
      const items = filterReadable(request, await appliedMeasures(app.services.state, request.query.entry));
      return { items, total: items.length };
    },
  );

  app.post(
    '/policy/applied',
    {
      config: { marks: 'result', roles: ['administrator', 'analyst'], authz: { kind: 'action' } },
      schema: {
        tags: ['policy'],
        summary: 'Record a measure applied to an entry (audited)',
        body: ApplyBody,
        response: { 200: Applied },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const body = request.body;
      const { marking } = authorizeMarkingChange(request, {
        requested: body.marking,
        fallback: publicMarking,
        what: 'record',
      });
      if (!(await registryEntries(app.services.state)).some((e) => e.id === body.entryId))
        throw new ChokepointError('not_found', 'entry not found', { field: 'entryId' });
      return applyMeasure(
        app.services.state,
        {
          entryId: body.entryId,
          measureId: body.measureId,
          status: body.status,
          note: body.note,
          since: body.since ?? null,
          marking,
        },
        { id: user.id, name: user.username },
      );
    },
  );
};
