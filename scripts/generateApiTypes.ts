/**
 * Writes web/src/api/schema.ts, the web app's response types, from the server's OpenAPI document. The app is
 * built in-process (temporary data directory, in-memory PGlite, no port); nothing else is read.
 *   npm run generate:api-types
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../src/server/app.ts';
import { openStateDb } from '../src/data/state/db.ts';
import { apiTypesSource, schemaFile } from './apiTypes.ts';

/** The OpenAPI document GET /openapi.json serves, from an app with an empty temporary data directory. */
export async function openApiDocument(): Promise<Parameters<typeof apiTypesSource>[0]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chokepoint-openapi-'));
  const state = await openStateDb({});
  try {
    const app = await buildApp({ dataDir, state, webDir: false });
    try {
      await app.ready();
      return JSON.parse(JSON.stringify(app.swagger()));
    } finally {
      await app.close();
    }
  } finally {
    await state.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const source = await apiTypesSource(await openApiDocument());
  fs.writeFileSync(schemaFile, source);
  console.log(`wrote ${path.relative(process.cwd(), schemaFile)} (${source.split('\n').length} lines)`);
}
