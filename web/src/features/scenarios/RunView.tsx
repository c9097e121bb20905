import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatShare } from '../../format/numbers.ts';
import { RunResults } from './RunResults.tsx';
import type { ScenarioRun } from './types.ts';

/** Polls a run until it is done or failed, showing its progress (aria-live), then its results. */
export function RunView({ runId, onFinished }: { runId: string; onFinished?: (run: ScenarioRun) => void }) {
  const { t, i18n } = useTranslation();
  const [run, setRun] = useState<ScenarioRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setRun(null);
    setError(null);
    const poll = async () => {
      try {
        const r = await api<ScenarioRun>(`/scenario-runs/${encodeURIComponent(runId)}`);
        if (stopped) return;
        setRun(r);
        if (r.status === 'queued' || r.status === 'running') timer = setTimeout(() => void poll(), 400);
        else finished.current?.(r);
      } catch (e) {
        if (!stopped) setError((e as Error).message);
      }
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [runId]);
  if (error) return <p role="alert">{t('error.load', { message: error })}</p>;
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
                  message: `${run.error?.place?.field ? `${run.error.place.field}: ` : ''}${run.error?.message ?? ''}`,
                })}
        </span>
      </div>
      {run?.status === 'done' && run.result && <RunResults run={run} />}
    </div>
  );
}
