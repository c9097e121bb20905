import type { Role } from '../../data/security/index.ts';

/**
 * How a route is exercised by the authorization-matrix test (test/server/authzMatrix.test.ts), declared in
 * the route's `config.authz` and published in /openapi.json as `x-chokepoint-authz`:
 * - `list`: GET of a list whose `items` carry markings and whose `total` counts only readable objects;
 *   the test seeds objects of `fixture` (test/helpers/authzFixtures.ts) at every marking.
 * - `read`: GET of one object by path parameter `param`; hidden objects must answer exactly like missing ones.
 * - `action`: acts without reading marked objects; the test checks `config.roles` (403 for other roles).
 * - `none`: cannot be exercised generically (say why); the test still asserts 401 without a session.
 * Routes without a declaration are tested for 401 only and listed as not exercised.
 */
export type AuthzDeclaration =
  | { kind: 'list'; fixture: string; query?: Record<string, string> }
  | { kind: 'read'; fixture: string; param: string; query?: Record<string, string> }
  | { kind: 'action' }
  | { kind: 'none'; reason: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (only health, login and the anonymous consultation desk). */
    public?: boolean;
    /** Answers a user who signed in with a one-time password before they change it (me, password, logout). */
    beforePasswordChange?: boolean;
    /** Roles allowed to call the route; others get 403 before the body is validated. */
    roles?: Role[];
    authz?: AuthzDeclaration;
  }
}
