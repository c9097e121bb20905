import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp, type App } from '../../src/server/app.ts';
import { tempDir } from '../helpers/tmp.ts';
import { testSession, type TestSessionOptions } from '../helpers/auth.ts';
import { importSharedTrade, type SharedTradeOptions } from '../helpers/sharedTrade.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { addUser } from '../../src/data/security/users.ts';
import { ensureOrganisation } from '../../src/data/security/organisations.ts';
import { expect } from 'vitest';

/**
 * Browser-test harness: a server on a random loopback port over a temporary data directory, and Debian's
 * Chromium driven by playwright-core. Screenshots go to test-results/ (not committed).
 */
export interface Harness {
  app: App;
  baseUrl: string;
  dataDir: string;
  browser: Browser;
  close(): Promise<void>;
}

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export async function startHarness(prepare?: (dataDir: string) => Promise<void>): Promise<Harness> {
  const dataDir = tempDir('chokepoint-e2e-');
  if (prepare) await prepare(dataDir);
  const app = await buildApp({ dataDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    browser,
    async close() {
      await browser.close();
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A harness over the shared BACI extract with the reference data asked for (test/helpers/sharedTrade.ts). */
export function startTradeHarness(options: SharedTradeOptions = {}): Promise<Harness> {
  return startHarness(async (dir) => {
    await importSharedTrade(new DataDir(dir).ensure(), options);
  });
}

/** A GET through the app itself (no browser), which must answer 200: the API's figures a page must show. */
export async function getJson<T>(h: Harness, headers: Record<string, string>, url: string): Promise<T> {
  const res = await h.app.inject({ url, headers });
  expect(res.statusCode, url).toBe(200);
  return res.json() as T;
}

/**
 * A page in a fresh browser context, signed in (an analyst cleared for level 3 unless `session` says otherwise;
 * the API needs a session, docs/security.md). `session: false` gives a signed-out page.
 */
export async function newPage(h: Harness, lang: 'ja' | 'en' = 'en', session: TestSessionOptions | false = {}): Promise<Page> {
  const headers =
    session === false ? null : (await testSession(h.app, { role: 'analyst', level: 3, ...session })).headers;
  return pageSignedInAs(h, lang, headers);
}

/** A page in a fresh browser context carrying the cookies of `headers` (a testSession's), or signed out (null). */
export async function pageSignedInAs(
  h: Harness,
  lang: 'ja' | 'en',
  headers: Record<string, string> | null,
): Promise<Page> {
  const context = await h.browser.newContext({ locale: lang === 'ja' ? 'ja-JP' : 'en-US', viewport: { width: 1280, height: 800 } });
  if (headers) {
    const cookies = headers.cookie.split('; ').map((c) => {
      const [name, ...rest] = c.split('=');
      return { name, value: rest.join('='), url: h.baseUrl, sameSite: 'Strict' as const };
    });
    await context.addCookies(cookies);
  }
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.resolve('test-results', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** A viewer who signs in through the form: 山田 花子 (hanako) of METI, cleared for level 1. */
export const hanako = { username: 'hanako', displayName: '山田 花子', password: 'correct horse battery' };

export async function addHanako(h: Harness): Promise<void> {
  await ensureOrganisation(h.app.services.state, {
    id: 'meti',
    name: '経済産業省 METI',
    kind: 'ministry',
    sharingCap: 3,
  });
  await addUser(h.app.services.state, {
    username: hanako.username,
    displayName: hanako.displayName,
    organisationId: 'meti',
    role: 'viewer',
    clearanceLevel: 1,
    password: hanako.password,
  });
}
