import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  addUser,
  getUser,
  listUsers,
  resetPassword,
  setUserDisabled,
  type User,
} from '../../data/security/index.ts';
import { LevelSchema, RoleSchema } from '../security/schemas.ts';
import type { Static } from 'typebox';
import type { Loosened, SameType } from '../sameType.ts';

/** User administration (administrators only). Passwords are generated here and shown once. */
const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  organisationId: Type.String(),
  role: RoleSchema,
  clearanceLevel: LevelSchema,
  compartments: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  disabled: Type.Boolean(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  mustChangePassword: Type.Boolean({
    description: 'signed in with a one-time password that is still to be changed',
  }),
});
// Mirrors the data layer's User (docs/architecture.md): fails to compile when the two part.
const userMatches: SameType<
  Static<typeof UserSchema>,
  Loosened<User, 'clearanceLevel', 0 | 1 | 2 | 3>
> = true;
void userMatches;
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const admin = {
  marks: 'none' as const,
  roles: ['administrator' as const],
  authz: { kind: 'action' as const },
};

const summary = (u: User) => ({
  username: u.username,
  role: u.role,
  level: u.clearanceLevel,
  organisation: u.organisationId,
});

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.get(
    '/users',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'All users (administrators)',
        response: { 200: Type.Object({ items: Type.Array(UserSchema), total: Type.Number() }) },
      },
    },
    async () => {
      const items = await listUsers(db());
      return { items, total: items.length };
    },
  );

  app.post(
    '/users',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Add a user; the response carries a one-time password',
        body: Type.Object(
          {
            username: Type.String({ minLength: 2, maxLength: 64 }),
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            organisationId: Type.String({ minLength: 1, maxLength: 64 }),
            role: RoleSchema,
            clearanceLevel: Type.Optional(LevelSchema),
            compartments: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50 })),
            permissions: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ user: UserSchema, password: Type.String() }) },
      },
    },
    async (request, reply) => {
      const created = await addUser(db(), request.body);
      await app.audit(request, {
        action: 'user.add',
        objectType: 'user',
        objectId: created.user.id,
        details: summary(created.user),
      });
      return reply.status(201).send(created);
    },
  );

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/users/:id/${name}`,
      {
        config: admin,
        schema: {
          tags: ['users'],
          summary: disabled ? 'Disable a user (ends sessions, revokes tokens)' : 'Enable a disabled user',
          params: IdParams,
          response: { 200: UserSchema },
        },
      },
      async (request) => {
        const user = await setUserDisabled(db(), (await getUser(db(), request.params.id)).username, disabled);
        await app.audit(request, {
          action: `user.${name}`,
          objectType: 'user',
          objectId: user.id,
          details: summary(user),
        });
        return user;
      },
    );
  }

  app.post(
    '/users/:id/reset-password',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Reset a password: a new one-time password, lockout cleared, sessions ended',
        params: IdParams,
        response: { 200: Type.Object({ user: UserSchema, password: Type.String() }) },
      },
    },
    async (request) => {
      const reset = await resetPassword(db(), (await getUser(db(), request.params.id)).username);
      await app.audit(request, {
        action: 'user.reset_password',
        objectType: 'user',
        objectId: reset.user.id,
        details: summary(reset.user),
      });
      return reset;
    },
  );
};
