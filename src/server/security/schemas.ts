import { Type } from 'typebox';
import type { Static } from 'typebox';
import type { SameType } from '../sameType.ts';
import type { SessionUser } from './session.ts';
import { ErrorValueSchema } from '../errorSchema.ts';

/** Response schemas shared by the security routes. */
export const RoleSchema = Type.Union([
  Type.Literal('administrator'),
  Type.Literal('analyst'),
  Type.Literal('viewer'),
  Type.Literal('auditor'),
]);

export const LevelSchema = Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2), Type.Literal(3)]);

export const SessionUserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  organisationId: Type.String(),
  role: RoleSchema,
  clearance: Type.Object({
    level: LevelSchema,
    compartments: Type.Array(Type.String()),
    organisationId: Type.String(),
  }),
  permissions: Type.Array(Type.String()),
  mustChangePassword: Type.Boolean({
    description: 'true: only /auth/me, /auth/password and /auth/logout answer until the password is changed',
  }),
});
const sessionUserMatches: SameType<Static<typeof SessionUserSchema>, Omit<SessionUser, 'via'>> = true;
void sessionUserMatches;

export const ErrorSchema = Type.Object({ error: ErrorValueSchema });
