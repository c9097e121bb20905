import { useTranslation } from 'react-i18next';
import { get } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { useGet } from '../../api/useGet.ts';
import { invalidateReference, loadReference } from '../../reference/reference.ts';
import { useDatasets } from '../../reference/useReference.ts';
import { useSignedIn } from '../auth/signedIn.ts';
import { DatasetTable } from './DatasetTable.tsx';
import { FetchDataset } from './FetchDataset.tsx';
import { NextSteps } from './NextSteps.tsx';
import { RecentJobs } from './RecentJobs.tsx';
import { SynthYear } from './SynthYear.tsx';
import './texts.ts';
import './home.css';

/**
 * The dataset list is requested as soon as this module loads (while the session is still being checked), and the
 * first Home render within a few seconds uses that answer; Home asks again for a copy older than that. A failed
 * early request (e.g. not signed in yet) is made again; a sign-out drops it (src/reference/reference.ts).
 */
const recentMs = 5000;
loadReference('datasets').catch(() => undefined);

/**
 * Home: the datasets present (only those the user may read) with provenance, a SYNTHETIC banner when any is
 * synthetic, what to do next, and for administrators fetching or generating data as jobs with progress.
 */
export function Home() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const canManage = me?.role === 'administrator';
  const datasetList = useDatasets(recentMs);
  const datasets = datasetList.data?.items ?? null;
  const jobList = useGet('GET /api/jobs', { query: { limit: 10 } });
  const jobs = jobList.data?.items ?? [];
  const manifestList = useApi(canManage ? 'manifests' : null, (signal) =>
    get('GET /api/dataset-manifests', { signal }),
  );
  const manifests = manifestList.data;
  const error = datasetList.error?.message ?? manifestList.error?.message ?? null;
  /** A job imported or fetched a dataset: every page's reference lists load again, and this page's jobs. */
  const refresh = () => {
    invalidateReference();
    jobList.reload();
    manifestList.reload();
  };

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
