import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { joinMarkings } from '../../../analysis/marking.ts';
import { badInput, notFound } from '../../../errors.ts';
import { resolveCountry } from '../../../data/reference/index.ts';
import { entryFingerprint } from '../../../analysis/exportControl/listDelta.ts';
import {
  decisionHistory,
  recordDecision,
  getCase,
  listDatasetId,
  readListEntries,
} from '../../../data/exportControl/index.ts';
import { readerOf } from '../../security/markings.ts';
import { actorOf, recordMarking, resultMarking } from '../../exportControl/recordMarking.ts';
import { DecisionSchema, MarkingChoiceFields } from './schemas.ts';

/**
 * Decisions on screening hits (match, no match, escalate) with a reason. The entry's fingerprint is taken from the
 * list's current version here, never from the request, so a dismissal holds exactly until the entry changes. A
 * decision on a case needs read access to the case, and is marked at least as the case and the list.
 */
const writers = ['analyst' as const, 'administrator' as const];

/** The party's country as the screen keyed it (ISO3), so "China", "CN" and "CHN" find the same decisions. */
function partyCountry(country: string | undefined): string | undefined {
  if (!country?.trim()) return undefined;
  const found = resolveCountry(country);
  if (!found) throw badInput(`unknown country "${country}"`, { field: 'country' });
  return found.iso3;
}
const HitFields = {
  partyName: Type.String({ minLength: 1, maxLength: 500 }),
  country: Type.Optional(Type.String({ maxLength: 100 })),
  list: Type.String({ minLength: 1, maxLength: 60 }),
  entryId: Type.String({ minLength: 1, maxLength: 500 }),
};

export const exportControlDecisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.post(
    '/export-control/decisions',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['export-control'],
        summary: 'Record a decision on a hit (match, no-match, escalate) with a reason, optionally on a case',
        body: Type.Object(
          {
            ...HitFields,
            decision: Type.Union([Type.Literal('match'), Type.Literal('no-match'), Type.Literal('escalate')]),
            reasonText: Type.String({ minLength: 1, maxLength: 4000 }),
            caseId: Type.Optional(Type.String({ maxLength: 64 })),
            ...MarkingChoiceFields,
          },
          { additionalProperties: false },
        ),
        response: { 201: DecisionSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const reader = readerOf(request);
      const onCase = body.caseId ? await getCase(db(), body.caseId, reader) : undefined;
      const entry = readListEntries(app.services.catalog, body.list).entries.find(
        (e) => e.id === body.entryId,
      );
      if (!entry) throw notFound(`list ${body.list} has no entry ${body.entryId}`, { field: 'entryId' });
      const choice = recordMarking(request, body, 'decision');
      const marking = joinMarkings([
        choice.marking,
        await resultMarking(request, [], [listDatasetId(body.list)]),
        ...(onCase ? [onCase.marking] : []),
      ]);
      const decision = await recordDecision(
        db(),
        {
          partyName: body.partyName,
          country: partyCountry(body.country),
          list: body.list,
          entryId: body.entryId,
          entryFingerprint: entryFingerprint(entry),
          decision: body.decision,
          reason: body.reasonText,
          caseId: onCase?.id,
          ...choice,
          marking,
        },
        actorOf(request),
      );
      return reply.status(201).send(decision);
    },
  );

  app.get(
    '/export-control/decisions',
    {
      config: {
        marks: 'objects',
        authz: {
          kind: 'none',
          reason: 'decisions are found by hit, not by id; covered by test/exportControl/api.test.ts',
        },
      },
      schema: {
        tags: ['export-control'],
        summary: 'The decisions the user may read taken on one hit (party × list entry), newest first',
        querystring: Type.Object(HitFields),
        response: { 200: Type.Object({ items: Type.Array(DecisionSchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const items = await decisionHistory(
        db(),
        {
          partyName: request.query.partyName,
          country: partyCountry(request.query.country),
          list: request.query.list,
          entryId: request.query.entryId,
        },
        readerOf(request),
      );
      return { items, total: items.length };
    },
  );
};
