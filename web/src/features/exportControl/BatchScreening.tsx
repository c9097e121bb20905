import { useState, type FormEvent } from 'react';
import { CaseLink } from './KeepAsCase.tsx';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useFormError } from '../../components/formErrors.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { useJobWatch } from './useJobWatch.ts';

/**
 * A counterparty CSV (columns name, and optionally id, country, identifiers) screened as a job with progress; its
 * result is a batch-screening case. Every row is checked before the job starts: a bad row names its line.
 */
export function BatchScreening() {
  const { t, i18n } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const error = useFormError([]);
  const job = useJobWatch(jobId);
  const current = job.data?.id === jobId ? job.data : null;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return;
    error.clear();
    setBusy(true);
    file
      .text()
      .then((csv) =>
        post('POST /api/export-control/screenings/batch', {
          body: { csv, fileName: file.name, threshold: Number(data.get('threshold')) || undefined },
        }),
      )
      .then((started) => setJobId(started.id))
      .catch(error.set)
      .finally(() => setBusy(false));
  };
  const caseId = current?.result?.caseId;
  return (
    <section aria-labelledby="ec-batch-heading" className="ec-batch">
      <h3 id="ec-batch-heading">{t('ec.batch.title')}</h3>
      <p>{t('ec.batch.intro')}</p>
      <form onSubmit={submit} aria-label={t('ec.batch.title')} className="form-row">
        <label>
          {t('ec.batch.file')}
          <input type="file" name="file" accept=".csv,text/csv" required />
        </label>
        <label>
          {t('ec.screen.threshold')}
          <input name="threshold" type="number" min={0.05} max={1} step={0.05} defaultValue={0.7} />
        </label>
        <button type="submit" disabled={busy || current?.status === 'running'}>
          {t('ec.batch.run')}
        </button>
      </form>
      {error.general && (
        <p role="alert" className="error">
          {error.general}
        </p>
      )}
      {current && (
        <div aria-live="polite" data-testid="ec-batch-job">
          <MarkingBadge marking={current.marking} />{' '}
          {(current.status === 'queued' || current.status === 'running') && (
            <>
              <progress
                aria-label={t('ec.batch.progress')}
                max={1}
                {...(current.progress === null ? {} : { value: current.progress })}
              />{' '}
              {current.progress !== null && percent.format(current.progress)}
            </>
          )}
          {current.status === 'done' && (
            <p role="status">
              {t('ec.batch.done', {
                parties: Number(current.result?.parties ?? 0),
                withMatches: Number(current.result?.withMatches ?? 0),
              })}{' '}
              {typeof caseId === 'string' && <CaseLink id={caseId} />}
            </p>
          )}
          {current.status === 'failed' && (
            <p role="alert" className="error">
              {current.error?.message}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
