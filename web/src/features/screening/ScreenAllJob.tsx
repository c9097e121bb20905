import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post, apiErrorMessage } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { formatShare } from '../../format/numbers.ts';
import type { Job } from './types.ts';
import { jobStageText } from '../../format/jobStage.ts';
import { ExportsInUsd } from '../../format/CurrencyNote.tsx';
import { apiUrl } from '../../api/client.ts';

/**
 * "Screen every reporter": starts a screen-all job with the current thresholds, polls it and shows its progress
 * (a bar when the fraction is known, an indeterminate bar with elapsed time and stage otherwise), then offers the CSV.
 */
export function ScreenAllJob({ year, thresholds }: { year: number; thresholds: string }) {
  const { t, i18n } = useTranslation();
  // The job started here (as POST /api/jobs answered), then as each poll finds it.
  const [started, setStarted] = useState<{ job: Job; at: number } | null>(null);
  const polled = useApi(started && `job:${started.job.id}`, (signal) =>
    get('GET /api/jobs/{id}', { path: { id: started!.job.id }, signal }),
  );
  const job = polled.data?.id === started?.job.id ? polled.data : (started?.job ?? null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const error = startError ?? polled.error?.message ?? null;
  const [now, setNow] = useState(() => Date.now());
  const active = job !== null && (job.status === 'queued' || job.status === 'running');

  const { reload } = polled;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      reload();
    }, 1000);
    return () => clearInterval(timer);
  }, [active, reload]);

  const start = async () => {
    setStarting(true);
    setStartError(null);
    const at = Date.now();
    setNow(at);
    try {
      const created = await post('POST /api/jobs', {
        body: { kind: 'screen-all', year, ...(thresholds ? { thresholds } : {}) },
      });
      setStarted({ job: created, at });
    } catch (e) {
      setStartError((e as Error).message);
    } finally {
      setStarting(false);
    }
  };

  const seconds = Math.max(0, Math.round((now - (started?.at ?? now)) / 1000));
  return (
    <section className="screen-all" aria-labelledby="screen-all-heading">
      <h3 id="screen-all-heading">{t('screening.screenAll')}</h3>
      <p>{t('screening.screenAllHelp', { year })}</p>
      <button type="button" onClick={() => void start()} disabled={starting || active}>
        {t('screening.screenAll')}
      </button>
      <div aria-live="polite" role="status" className="job-status" data-testid="screen-all-status">
        {starting && <p>{t('screening.jobStarting')}</p>}
        {active && (
          <>
            {job.progress !== null ? (
              <progress max={1} value={job.progress} aria-label={t('screening.jobProgress')}>
                {formatShare(job.progress, i18n.language)}
              </progress>
            ) : (
              <progress aria-label={t('screening.jobProgress')} />
            )}{' '}
            {job.progress !== null && formatShare(job.progress, i18n.language)}{' '}
            <span>
              {job.status === 'queued'
                ? t('screening.jobQueued')
                : t('screening.jobRunning', { stage: jobStageText(job.stage, i18n.language) || '…' })}
            </span>{' '}
            <span className="elapsed">{t('screening.jobElapsed', { seconds })}</span>
          </>
        )}
        {job?.status === 'done' && (
          <p>
            {t('screening.jobDone')} <MarkingBadge marking={job.marking} />{' '}
            {job.hasFile && (
              <a
                href={apiUrl('GET /api/jobs/{id}/download', { path: { id: job.id } })}
                download
                data-testid="screen-all-download"
              >
                {t('screening.jobDownload')}
              </a>
            )}
            {job.hasFile && <ExportsInUsd />}
          </p>
        )}
        {job?.status === 'failed' && (
          <p role="alert">
            {t('screening.jobFailed', { message: job.error ? apiErrorMessage(job.error) : '' })}
          </p>
        )}
        {error && <p role="alert">{t('screening.jobFailed', { message: error })}</p>}
      </div>
    </section>
  );
}
