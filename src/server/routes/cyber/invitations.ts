import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ChokepointError, notFound, badInput } from '../../../errors.ts';
import {
  createInvitation,
  findFramework,
  getAssessment,
  getInvitation,
  listInvitations,
  respondToInvitation,
} from '../../../data/cyber/index.ts';
import { getOrganisation, normalizeMarking } from '../../../data/security/index.ts';
import { assertReadable, MarkingSchema, readerOf } from '../../security/markings.ts';
import { IdParams } from './schemas.ts';

/** A buyer organisation invites its suppliers to answer a catalogue at a required ★; the supplier answers or declines. */
const writers = ['analyst' as const, 'administrator' as const];
const InvitationSchema = Type.Object({
  id: Type.String(),
  buyerOrganisationId: Type.String(),
  supplierOrganisationId: Type.String(),
  frameworkId: Type.String(),
  requiredLevel: Type.Union([Type.String(), Type.Null()]),
  message: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('open'), Type.Literal('declined'), Type.Literal('answered')]),
  assessmentId: Type.Union([Type.String(), Type.Null()]),
  marking: MarkingSchema,
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  respondedAt: Type.Union([Type.String(), Type.Null()]),
});

export const cyberInvitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;
  app.get(
    '/cyber/invitations',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'cyberInvitation' } },
      schema: {
        tags: ['cyber'],
        summary: 'Invitations sent by or to the user’s organisation',
        response: { 200: Type.Object({ items: Type.Array(InvitationSchema), total: Type.Number() }) },
      },
    },
    async (request) => listInvitations(db(), readerOf(request)),
  );

  app.post(
    '/cyber/invitations',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['cyber'],
        summary: 'Invite a supplier organisation to self-assess against a catalogue (at a required ★ level)',
        body: Type.Object(
          {
            supplier: Type.String({ minLength: 1, maxLength: 64 }),
            framework: Type.String({ minLength: 1, maxLength: 64 }),
            requiredLevel: Type.Optional(Type.String({ maxLength: 32 })),
            message: Type.Optional(Type.String({ maxLength: 5000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: InvitationSchema },
      },
    },
    async (request, reply) => {
      const supplier = await getOrganisation(db(), request.body.supplier).catch(() => undefined);
      if (!supplier) throw badInput(`unknown organisation ${request.body.supplier}`, { field: 'supplier' });
      const f = await findFramework(db(), request.body.framework);
      if (!f) throw notFound('catalogue not found', { field: 'framework' });
      assertReadable(request, f.marking, 'catalogue', { field: 'framework' });
      if (request.body.requiredLevel && !f.framework.levels.some((l) => l.id === request.body.requiredLevel))
        throw badInput(`catalogue ${f.framework.id} has no level ${request.body.requiredLevel}`, {
          field: 'requiredLevel',
        });
      const marking = normalizeMarking({
        level: 0,
        compartments: [],
        releasableTo: [request.user.organisationId, supplier.id],
      });
      const inv = await createInvitation(db(), {
        buyerOrganisationId: request.user.organisationId,
        supplierOrganisationId: supplier.id,
        frameworkId: f.framework.id,
        requiredLevel: request.body.requiredLevel ?? null,
        message: request.body.message ?? null,
        marking,
        createdBy: request.user.id,
      });
      await app.audit(request, {
        action: 'create',
        objectType: 'cyber_invitation',
        objectId: inv.id,
        marking,
      });
      return reply.status(201).send(inv);
    },
  );

  app.post(
    '/cyber/invitations/:id/respond',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['cyber'],
        summary:
          'The supplier answers with one of its assessments (release it to the buyer separately) or declines',
        params: IdParams,
        body: Type.Union([
          Type.Object(
            { assessmentId: Type.String({ minLength: 1, maxLength: 64 }) },
            { additionalProperties: false },
          ),
          Type.Object({ decline: Type.Literal(true) }, { additionalProperties: false }),
        ]),
        response: { 200: InvitationSchema },
      },
    },
    async (request) => {
      const inv = await getInvitation(db(), request.params.id);
      if (!inv) throw notFound('invitation not found', { field: 'id' });
      assertReadable(request, inv.marking, 'invitation', { field: 'id' });
      if (inv.supplierOrganisationId !== request.user.organisationId)
        throw new ChokepointError('forbidden', 'only the invited supplier responds', { field: 'id' });
      if ('assessmentId' in request.body) {
        const a = await getAssessment(db(), request.body.assessmentId);
        if (!a || a.organisationId !== request.user.organisationId || a.frameworkId !== inv.frameworkId)
          throw badInput('the assessment must be the supplier’s own, against the invitation’s catalogue', {
            field: 'assessmentId',
          });
      }
      const saved = await respondToInvitation(db(), inv.id, request.body);
      await app.audit(request, {
        action: 'respond',
        objectType: 'cyber_invitation',
        objectId: inv.id,
        marking: inv.marking,
        details: { status: saved.status },
      });
      return saved;
    },
  );
};
