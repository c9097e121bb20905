import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { currentSignedIn, onSignedInChange, useSignedIn } from '../auth/signedIn.ts';
import { DatasetTable } from './DatasetTable.tsx';
import { FetchDataset } from './FetchDataset.tsx';
import { NextSteps } from './NextSteps.tsx';
import { RecentJobs } from './RecentJobs.tsx';
import { SynthYear } from './SynthYear.tsx';
import type { Dataset, DatasetManifest, Job } from './types.ts';
import './texts.ts';
import './home.css';

/**
 * The dataset list is requested as soon as this module loads (while the session is still being checked), and the
 * first Home render within a few seconds uses that answer; a failed early request (e.g. not signed in yet) is
 * made again. A sign-out drops it, so it can never show one user's list to the next.
 */
let earlyDatasets: Promise<{ items: Dataset[] }> | null = api<{ items: Dataset[] }>('/datasets');
earlyDatasets.catch(() => undefined);
const earlyAt = Date.now();
const stopWatching = onSignedInChange(() => {
  if (currentSignedIn() !== null) return;
  earlyDatasets = null;
  stopWatching();
});

function loadDatasets(): Promise<{ items: Dataset[] }> {
  const early = Date.now() - earlyAt < 5000 ? earlyDatasets : null;
  earlyDatasets = null;
  const fresh = () => api<{ items: Dataset[] }>('/datasets');
  return early ? early.catch(fresh) : fresh();
}

/**
 * Home: the datasets present (only those the user may read) with provenance, a SYNTHETIC banner when any is
 * synthetic, what to do next, and for administrators fetching or generating data as jobs with progress.
 */
export function Home() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const canManage = me?.role === 'administrator';
  const [datasets, setDatasets] = useState<Dataset[] | null>(null);
  const [manifests, setManifests] = useState<{ mirror: boolean; items: DatasetManifest[] } | null>(null);
  const [jobs, setJobs] = useState<Job[]>([]);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    loadDatasets()
      .then((r) => setDatasets(r.items))
      .catch((e: Error) => setError(e.message));
    api<{ items: Job[] }>('/jobs?limit=10')
      .then((r) => setJobs(r.items))
      .catch(() => setJobs([]));
    if (canManage)
      api<{ mirror: boolean; items: DatasetManifest[] }>('/dataset-manifests')
        .then(setManifests)
        .catch((e: Error) => setError(e.message));
  }, [canManage]);
  useEffect(refresh, [refresh]);

  return (
    <div className="home">
      {datasets?.some((d) => d.synthetic) && (
        <p className="banner synthetic" role="status">
          {t('home.synthetic')}
        </p>
      )}
      <section aria-labelledby="datasets-heading">
        <h2 id="datasets-heading">{t('home.title')}</h2>
        {error && <p role="alert">{t('error.load', { message: error })}</p>}
        {datasets === null && !error && <p role="status">{t('app.loading')}</p>}
        {datasets && datasets.length === 0 && <p data-testid="no-datasets">{t('home.empty')}</p>}
        {datasets && datasets.length > 0 && <DatasetTable datasets={datasets} />}
      </section>
      {datasets && <NextSteps datasets={datasets} canManage={canManage} />}
      {canManage && manifests && (
        <section className="data-jobs">
          <FetchDataset manifests={manifests.items} mirror={manifests.mirror} onDone={refresh} />
          <SynthYear onDone={refresh} />
        </section>
      )}
      <RecentJobs jobs={jobs} />
    </div>
  );
}
