import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  markRegistryApplied,
  requireDialogue,
  scenarioDraftText,
  setFindingScenario,
} from '../../../data/dialogue/index.ts';
import { getCriticalGood } from '../../../data/reference/index.ts';
import { ChokepointError, notFound } from '../../../errors.ts';
import { MarkingSchema, readerOf } from '../../security/markings.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import { writeCriticalGood } from '../../registry/criticalGoodWrites.ts';
import { saveNewScenario } from '../../scenarios/scenarioWrites.ts';
import { IdParams, writers } from './schemas.ts';

/**
 * What a dialogue finding can start (issue 24): its proposed update of the critical goods registry, applied
 * through the registry's own write path (its role check and audit entry), and a scenario draft prefilled with the
 * finding's product and country, saved through the scenario module's own path, marked like the record.
 */
const FindingParams = Type.Intersect([IdParams, Type.Object({ findingId: Type.String({ maxLength: 64 }) })]);

async function findingOf(request: FastifyRequest, id: string, findingId: string) {
  const record = await requireDialogue(request.server.services.state, id, readerOf(request));
  const index = record.findings.findIndex((f) => f.id === findingId);
  if (index < 0) throw notFound('finding not found', { field: 'findingId' });
  return { record, finding: record.findings[index], index };
}

export const dialogueFindingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.post(
    '/dialogue/:id/findings/:findingId/apply-registry',
    {
      config: { marks: 'result', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['dialogue'],
        summary:
          'Apply a finding’s proposed update to the critical goods registry (its HS6 codes added to the good)',
        params: FindingParams,
        body: Type.Optional(
          Type.Object(
            { reason: Type.Optional(Type.String({ maxLength: 2000 })) },
            { additionalProperties: false, description: 'why, when the record is marked above the registry' },
          ),
        ),
        response: {
          200: Type.Object({ good: Type.String(), hs: Type.Array(Type.String()), marking: MarkingSchema }),
        },
      },
    },
    async (request) => {
      const { record, finding, index } = await findingOf(
        request,
        request.params.id,
        request.params.findingId,
      );
      const proposal = finding.registryProposal;
      if (!proposal)
        throw new ChokepointError('bad_input', 'this finding proposes no registry update', {
          field: `findings[${index}].registryProposal`,
        });
      if (finding.registryAppliedAt)
        throw new ChokepointError('conflict', `this proposal was applied at ${finding.registryAppliedAt}`, {
          field: 'findingId',
        });
      const good = await getCriticalGood(db(), proposal.good);
      // What a marked record says reaches the registry (read at its own marking) only as a declassification.
      authorizeMarkingChange(request, {
        existing: record.marking,
        requested: good.marking,
        fallback: good.marking,
        reason: request.body?.reason,
        what: 'dialogue record',
      });
      const known = new Set(good.hs.map((h) => h.hs6));
      const hs = [...good.hs, ...proposal.hs.filter((h) => !known.has(h.hs6))];
      const updated = await writeCriticalGood(
        request,
        good.id,
        { hs },
        { from: { dialogue: record.id, finding: finding.id }, reason: request.body?.reason ?? null },
      );
      await markRegistryApplied(db(), finding.id, request.user.username);
      await app.audit(request, {
        action: 'apply',
        objectType: 'dialogue-finding',
        objectId: finding.id,
        marking: record.marking,
        details: { record: record.id, good: good.id, added: proposal.hs.map((h) => h.hs6) },
      });
      return { good: updated.id, hs: updated.hs.map((h) => h.hs6), marking: updated.marking };
    },
  );

  app.post(
    '/dialogue/:id/findings/:findingId/scenario',
    {
      config: { marks: 'result', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['dialogue'],
        summary:
          'Open a scenario draft from a finding (its country cuts exports of its product), marked as the record',
        params: FindingParams,
        response: {
          201: Type.Object({ scenario: Type.String(), text: Type.String(), marking: MarkingSchema }),
        },
      },
    },
    async (request, reply) => {
      const { record, finding, index } = await findingOf(
        request,
        request.params.id,
        request.params.findingId,
      );
      const text = scenarioDraftText(record, finding, index);
      const saved = await saveNewScenario(request, {
        text,
        marking: record.marking,
        details: { from: { dialogue: record.id, finding: finding.id } },
      });
      await setFindingScenario(db(), finding.id, saved.id);
      return reply.status(201).send({ scenario: saved.id, text, marking: record.marking });
    },
  );
};
