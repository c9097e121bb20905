import { vi } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Role } from '../../src/data/security/roles.ts';
import { testSession } from '../helpers/auth.ts';
import { tempDir } from '../helpers/tmp.ts';

/** The app on a loopback port over an empty data directory, and sessions on it. */
export interface LoopbackServer {
  base: string;
  session(role: Role): Promise<{ cookie: string; csrf: string }>;
  close(): Promise<void>;
}

export async function loopbackServer(): Promise<LoopbackServer> {
  const app = await buildApp({ dataDir: tempDir(), webDir: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return {
    base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    async session(role) {
      const { headers } = await testSession(app, { role });
      return { cookie: headers.cookie, csrf: headers['x-csrf-token'] };
    },
    close: () => app.close(),
  };
}

/**
 * The browser's part for the web app's modules under Node: `fetch` resolves the app's relative URLs against the
 * server and sends the session cookie (what `credentials: 'same-origin'` does), `document.cookie` holds the CSRF
 * cookie the client echoes. Returns the URLs fetched, in order. Undo with `vi.unstubAllGlobals()`.
 */
export function browserAt(base: string, cookie: string | null, csrf: string | null): string[] {
  const realFetch = globalThis.fetch;
  const fetched: string[] = [];
  vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) => {
    fetched.push(input);
    return realFetch(new URL(input, base), {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
  });
  vi.stubGlobal('document', { cookie: csrf ? `lang=ja; chokepoint_csrf=${csrf}` : '' });
  return fetched;
}
