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
  addressBackoff,
  addressKey,
  clearLoginFailures,
  pairBackoff,
  pairKey,
  recordLoginFailure,
  throttledForMs,
  deviceLifetimeDays,
  isKnownDevice,
  rememberDevice,
} from '../../data/security/index.ts';
import { ErrorSchema, SessionUserSchema } from '../security/schemas.ts';
import { createSession, endSession, sessionCookie, sessionUser } from '../security/session.ts';
import { behindTls, clearSessionCookies, publicBodyLimit, setSessionCookies } from '../security/plugin.ts';
import { sendTooManyRequests } from '../security/rateLimit.ts';
import { currentUser } from '../security/access.ts';

/**
 * Login, logout and "who am I". Abuse of the login (docs/security.md, "Sign-in back-off and account lock"):
 * - exponential back-off per client address and per address × username (loginThrottle.ts): while a key is
 *   blocked, sign-ins from it get 429 with Retry-After without a password check; after the delay a right password
 *   signs in;
 * - an account lock after `maxFailedLogins` failures from unknown clients (any address) that refuses unknown
 *   clients for `lockoutMinutes`, but not a client holding a device cookie of that user (loginDevices.ts), so an
 *   attacker cannot keep the owner, an administrator included, out.
 */
export const maxFailedLogins = 10;
export const lockoutMinutes = 15;
export const deviceCookie = 'chokepoint_device';

const wrongCredentials = () =>
  new ChokepointError('unauthenticated', 'wrong username or password, or the account is locked for a while');

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/login',
    {
      config: { marks: 'none', public: true, authz: { kind: 'none', reason: 'public: signs in' } },
      bodyLimit: publicBodyLimit,
      schema: {
        tags: ['auth'],
        summary:
          'Sign in; sets the session cookie (HttpOnly), the CSRF cookie and the device cookie (HttpOnly, /api/auth)',
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
      const db = app.services.state;
      const username = request.body.username.trim().toLowerCase().slice(0, 64);
      const address = request.ip;
      const device = request.cookies[deviceCookie];
      const known = await isKnownDevice(db, device, username);
      // A known client is not held back by its address's back-off: someone else failing from the same address
      // (a shared NAT, or the attacker) must not keep the owner out. The address × username back-off applies to all.
      const pair = pairKey(address, username);
      const wait = await throttledForMs(db, known ? [pair] : [addressKey(address), pair]);
      if (wait > 0) {
        return sendTooManyRequests(
          reply,
          wait,
          `too many failed sign-ins from this address: try again in ${Math.ceil(wait / 1000)} seconds`,
        );
      }
      const row = await signInAccount(db, username);
      const ok = await verifyPassword(
        row ? row.passwordHash : await decoyPasswordHash(),
        request.body.password,
      );
      const lockedOut = Boolean(row?.locked) && !known;
      if (!row || row.disabled || lockedOut || !ok) {
        // Only unknown clients' failures count towards the account lock, and none while it holds.
        if (row && !row.locked && !ok && !known) {
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
        await recordLoginFailure(db, addressKey(address), addressBackoff);
        await recordLoginFailure(db, pair, pairBackoff);
        await app.audit(request, {
          action: 'login.failed',
          objectType: 'user',
          objectId: row?.id ?? null,
          details: {
            username,
            reason: !row
              ? 'unknown user'
              : row.disabled
                ? 'disabled'
                : lockedOut
                  ? 'locked'
                  : 'wrong password',
            knownDevice: known,
          },
        });
        throw wrongCredentials();
      }
      // A session id presented before login is discarded, never promoted (no session fixation).
      const previous = request.cookies[sessionCookie];
      if (previous) await endSession(db, previous);
      await clearLoginFailures(db, pair);
      // The owner signing in from a known client while the account is locked leaves the lock for unknown clients.
      if (!row.locked) await clearFailedSignIns(db, row.id);
      reply.setCookie(deviceCookie, await rememberDevice(db, row.id, device), {
        path: '/api/auth',
        httpOnly: true,
        sameSite: 'strict',
        secure: behindTls(request),
        maxAge: deviceLifetimeDays * 24 * 3600,
      });
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
      config: { marks: 'none', beforePasswordChange: true, authz: { kind: 'action' } },
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
      config: { marks: 'none', beforePasswordChange: true, authz: { kind: 'action' } },
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
      config: { marks: 'none', beforePasswordChange: true, authz: { kind: 'action' } },
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
