import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { fetchDataset } from '../../src/data/fetch/fetchDataset.ts';
import { findManifest } from '../../src/data/manifests/index.ts';
import { testSession } from '../helpers/auth.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';

/** An API server over a fresh data folder holding these datasets, fetched from the shared mirror. */
export async function appWithDatasets(state: StateDb, datasets: readonly string[]): Promise<App> {
  const root = tempDir();
  const dataDir = new DataDir(root);
  for (const id of datasets) await fetchDataset(findManifest(id), { dataDir, mirror: sharedData });
  return buildApp({ dataDir: root, webDir: false, state });
}

/** The headers of an analyst (level 1) of a company, the exporter that export-control records belong to. */
export async function companyAnalyst(app: App, organisation: string): Promise<Record<string, string>> {
  return (await testSession(app, { role: 'analyst', level: 1, organisation, organisationKind: 'company' }))
    .headers;
}
