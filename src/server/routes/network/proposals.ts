import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { decideProposal, listProposals } from '../../../data/network/index.ts';
import { notFound } from '../../../errors.ts';
import { readerOf } from '../../security/markings.ts';
import { currentUser } from '../../security/access.ts';
import { networkAccessOf } from '../../network/access.ts';
import { IdParams, ProposalSchema } from './schemas.ts';

/**
 * Uncertain supplier matches across companies (issue 24): a proposal names suppliers of more than one company, so
 * only ministry organisations list and decide them (within their markings); to anyone else there are none, and
 * deciding one answers 404 like a missing proposal.
 */
const writers = ['analyst' as const, 'administrator' as const];

export const networkProposalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.get(
    '/network/proposals',
    {
      config: {
        marks: 'objects',
        authz: { kind: 'none', reason: 'ministry organisations only; covered by test/network/api.test.ts' },
      },
      schema: {
        tags: ['network'],
        summary: 'Uncertain supplier matches waiting for a person (ministry only), highest score first',
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([Type.Literal('proposed'), Type.Literal('confirmed'), Type.Literal('rejected')]),
          ),
        }),
        response: { 200: Type.Object({ items: Type.Array(ProposalSchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const access = await networkAccessOf(request);
      const items = access.ministry
        ? await listProposals(db(), { reader: readerOf(request), status: request.query.status })
        : [];
      return { items, total: items.length };
    },
  );

  app.post(
    '/network/proposals/:id/decision',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['network'],
        summary: 'Confirm (merge the two supplier entities) or reject an uncertain match',
        params: IdParams,
        body: Type.Object(
          { decision: Type.Union([Type.Literal('confirmed'), Type.Literal('rejected')]) },
          { additionalProperties: false },
        ),
        response: { 200: ProposalSchema },
      },
    },
    async (request) => {
      const access = await networkAccessOf(request);
      if (!access.ministry) throw notFound('proposal not found', { field: 'id' });
      const decided = await decideProposal(
        db(),
        request.params.id,
        request.body.decision,
        currentUser(request).username,
        readerOf(request),
      );
      await app.audit(request, {
        action: `network.match.${request.body.decision === 'confirmed' ? 'confirm' : 'reject'}`,
        objectType: 'network_match_proposal',
        objectId: decided.id,
        marking: decided.marking,
        details: { from: decided.fromEntity.id, to: decided.toEntity.id, score: decided.score },
      });
      return decided;
    },
  );
};
