import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { href } from '../../router/router.ts';
import { ApiErrorText } from './ApiErrorText.tsx';
import type { SessionState } from './liveState.ts';
import type { LiveAnswer } from './useLiveSession.ts';

/**
 * The facilitator's clock over the live socket: start or resume, pause, advance simulated time (the injects due
 * fire), end; once decisions are in, re-run the scenario with them and compare with the original run.
 */
export function FacilitatorConsole({
  exerciseId,
  sessionId,
  baselineRunId,
  state,
  send,
}: {
  exerciseId: string;
  sessionId: string;
  baselineRunId: string | null;
  state: SessionState | null;
  send: (frame: Record<string, unknown>) => Promise<LiveAnswer>;
}) {
  const { t } = useTranslation();
  const [by, setBy] = useState('1');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [rerun, setRerun] = useState<{ runId: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const act = async (frame: Record<string, unknown>) => {
    setBusy(true);
    setMessage(null);
    const answer = await send({ type: 'action', ...frame });
    setBusy(false);
    if (!answer.ok) setMessage(`${answer.message}${answer.field ? ` (${answer.field})` : ''}`);
  };
  const runAgain = async () => {
    setError(null);
    try {
      const outcome = await post('POST /api/exercises/{id}/outcomes', {
        path: { id: exerciseId },
        body: { sessionId },
      });
      setRerun({ runId: outcome.runId });
    } catch (err) {
      setError(err);
    }
  };

  const running = state === 'running';
  const ended = state === 'ended';
  return (
    <section className="console form-box" aria-label={t('exercises.roles.facilitator')}>
      <button type="button" disabled={busy || running || ended} onClick={() => void act({ action: 'start' })}>
        {state === 'paused' ? t('exercises.live.resume') : t('exercises.live.start')}
      </button>{' '}
      <button type="button" disabled={busy || !running} onClick={() => void act({ action: 'pause' })}>
        {t('exercises.live.pause')}
      </button>{' '}
      <label htmlFor="fc-by">{t('exercises.live.advanceBy')}</label>{' '}
      <input id="fc-by" inputMode="decimal" value={by} onChange={(e) => setBy(e.target.value)} size={4} />{' '}
      <button
        type="button"
        disabled={busy || !running}
        onClick={() => void act({ action: 'advance', by: Number(by) })}
      >
        {t('exercises.live.advance')}
      </button>{' '}
      <button type="button" disabled={busy || ended} onClick={() => void act({ action: 'end' })}>
        {t('exercises.live.end')}
      </button>
      {message && (
        <p role="alert" className="field-error">
          {message}
        </p>
      )}
      {baselineRunId && (
        <p>
          <button type="button" onClick={() => void runAgain()}>
            {t('exercises.live.rerun')}
          </button>{' '}
          {rerun && (
            <>
              <span role="status">{t('exercises.live.rerunStarted')}</span>{' '}
              <a href={href(['scenarios', 'compare'], { runs: `${baselineRunId},${rerun.runId}` })}>
                {t('exercises.live.compare')}
              </a>
            </>
          )}
        </p>
      )}
      <ApiErrorText error={error} />
    </section>
  );
}
