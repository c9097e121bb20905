import type { FastifyRequest } from 'fastify';
import { ChokepointError } from '../../errors.ts';
import type { Permission, Role } from '../../data/security/index.ts';
import type { SessionUser } from './session.ts';

/**
 * Role and permission checks for actions (reads of objects are governed by markings instead). Routes may also
 * declare `config: { roles: [...] }`, checked before the body is validated, so the authorization-matrix test
 * can exercise it with an empty body.
 */
export function currentUser(request: FastifyRequest): SessionUser {
  const user = (request as { user?: SessionUser | null }).user;
  if (!user) throw new ChokepointError('unauthenticated', 'sign in first');
  return user;
}

export function requireRole(request: FastifyRequest, ...allowed: Role[]): SessionUser {
  const user = currentUser(request);
  if (!allowed.includes(user.role)) {
    throw new ChokepointError('forbidden', `this action needs the role ${allowed.join(' or ')}`);
  }
  return user;
}

export function hasPermission(request: FastifyRequest, permission: Permission): boolean {
  const user = (request as { user?: SessionUser | null }).user;
  return Boolean(user?.permissions.includes(permission));
}

export function requirePermission(request: FastifyRequest, permission: Permission): SessionUser {
  const user = currentUser(request);
  if (!user.permissions.includes(permission)) {
    throw new ChokepointError('forbidden', `this action needs the permission ${permission}`);
  }
  return user;
}
