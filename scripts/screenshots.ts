/**
 * Small PNGs of the main screens for the README (docs/screenshots/*.png, 1024×640, each ≤ 150 kB), taken in
 * Debian's headless Chromium from a server over real public data (../shared/data). A map-heavy screen over the
 * limit is reduced to a 256-colour palette with Debian's pngquant (apt-get install pngquant) when it is there.
 * Build the app first:
 *   flock /tmp/chokepoint-web.lock sh -c 'npx vite build && npx tsx scripts/screenshots.ts'
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startHarness } from '../test/e2e/harness.ts';
import { testSession } from '../test/helpers/auth.ts';
import { importSharedTechnology, importSharedTrade } from '../test/helpers/sharedTrade.ts';
import { DataDir } from '../src/data/catalog/dataDir.ts';
import { Catalog } from '../src/data/catalog/catalog.ts';
import { openDuckDb } from '../src/data/analytics/duckdb.ts';

const out = path.resolve('docs', 'screenshots');
const maxBytes = 150 * 1024;
const shots: { name: string; url: string; ready: string; lang: 'en' | 'ja' }[] = [
  { name: 'home', url: '/', ready: '[data-testid="datasets"]', lang: 'en' },
  {
    name: 'screening',
    url: '/#/screen?reporter=JPN&year=2024',
    ready: '[data-testid="screen-table"]',
    lang: 'en',
  },
  {
    name: 'product-dossier',
    url: '/#/product/811292?reporter=JPN&year=2024',
    ready: '[data-testid="top-share"]',
    lang: 'en',
  },
  { name: 'chokepoints', url: '/#/chokepoints', ready: 'svg path', lang: 'en' },
  { name: 'zones', url: '/#/zones', ready: 'table', lang: 'ja' },
];

const h = await startHarness(async (dir) => {
  const dataDir = new DataDir(dir).ensure();
  const catalog = new Catalog(dataDir);
  await importSharedTrade(dataDir, { labels: true, minerals: true, seaNetwork: true });
  const analytics = await openDuckDb();

  await importSharedTechnology({ dataDir, catalog, analytics });
  await analytics.close();
});
let failed = false;
try {
  fs.mkdirSync(out, { recursive: true });
  const { headers } = await testSession(h.app, { role: 'analyst', level: 3 });
  const cookies = headers.cookie.split('; ').map((c) => {
    const [name, ...rest] = c.split('=');
    return { name, value: rest.join('='), url: h.baseUrl, sameSite: 'Strict' as const };
  });
  for (const shot of shots) {
    const context = await h.browser.newContext({
      locale: shot.lang === 'ja' ? 'ja-JP' : 'en-US',
      viewport: { width: 1024, height: 640 },
    });
    await context.addCookies(cookies);
    await context.addInitScript((lang) => localStorage.setItem('chokepoint.lang', lang), shot.lang);
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}${shot.url}`);
    try {
      await page.locator(shot.ready).first().waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(800); // charts finish their entry animation
      const file = path.join(out, `${shot.name}.png`);
      await page.screenshot({ path: file });
      if (fs.statSync(file).size > maxBytes) {
        spawnSync('pngquant', ['--quality', '60-90', '--force', '--output', file, file], {
          stdio: 'inherit',
        });
      }
      const bytes = fs.statSync(file).size;
      process.stdout.write(
        `${shot.name}.png ${Math.round(bytes / 1024)} kB${bytes > maxBytes ? ' (over 150 kB)' : ''}\n`,
      );
      if (bytes > maxBytes) failed = true;
    } catch (error) {
      process.stdout.write(`${shot.name}: not taken (${(error as Error).message.split('\n')[0]})\n`);
      failed = true;
    }
    await context.close();
  }
} finally {
  await h.close();
}
process.exitCode = failed ? 1 : 0;
