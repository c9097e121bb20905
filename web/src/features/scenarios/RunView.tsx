import { useEffect, useEffectEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { formatShare } from '../../format/numbers.ts';
import { RunResults } from './RunResults.tsx';
import { ShareButton } from '../sharing/ShareButton.tsx';
import { runErrorField, type ScenarioRun } from './types.ts';

/** Polls a run until it is done or failed, showing its progress (aria-live), then its results. */
export function RunView({ runId, onFinished }: { runId: string; onFinished?: (run: ScenarioRun) => void }) {
  const { t, i18n } = useTranslation();
  const polled = useGet('GET /api/scenario-runs/{id}', { path: { id: runId } });
  // Nothing of another run is shown while this one's first answer is on its way.
  const run = polled.data?.id === runId ? polled.data : null;
  const status = polled.loading ? undefined : run?.status;
  const finished = useEffectEvent((r: ScenarioRun) => onFinished?.(r));
  const { reload } = polled;
  useEffect(() => {
    if (!run || status === undefined) return;
    if (status !== 'queued' && status !== 'running') {
      finished(run);
      return;
    }
    const timer = setTimeout(reload, 400);
    return () => clearTimeout(timer);
    // A new answer (its status, or the same status again) schedules the next poll.
  }, [run, status, reload]);
  if (polled.error) return <p role="alert">{t('error.load', { message: polled.error.message })}</p>;
  const active = !run || run.status === 'queued' || run.status === 'running';
  return (
    <div className="run-view">
      <div className="run-progress">
        <label htmlFor="run-progress">{t('scenarios.progress')}</label>{' '}
        <progress id="run-progress" max={1} value={run?.progress ?? 0} />{' '}
        <span role="status" aria-live="polite" data-testid="run-status" data-status={run?.status ?? 'queued'}>
          {active
            ? t('scenarios.progressText', { pct: formatShare(run?.progress ?? 0, i18n.language) })
            : run.status === 'done'
              ? t('scenarios.runDone')
              : t('scenarios.runFailed', {
                  message: `${runErrorField(run.error) ? `${runErrorField(run.error)}: ` : ''}${run.error ? apiErrorMessage(run.error) : ''}`,
                })}
        </span>
      </div>
      {run?.status === 'done' && run.result && (
        <>
          <ShareButton kind="scenario-run" source={{ run: run.id }} title={run.result.name} />
          <RunResults run={run} />
        </>
      )}
    </div>
  );
}
