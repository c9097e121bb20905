import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ChokepointError } from '../../errors.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../data/security/index.ts';
import type { Static } from 'typebox';
import type { SameType } from '../sameType.ts';
import type { ApiToken } from '../../data/security/index.ts';

/** The signed-in user's own API tokens (Authorization: Bearer …). */
const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revoked: Type.Boolean(),
});
const tokenMatches: SameType<Static<typeof TokenSchema>, ApiToken> = true;
void tokenMatches;

export const apiTokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/tokens',
    {
      config: { marks: 'none', authz: { kind: 'action' } },
      schema: {
        tags: ['auth'],
        summary: 'My API tokens',
        response: { 200: Type.Object({ items: Type.Array(TokenSchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const items = await listApiTokens(app.services.state, request.user.id);
      return { items, total: items.length };
    },
  );

  app.post(
    '/tokens',
    {
      config: { marks: 'none', authz: { kind: 'action' } },
      schema: {
        tags: ['auth'],
        summary: 'Create an API token; the secret is returned only now',
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 100 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ token: TokenSchema, secret: Type.String() }) },
      },
    },
    async (request, reply) => {
      if (request.user.via === 'token') {
        // A script may not mint further tokens for itself.
        throw new ChokepointError('forbidden', 'create API tokens from a signed-in session');
      }
      const created = await createApiToken(app.services.state, request.user.id, request.body.name);
      await app.audit(request, {
        action: 'token.create',
        objectType: 'api_token',
        objectId: created.token.id,
        details: { name: created.token.name },
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/tokens/:id',
    {
      config: { marks: 'none', authz: { kind: 'action' } },
      schema: {
        tags: ['auth'],
        summary: 'Revoke one of my API tokens',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async (request) => {
      await revokeApiToken(app.services.state, request.user.id, request.params.id);
      await app.audit(request, {
        action: 'token.revoke',
        objectType: 'api_token',
        objectId: request.params.id,
      });
      return { ok: true };
    },
  );
};
