import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { ChokepointError } from '../../errors.ts';
import type { Marking } from '../../analysis/marking.ts';
import { appendAudit, sha256, sameSecret } from '../../data/security/index.ts';
import {
  csrfCookie,
  sessionCookie,
  sessionLifetimeHours,
  frozenUser,
  sessionUser,
  tokenUser,
  type SessionUser,
} from './session.ts';
import { StateReadCache, StateWatch } from './stateWatch.ts';
import { useDepthLimitedJsonParser } from './jsonBody.ts';
import { refuseNonFiniteNumbers, refuseNul } from './requestChecks.ts';
import './authz.ts';

/**
 * The one hook every request passes through (docs/security.md): authenticates /api routes by session cookie or
 * bearer token, enforces CSRF double submit on cookie-authenticated changes, checks declared roles before the
 * body is validated, and provides `app.audit`.
 */
export interface AuditRecord {
  action: string;
  objectType: string;
  objectId?: string | null;
  marking?: Marking | null;
  details?: Record<string, unknown> | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    audit(request: FastifyRequest | null, record: AuditRecord): Promise<void>;
  }
  interface FastifyInstance {
    /** Tells caches of per-request state reads when the state changed (see stateWatch.ts). */
    stateWatch: StateWatch;
  }
  interface FastifyRequest {
    /** The signed-in user; null only on public routes (config.public) and non-API paths. */
    user: SessionUser;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Largest body a public route (no session needed: login, the consultation desk) accepts unless it declares its
 * own `bodyLimit`: anyone can send to these, so they must not buffer megabytes. A login body is under 5 kB.
 */
export const publicBodyLimit = 16 * 1024;

export function behindTls(request: FastifyRequest): boolean {
  const forwarded = request.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return request.protocol === 'https' || proto === 'https';
}

/** Sets the session cookie (HttpOnly) and the CSRF cookie (readable by the web app, which echoes it). */
export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  sessionId: string,
  csrf: string,
): void {
  const common = {
    path: '/',
    sameSite: 'strict' as const,
    secure: behindTls(request),
    maxAge: sessionLifetimeHours * 3600,
  };
  reply.setCookie(sessionCookie, sessionId, { ...common, httpOnly: true });
  reply.setCookie(csrfCookie, csrf, { ...common, httpOnly: false });
}

export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply): void {
  const common = { path: '/', sameSite: 'strict' as const, secure: behindTls(request) };
  reply.clearCookie(sessionCookie, { ...common, httpOnly: true });
  reply.clearCookie(csrfCookie, { ...common, httpOnly: false });
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m ? m[1] : undefined;
}

async function securityPlugin(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
  useDepthLimitedJsonParser(app);
  app.addHook('onRoute', (route) => {
    if ((route.config as { public?: boolean } | undefined)?.public && route.bodyLimit === undefined) {
      route.bodyLimit = publicBodyLimit;
    }
  });
  app.decorateRequest('user', null as unknown as SessionUser);
  // Sessions are read from memory while no relevant state changed and notifications are reliable (stateWatch.ts),
  // at most 60 s.
  const watch = await StateWatch.open(app.services.state);
  app.decorate('stateWatch', watch);
  app.addHook('onClose', async () => watch.close());
  const sessions = new StateReadCache<{ user: SessionUser; csrfHash: string }>(watch, 10_000, 60_000);

  app.decorate('audit', async (request: FastifyRequest | null, record: AuditRecord) => {
    const user = request ? ((request as { user?: SessionUser | null }).user ?? null) : null;
    await appendAudit(app.services.state, {
      actorId: user?.id ?? null,
      actor: user?.username ?? (request ? 'anonymous' : 'system'),
      ...record,
    });
  });

  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    // Unknown paths fall through to the JSON 404; the web app and /openapi.json are public.
    if (!url || !url.startsWith('/api/')) return;
    if (request.routeOptions.config.public) return;
    const state = app.services.state;
    const token = bearer(request);
    if (token) {
      const user = await tokenUser(state, token);
      if (!user) throw new ChokepointError('unauthenticated', 'the API token is not valid');
      request.user = user;
      refuseBeforePasswordChange(request);
      return;
    }
    const sessionId = request.cookies[sessionCookie];
    const found = sessionId
      ? await sessions.get(sha256(sessionId), async () => {
          const s = await sessionUser(state, sessionId);
          return (
            s && { value: { user: frozenUser(s.user), csrfHash: s.csrfHash }, validUntil: s.expiresAtMs }
          );
        })
      : null;
    if (!found) throw new ChokepointError('unauthenticated', 'sign in first');
    if (!safeMethods.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      const sent = Array.isArray(header) ? header[0] : header;
      const cookieValue = request.cookies[csrfCookie];
      if (
        !sent ||
        !cookieValue ||
        !sameSecret(sent, cookieValue) ||
        !sameSecret(sha256(sent), found.csrfHash)
      ) {
        throw new ChokepointError(
          'forbidden',
          'missing or wrong CSRF token (send header x-csrf-token = cookie chokepoint_csrf)',
        );
      }
    }
    request.user = found.user;
    refuseBeforePasswordChange(request);
  });

  app.addHook('preValidation', async (request) => {
    const allowed = request.routeOptions.config.roles;
    if (allowed && request.user && !allowed.includes(request.user.role)) {
      throw new ChokepointError('forbidden', `this action needs the role ${allowed.join(' or ')}`);
    }
    refuseNul(request);
  });
  app.addHook('preHandler', async (request) => refuseNonFiniteNumbers(request));
}

/** A one-time password opens only the routes that let the user change it (config.beforePasswordChange). */
function refuseBeforePasswordChange(request: FastifyRequest): void {
  if (request.user.mustChangePassword && !request.routeOptions.config.beforePasswordChange) {
    throw new ChokepointError(
      'password_change_required',
      'change the one-time password first (POST /api/auth/password)',
    );
  }
}

export const security = fp(securityPlugin, { name: 'chokepoint-security' });
