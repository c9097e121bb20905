import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ChokepointError } from '../../errors.ts';
import {
  changeOwnPassword,
  clearFailedSignIns,
  decoyPasswordHash,
  recordFailedSignIn,
  sha256,
  signInAccount,
  verifyPassword,
} from '../../data/security/index.ts';
import { ErrorSchema, SessionUserSchema } from '../security/schemas.ts';
import { createSession, endSession, sessionCookie, sessionUser } from '../security/session.ts';
import { clearSessionCookies, setSessionCookies } from '../security/plugin.ts';
import { currentUser } from '../security/access.ts';

/** Login, logout and "who am I". Failed logins count per account (lockout) and per client address (rate limit). */
export const maxFailedLogins = 5;
export const lockoutMinutes = 15;
/** Failed sign-ins one client address may make per window, whatever the usernames (slows password spraying). */
export const loginFailuresPerWindow = 30;
const windowMs = 10 * 60_000;

const wrongCredentials = () =>
  new ChokepointError('unauthenticated', 'wrong username or password, or the account is locked for a while');

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Client addresses live only in this memory map, for the rate-limit window; they are never stored.
  const attempts = new Map<string, { count: number; since: number }>();
  const blocked = (ip: string): boolean => {
    const entry = attempts.get(ip);
    return Boolean(entry && Date.now() - entry.since <= windowMs && entry.count >= loginFailuresPerWindow);
  };
  const recordFailure = (ip: string): void => {
    const now = Date.now();
    const entry = attempts.get(ip);
    if (entry && now - entry.since <= windowMs) entry.count++;
    else attempts.set(ip, { count: 1, since: now });
    if (attempts.size > 10_000)
      for (const [k, v] of attempts) if (now - v.since > windowMs) attempts.delete(k);
  };

  app.post(
    '/auth/login',
    {
      config: { public: true, authz: { kind: 'none', reason: 'public: signs in' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie (HttpOnly) and the CSRF cookie',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 1024 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ user: SessionUserSchema, csrfToken: Type.String() }),
          429: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      if (blocked(request.ip)) {
        return reply.status(429).send({
          error: {
            code: 'rate_limited',
            message: 'too many sign-in attempts from this address; wait a few minutes',
            place: {},
          },
        });
      }
      const db = app.services.state;
      const username = request.body.username.trim().toLowerCase();
      const row = await signInAccount(db, username);
      const ok = await verifyPassword(
        row ? row.passwordHash : await decoyPasswordHash(),
        request.body.password,
      );
      if (!row || row.disabled || row.locked || !ok) {
        if (row && !row.locked && !ok) {
          const failed = await recordFailedSignIn(db, row.id, maxFailedLogins, lockoutMinutes);
          if (failed >= maxFailedLogins) {
            await app.audit(request, {
              action: 'login.locked',
              objectType: 'user',
              objectId: row.id,
              details: { username },
            });
          }
        }
        await app.audit(request, {
          action: 'login.failed',
          objectType: 'user',
          objectId: row?.id ?? null,
          details: {
            username: username.slice(0, 64),
            reason: !row
              ? 'unknown user'
              : row.disabled
                ? 'disabled'
                : row.locked
                  ? 'locked'
                  : 'wrong password',
          },
        });
        recordFailure(request.ip);
        throw wrongCredentials();
      }
      // A session id presented before login is discarded, never promoted (no session fixation).
      const previous = request.cookies[sessionCookie];
      if (previous) await endSession(db, previous);
      await clearFailedSignIns(db, row.id);
      const { sessionId, csrf } = await createSession(db, row.id);
      setSessionCookies(request, reply, sessionId, csrf);
      const found = await sessionUser(db, sessionId);
      request.user = found!.user;
      await app.audit(request, { action: 'login', objectType: 'user', objectId: row.id });
      const { via: _via, ...user } = found!.user;
      return { user, csrfToken: csrf };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { authz: { kind: 'action' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session',
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async (request, reply) => {
      const sessionId = request.cookies[sessionCookie];
      if (sessionId) await endSession(app.services.state, sessionId);
      await app.audit(request, { action: 'logout', objectType: 'user', objectId: request.user.id });
      clearSessionCookies(request, reply);
      return { ok: true };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { authz: { kind: 'action' } },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, with effective clearance and permissions',
        response: { 200: SessionUserSchema },
      },
    },
    async (request) => {
      const { via: _via, ...user } = currentUser(request);
      return user;
    },
  );

  app.post(
    '/auth/password',
    {
      config: { authz: { kind: 'action' } },
      schema: {
        tags: ['auth'],
        summary: 'Change my password (ends my other sessions)',
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
            newPassword: Type.String({ minLength: 1, maxLength: 1024 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const sessionId = request.cookies[sessionCookie];
      await changeOwnPassword(
        app.services.state,
        user.id,
        request.body.currentPassword,
        request.body.newPassword,
        sessionId ? sha256(sessionId) : null,
      );
      await app.audit(request, { action: 'user.change_password', objectType: 'user', objectId: user.id });
      return { ok: true };
    },
  );
};
