import { apiErrorMessage } from '../../api/client.ts';
import { useTranslation } from 'react-i18next';
import type { Job } from './types.ts';
import { jobStageText } from '../../format/jobStage.ts';

/** A running job's progress bar (indeterminate while the progress is unknown) and its outcome, announced politely. */
export function JobProgress({ job }: { job: Job | null }) {
  const { t, i18n } = useTranslation();
  if (!job) return null;
  const kind = t(`home.job.kinds.${job.kind}`);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  return (
    <div className="job-progress" aria-live="polite" data-testid={`job-${job.kind}`}>
      {(job.status === 'queued' || job.status === 'running') && (
        <>
          <progress
            aria-label={`${t('home.job.progress')}: ${kind}`}
            max={1}
            {...(job.progress === null ? {} : { value: job.progress })}
          />{' '}
          <span>
            {job.progress === null ? t('home.job.unknown') : percent.format(job.progress)}{' '}
            {jobStageText(job.stage, i18n.language)}
          </span>
        </>
      )}
      {job.status === 'done' && <p role="status">{t('home.job.done', { kind })}</p>}
      {job.status === 'failed' && (
        <p role="alert" className="error">
          {t('home.job.failed', { message: job.error ? apiErrorMessage(job.error) : '' })}
        </p>
      )}
    </div>
  );
}
