import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { addOrganisation, listOrganisations } from '../../data/security/index.ts';
import { LevelSchema } from '../security/schemas.ts';
import type { Static } from 'typebox';
import type { SameType } from '../sameType.ts';
import type { Organisation } from '../../data/security/index.ts';

/** Organisations and their sharing caps: everyone signed in may list them (to share); administrators add. */
const KindSchema = Type.Union([
  Type.Literal('ministry'),
  Type.Literal('company'),
  Type.Literal('association'),
  Type.Literal('foreign_partner'),
]);
const OrganisationSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: KindSchema,
  sharingCap: LevelSchema,
});
const organisationMatches: SameType<Static<typeof OrganisationSchema>, Organisation> = true;
void organisationMatches;

export const organisationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/organisations',
    {
      config: { marks: 'none', authz: { kind: 'action' } },
      schema: {
        tags: ['organisations'],
        summary: 'Organisations with their sharing caps',
        response: { 200: Type.Object({ items: Type.Array(OrganisationSchema), total: Type.Number() }) },
      },
    },
    async () => {
      const items = await listOrganisations(app.services.state);
      return { items, total: items.length };
    },
  );

  app.post(
    '/organisations',
    {
      config: { marks: 'none', roles: ['administrator'], authz: { kind: 'action' } },
      schema: {
        tags: ['organisations'],
        summary: 'Add an organisation (administrators)',
        body: Type.Object(
          {
            id: Type.String({ maxLength: 64 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            kind: KindSchema,
            sharingCap: LevelSchema,
          },
          { additionalProperties: false },
        ),
        response: { 201: OrganisationSchema },
      },
    },
    async (request, reply) => {
      const org = await addOrganisation(app.services.state, request.body);
      await app.audit(request, {
        action: 'organisation.add',
        objectType: 'organisation',
        objectId: org.id,
        details: { ...org },
      });
      return reply.status(201).send(org);
    },
  );
};
