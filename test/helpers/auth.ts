import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { MarkingLevel } from '../../src/analysis/marking.ts';
import type { Role } from '../../src/data/security/roles.ts';
import { addUser } from '../../src/data/security/users.ts';
import { ensureOrganisation, type OrganisationKind } from '../../src/data/security/organisations.ts';
import {
  createSession,
  csrfCookie,
  sessionCookie,
  sessionUser,
  type SessionUser,
} from '../../src/server/security/session.ts';

export interface TestSessionOptions {
  role?: Role;
  level?: MarkingLevel;
  compartments?: string[];
  /** Organisation id; created (kind ministry, sharing cap 3 unless given) when missing. Default 'test-ministry'. */
  organisation?: string;
  organisationKind?: OrganisationKind;
  sharingCap?: MarkingLevel;
  permissions?: string[];
  /** Signed in with the generated one-time password, still to be changed (default false). */
  mustChangePassword?: boolean;
}

/**
 * Creates a user and a session for it, as a real login would (session row, cookies). Pass `headers` to
 * app.inject: they carry the session cookie and the matching x-csrf-token.
 */
export async function testSession(
  app: FastifyInstance,
  options: TestSessionOptions = {},
): Promise<{ headers: Record<string, string>; user: SessionUser; password: string }> {
  const db = app.services.state;
  const organisationId = options.organisation ?? 'test-ministry';
  await ensureOrganisation(db, {
    id: organisationId,
    name: `Test ${organisationId}`,
    kind: options.organisationKind ?? 'ministry',
    sharingCap: options.sharingCap ?? 3,
  });
  const { user, password } = await addUser(db, {
    username: `u-${randomUUID().slice(0, 12)}`,
    organisationId,
    role: options.role ?? 'analyst',
    clearanceLevel: options.level ?? 0,
    compartments: options.compartments ?? [],
    permissions: options.permissions ?? [],
    // Tests sign in as users who have already chosen their password, unless they test the first sign-in.
    mustChangePassword: options.mustChangePassword ?? false,
  });
  const { sessionId, csrf } = await createSession(db, user.id);
  const found = await sessionUser(db, sessionId);
  return {
    headers: { cookie: `${sessionCookie}=${sessionId}; ${csrfCookie}=${csrf}`, 'x-csrf-token': csrf },
    user: found!.user,
    password,
  };
}
