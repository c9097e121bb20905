import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { JobProgress } from './JobProgress.tsx';
import { useJob } from './useJob.ts';
import type { DatasetManifest } from './types.ts';

/** Administrators: fetch a dataset from the server's mirror (or its publisher) as a job with progress. */
export function FetchDataset({
  manifests,
  mirror,
  onDone,
}: {
  manifests: DatasetManifest[];
  mirror: boolean;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [dataset, setDataset] = useState(manifests[0]?.id ?? '');
  const { job, error, busy, start } = useJob(onDone);
  const size = new Intl.NumberFormat(i18n.language, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start({ kind: 'fetch', dataset });
  };
  const chosen = manifests.find((m) => m.id === dataset);
  // What "fetch all" takes: without a mirror, only datasets with a download address (the server decides the same).
  const reachable = manifests.filter((m) => m.fetchable);
  return (
    <form className="data-job" onSubmit={submit} aria-labelledby="fetch-heading">
      <h3 id="fetch-heading">{t('home.fetch.title')}</h3>
      {!mirror && <p className="note">{t('home.fetch.noMirror')}</p>}
      <label>
        {t('home.fetch.dataset')}{' '}
        <select
          name="dataset"
          value={dataset}
          onChange={(e) => setDataset(e.target.value)}
          aria-invalid={error?.place.field === 'dataset' || undefined}
          aria-describedby="fetch-error"
        >
          {manifests.map((m) => (
            <option key={m.id} value={m.id}>
              {i18n.language === 'ja' ? m.titleJa : m.title} ({m.id})
              {m.present ? ` — ${t('home.fetch.present')}` : ''}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="submit" disabled={busy || !dataset}>
        {t('home.fetch.button')}
      </button>{' '}
      <button
        type="button"
        disabled={busy || reachable.length === 0}
        onClick={() => start({ kind: 'fetch', dataset: 'all' })}
      >
        {t('home.fetch.all')}
      </button>
      <p className="note">
        {t('home.fetch.allHelp', {
          count: reachable.length,
          size: size.format(reachable.reduce((sum, m) => sum + m.bytes, 0) / 1e6),
        })}
      </p>
      {chosen && (
        <p className="note">
          {chosen.publisher} · {chosen.version} · {chosen.licence} ·{' '}
          {t('home.fetch.size', { files: chosen.files, size: size.format(chosen.bytes / 1e6) })}
        </p>
      )}
      <p id="fetch-error" role="alert" className="error">
        {error?.message}
      </p>
      <JobProgress job={job} />
    </form>
  );
}
