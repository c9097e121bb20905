import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { deviceCookie, maxFailedLogins } from '../../src/server/routes/auth.ts';
import { newCaseLimits } from '../../src/server/routes/consultation.ts';
import { backoffDelayMs, pairBackoff } from '../../src/data/security/loginThrottle.ts';
import { SlidingWindowLimiter } from '../../src/server/security/rateLimit.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';

/**
 * Issue 18 item 12: an attacker cannot keep an account (the administrator's included) out, repeated failures are
 * slowed with 429 + Retry-After, and the anonymous desk limits new cases per address and per hour.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('back-off schedule and sliding window', () => {
  it('gives free failures, then doubles from one second up to the cap', () => {
    const rule = { freeFailures: 3, firstDelayMs: 1000, maxDelayMs: 15 * 60_000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelayMs(n, rule))).toEqual([
      0, 0, 0, 1000, 2000, 4000, 8000,
    ]);
    expect(backoffDelayMs(14, rule)).toBe(15 * 60_000); // 1000 × 2^10 = 1024 s, over the 900 s cap
    expect(backoffDelayMs(10_000, rule)).toBe(15 * 60_000);
  });

  it('allows `limit` events per key in any window and says when the next one may come', () => {
    const limiter = new SlidingWindowLimiter(2, 1000);
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('a', 400)).toBe(0);
    expect(limiter.take('a', 500)).toBe(500);
    expect(limiter.take('b', 500)).toBe(0);
    expect(limiter.take('a', 1000)).toBe(0);
    expect(limiter.take('a', 1100)).toBe(300);
  });
});

describe.each(stateBackends)('abuse of the public routes (%s)', (backend) => {
  let app: App;
  let state: StateDb;

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
  });
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  const login = (username: string, password: string, remoteAddress: string, device?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress,
      headers: device ? { cookie: `${deviceCookie}=${device}` } : {},
    });
  const ask = (remoteAddress: string) =>
    app.inject({
      method: 'POST',
      url: '/api/consultation/cases',
      payload: { topic: 'other', question: '輸出管理について相談したいです。' },
      remoteAddress,
    });
  const deviceOf = (res: { headers: Record<string, unknown> }): string => {
    const raw = res.headers['set-cookie'];
    const all = Array.isArray(raw) ? (raw as string[]) : [String(raw)];
    const cookie = all.find((c) => c.startsWith(`${deviceCookie}=`))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    expect(cookie).toMatch(/SameSite=Strict/);
    return cookie.split(';')[0].split('=')[1];
  };

  it("an attacker's wrong passwords do not keep the administrator out of a known client; the attacker is slowed", async () => {
    const admin = await testSession(app, { role: 'administrator', level: 3 });
    const name = admin.user.username;
    const [attacker, office, elsewhere] = ['198.51.100.66', '192.0.2.10', '192.0.2.99'];
    // The administrator signed in before from the office browser: it holds a device cookie.
    const first = await login(name, admin.password, office);
    expect(first.statusCode).toBe(200);
    const device = deviceOf(first);

    // From one address: free failures, then 429 with Retry-After, doubling.
    for (let i = 0; i < pairBackoff.freeFailures + 1; i++) {
      expect((await login(name, `guess number ${i}`, attacker)).statusCode).toBe(401);
    }
    const slowed = await login(name, 'another guess', attacker);
    expect(slowed.statusCode).toBe(429);
    expect(slowed.headers['retry-after']).toBe('1');
    expect(slowed.json().error.code).toBe('rate_limited');
    await sleep(1100);
    expect((await login(name, 'after the wait', attacker)).statusCode).toBe(401);
    const slower = await login(name, admin.password, attacker);
    expect(slower.statusCode).toBe(429);
    expect(slower.headers['retry-after']).toBe('2');

    // More failures from other addresses reach the account lock (unknown clients only).
    const failedSoFar = pairBackoff.freeFailures + 2;
    for (let i = 0; i < maxFailedLogins - failedSoFar; i++) {
      expect((await login(name, 'spread guess', `198.51.100.${i + 1}`)).statusCode).toBe(401);
    }
    const [row] = await state.query<{ locked: boolean }>(
      'SELECT locked_until > now() AS locked FROM users WHERE id = $1',
      [admin.user.id],
    );
    expect(row.locked).toBe(true);
    // The right password from an unknown client is refused while the lock holds ...
    expect((await login(name, admin.password, elsewhere)).statusCode).toBe(401);
    // ... but not from the administrator's known client, and the lock stays for unknown clients.
    const owner = await login(name, admin.password, office, device);
    expect(owner.statusCode).toBe(200);
    expect(owner.json().user.username).toBe(name);
    expect(deviceOf(owner)).toBe(device);
    expect((await login(name, admin.password, elsewhere)).statusCode).toBe(401);
    // A device cookie of another user, or a made-up one, is no key.
    const other = await testSession(app, { role: 'viewer' });
    const otherDevice = deviceOf(await login(other.user.username, other.password, office));
    expect((await login(name, admin.password, elsewhere, otherDevice)).statusCode).toBe(401);
    expect((await login(name, admin.password, elsewhere, 'dev_made-up')).statusCode).toBe(401);

    // From the attacker's own address the known client waits only for the pair's back-off, then signs in:
    // wait out the block, fail once more (the pair's sixth failure: 4 s), then sign in as the owner.
    let guess = await login(name, 'one more guess', attacker);
    while (guess.statusCode === 429) {
      await sleep(Number(guess.headers['retry-after']) * 1000 + 100);
      guess = await login(name, 'one more guess', attacker);
    }
    expect(guess.statusCode).toBe(401);
    const waiting = await login(name, admin.password, attacker, device);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe('4');
    await sleep(4100);
    expect((await login(name, admin.password, attacker, device)).statusCode).toBe(200);
    const audit = await state.query<{ details: { reason: string; knownDevice: boolean } }>(
      "SELECT details FROM audit_log WHERE object_id = $1 AND action = 'login.failed' ORDER BY seq",
      [admin.user.id],
    );
    expect(audit.filter((a) => a.details.reason === 'locked').length).toBe(5);
  });

  it('the desk takes a few new cases per address, then answers 429 with Retry-After in plain words', async () => {
    for (let i = 0; i < newCaseLimits.perAddress; i++)
      expect((await ask('203.0.113.5')).statusCode).toBe(201);
    const refused = await ask('203.0.113.5');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(590);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(600);
    expect(refused.json().error.message).toContain('try again in 10 minutes');
    expect(refused.json().error.message).toContain('10 分後');
    expect((await ask('203.0.113.6')).statusCode).toBe(201);
    const [cases] = await state.query<{ n: number | string }>('SELECT count(*) AS n FROM consultation_cases');
    expect(Number(cases.n)).toBe(newCaseLimits.perAddress + 1);
  });

  it(`the desk takes at most ${newCaseLimits.perHour} new cases an hour from everyone together`, async () => {
    // As if one case short of the limit had come this hour from other addresses.
    await state.query(
      `INSERT INTO request_counts (name, window_start, count) VALUES ('consultation.open', date_trunc('hour', now()), $1)
       ON CONFLICT (name, window_start) DO UPDATE SET count = $1`,
      [newCaseLimits.perHour - 1],
    );
    expect((await ask('203.0.113.20')).statusCode).toBe(201);
    const refused = await ask('203.0.113.21');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600);
    expect(refused.json().error.message).toContain('this hour');
  });
});
