import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserAt, loopbackServer, type LoopbackServer } from './browserFetch.ts';
import { setSignedIn } from '../../web/src/features/auth/signedIn.ts';
import type { Me } from '../../web/src/features/auth/signedIn.ts';
import {
  invalidateReference,
  loadReference,
  onReferenceChange,
  referenceGeneration,
} from '../../web/src/reference/reference.ts';
import { byName, currentCountries, namer } from '../../web/src/reference/names.ts';

/** The session's reference lists (web/src/reference/reference.ts) against a real server on a loopback port. */
let server: LoopbackServer;
let analyst: { cookie: string; csrf: string };
const user = (id: string) => ({ id }) as Me;

beforeAll(async () => {
  server = await loopbackServer();
  analyst = await server.session('analyst');
});
afterAll(async () => server?.close());
beforeEach(() => invalidateReference());
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('reference cache', () => {
  it('fetches a list once per session and shares it', async () => {
    const fetched = browserAt(server.base, analyst.cookie, analyst.csrf);
    const [a, b] = await Promise.all([loadReference('countries'), loadReference('countries')]);
    const c = await loadReference('countries');
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(a.find((x) => x.iso3 === 'JPN')).toMatchObject({ en: 'Japan', ja: '日本' });
    expect(fetched).toEqual(['/api/countries']);
  });

  it('keeps no failed request: the next call asks again', async () => {
    const anonymous = browserAt(server.base, null, null);
    await expect(loadReference('datasets')).rejects.toMatchObject({ status: 401 });
    expect(anonymous).toEqual(['/api/datasets']);
    vi.unstubAllGlobals();
    const signedIn = browserAt(server.base, analyst.cookie, analyst.csrf);
    expect(await loadReference('datasets')).toEqual({ items: [], total: 0, defaultTradeDataset: null });
    expect(signedIn).toEqual(['/api/datasets']);
  });

  it('asks again for a copy older than a page allows, and after an invalidation, which it announces', async () => {
    const fetched = browserAt(server.base, analyst.cookie, analyst.csrf);
    await loadReference('datasets');
    await loadReference('datasets', 60_000);
    expect(fetched).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 5));
    await loadReference('datasets', 1);
    expect(fetched).toHaveLength(2);

    const heard: number[] = [];
    const stop = onReferenceChange(() => heard.push(referenceGeneration()));
    const before = referenceGeneration();
    invalidateReference('datasets');
    await loadReference('datasets');
    await loadReference('countries');
    await loadReference('countries');
    stop();
    expect(heard).toEqual([before + 1]);
    expect(fetched).toEqual(['/api/datasets', '/api/datasets', '/api/datasets', '/api/countries']);
  });

  it("drops the lists when the user signs out or another signs in, never to show one user's lists to the next", async () => {
    const before = referenceGeneration();
    setSignedIn(user('a')); // the first sign-in keeps what was loaded while the session was checked
    expect(referenceGeneration()).toBe(before);
    setSignedIn(user('a'));
    expect(referenceGeneration()).toBe(before);
    setSignedIn(user('b'));
    expect(referenceGeneration()).toBe(before + 1);
    setSignedIn(null);
    expect(referenceGeneration()).toBe(before + 2);
    setSignedIn(user('b'));
    expect(referenceGeneration()).toBe(before + 2);
  });
});

describe('names of countries and groups', () => {
  const countries = [
    { iso3: 'JPN', en: 'Japan', ja: '日本', kind: 'country' },
    { iso3: 'AUS', en: 'Australia', ja: 'オーストラリア', kind: 'country' },
    { iso3: 'SCG', en: 'Serbia and Montenegro', ja: 'セルビア・モンテネグロ', kind: 'historical' },
  ];
  const groups = [{ id: 'EU27', en: 'European Union (27)', ja: 'EU27' }];

  it('names codes in the language, the code itself when unknown', () => {
    const ja = namer(countries, groups, 'ja');
    expect(['JPN', 'EU27', 'SCG', 'XXX'].map(ja)).toEqual(['日本', 'EU27', 'セルビア・モンテネグロ', 'XXX']);
    expect(namer(countries, groups, 'en')('AUS')).toBe('Australia');
  });

  it('offers the countries that still exist, by name in the language', () => {
    expect(currentCountries(countries, 'en').map((c) => c.iso3)).toEqual(['AUS', 'JPN']);
    // Japanese collation: katakana オ before the kanji 日.
    expect(currentCountries(countries, 'ja').map((c) => c.iso3)).toEqual(['AUS', 'JPN']);
    expect(
      [...groups, { id: 'G7', en: 'Group of Seven', ja: 'G7' }].sort(byName('en')).map((g) => g.id),
    ).toEqual(['EU27', 'G7']);
  });
});
