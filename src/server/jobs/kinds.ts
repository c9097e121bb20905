import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import { ChokepointError } from '../../errors.ts';
import { resolveMirror } from '../../config.ts';
import { findManifest, manifests, type DatasetManifest } from '../../data/manifests/index.ts';
import { fetchDataset } from '../../data/fetch/index.ts';
import { generateSyntheticBaci } from '../../data/synth/index.ts';
import { importBaci } from '../../data/importers/index.ts';
import { findTradeDataset, type CatalogEntry } from '../../data/catalog/index.ts';
import { parseThresholds, screenAllToFile } from '../../data/screening/index.ts';
import { assertReadable, datasetMarking, deriveMarking } from '../security/markings.ts';
import { screenServicesOf } from '../screens/screenServices.ts';
import type { JobOutcome, JobProgress } from './runner.ts';

/**
 * The long operations a user can start from the web app (PRODUCT.md §3.1: imports; §3.2: screens of every
 * reporter). Each kind names the roles that may start it and does its work with progress; the outcome's
 * marking is the join of the datasets it read.
 */
export interface FetchJob {
  kind: 'fetch';
  dataset: string;
}
export interface SynthJob {
  kind: 'synth';
  year: number;
  rows: number;
  seed?: number;
}
export interface ScreenAllJob {
  kind: 'screen-all';
  year: number;
  dataset?: string;
  thresholds?: string;
  window?: number;
}
export type JobRequest = FetchJob | SynthJob | ScreenAllJob;

export const jobRoles: Record<JobRequest['kind'], ('administrator' | 'analyst' | 'viewer')[]> = {
  // Datasets change what every user sees: administrators only.
  fetch: ['administrator'],
  synth: ['administrator'],
  'screen-all': ['administrator', 'analyst', 'viewer'],
};

export type JobWork = (progress: JobProgress) => Promise<JobOutcome>;

/**
 * A job ready to run: its work and the marking it starts with, that of the dataset it names (a re-fetch of a
 * marked dataset is marked from the start; the outcome's marking replaces it when the job ends).
 */
export interface PreparedJob {
  marking: Marking;
  work: JobWork;
}

/** Checks what can be checked before the job starts (unknown dataset, no mirror, unreadable input). */
export async function prepareJob(
  app: FastifyInstance,
  request: FastifyRequest,
  job: JobRequest,
  jobId: string,
): Promise<PreparedJob> {
  const { dataDir, catalog } = app.services;
  switch (job.kind) {
    case 'fetch': {
      const mirror = resolveMirror();
      const downloadable = (m: DatasetManifest) => m.files.every((f) => f.url);
      // "all" (Home's "fetch all", as `data fetch all`): every dataset this server can reach.
      const wanted =
        job.dataset === 'all'
          ? manifests.filter((m) => mirror || downloadable(m))
          : [findManifest(job.dataset)];
      if (!mirror && !wanted.every(downloadable)) {
        throw new ChokepointError(
          'bad_input',
          `dataset "${job.dataset}" is available from a mirror only: start the server with CHOKEPOINT_MIRROR set to a folder laid out like ../shared/data`,
          { field: 'dataset' },
        );
      }
      return {
        // A re-fetched dataset keeps its marking, and so does the job that names it.
        marking: deriveMarking(await Promise.all(wanted.map((m) => datasetMarking(app, m.id)))),
        work: async (progress) => {
          const entries: CatalogEntry[] = [];
          for (const [i, manifest] of wanted.entries()) {
            const step = (fraction: number) => (i + fraction) / wanted.length;
            const label = wanted.length > 1 ? `${manifest.id} (${i + 1}/${wanted.length}): ` : '';
            const result = await fetchDataset(manifest, {
              dataDir,
              mirror,
              analytics: app.services.analytics,
              onProgress: (file, done, total) =>
                progress(
                  total > 0 ? step(done / total) : null,
                  `${label}${mirror ? 'copying' : 'downloading'} ${file}`,
                ),
              onFileDone: (file) => progress(null, `${label}importing ${file}`),
            });
            entries.push(...result.entries);
          }
          return {
            result: {
              source: mirror ? 'mirror' : 'download',
              datasets: entries.map((e) => ({ id: e.id, version: e.version, rows: e.rows })),
            },
            marking: deriveMarking(await Promise.all(entries.map((e) => datasetMarking(app, e.id)))),
          };
        },
      };
    }
    case 'synth':
      return {
        marking: publicMarking,
        work: async (progress) => {
          const scratch = dataDir.scratch(`synth-${jobId}`);
          try {
            const out = path.join(scratch, `synthetic-baci-${job.year}.csv`);
            const generated = await generateSyntheticBaci({
              year: job.year,
              rows: job.rows,
              seed: job.seed ?? 1,
              out,
              onProgress: (done) => progress((done / job.rows) * 0.5, 'generating SYNTHETIC flows'),
            });
            const entry = await importBaci({
              dataDir,
              inputs: [out],
              synthetic: true,
              onProgress: (done, total, note) =>
                progress(0.5 + (total ? (done / total) * 0.5 : 0), `importing ${note ?? ''}`.trim()),
            });
            return {
              result: {
                synthetic: true,
                dataset: entry.id,
                version: entry.version,
                rows: generated.rows,
                year: job.year,
                seed: job.seed ?? 1,
              },
              marking: await datasetMarking(app, entry.id),
            };
          } finally {
            fs.rmSync(scratch, { recursive: true, force: true });
          }
        },
      };
    case 'screen-all': {
      const entry = findTradeDataset(catalog, job.dataset, job.year);
      const marking = await datasetMarking(app, entry.id);
      assertReadable(request, marking, 'dataset', { field: 'dataset' });
      const thresholds = parseThresholds(job.thresholds ? job.thresholds.split(',').filter(Boolean) : []);
      return {
        marking: marking,
        work: async (progress) => {
          // screenAllToFile writes the file whole or not at all, so a failed job leaves no half file in exports/.
          const name = `screen-all-${job.year}-${jobId}.csv`;
          const folder = dataDir.absolute(path.join('exports', 'jobs'));
          fs.mkdirSync(folder, { recursive: true });
          const file = path.join(folder, name);
          progress(null, 'screening every reporter (one DuckDB pass)');
          const started = Date.now();
          const out = await screenAllToFile(
            screenServicesOf(app),
            { year: job.year, dataset: entry.id, thresholds, window: job.window },
            file,
            'csv',
          );
          return {
            result: { file: name, seconds: (Date.now() - started) / 1000, provenance: out.provenance },
            file,
            marking,
          };
        },
      };
    }
  }
}
