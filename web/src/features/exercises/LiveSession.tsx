import { useTranslation } from 'react-i18next';
import { useGet, useGetWhen } from '../../api/useGet.ts';
import { href } from '../../router/router.ts';
import { lang } from './bilingual.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { FacilitatorConsole } from './FacilitatorConsole.tsx';
import { InjectCard } from './InjectCard.tsx';
import { QuestionnaireForm } from './QuestionnaireForm.tsx';
import { ScoreForms } from './ScoreForms.tsx';
import { decisionsOn, type EventView, type LiveState } from './liveState.ts';
import { teamName } from './teams.ts';
import { useLiveSession } from './useLiveSession.ts';

/**
 * The live session (docs/exercises.md § Live session): everything arrives over the WebSocket, as this viewer may
 * see it; a reload replays the log, so the page shows everything again. The facilitator has the clock, players
 * answer the injects of their team with decisions, evaluators score the expectations.
 */
export function LiveSession({ exerciseId, sessionId }: { exerciseId: string; sessionId: string }) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const { state, connection, send } = useLiveSession(sessionId);
  const exercise = useGet('GET /api/exercises/{id}', { path: { id: exerciseId } });
  const you = state.welcome?.you ?? null;
  const evaluates = you?.role === 'evaluator' || you?.role === 'facilitator';
  const scores = useGetWhen(evaluates, 'GET /api/exercise-sessions/{id}/scores', { path: { id: sessionId } });
  const teams = state.welcome?.exercise.teams ?? [];
  const unit = t(`exercises.designer.timeUnits.${state.welcome?.exercise.timeUnit ?? 'month'}`);

  const timeline = visibleEvents(state);
  return (
    <article
      className="live-session"
      data-testid="live-session"
      data-connection={connection}
      data-synced={state.synced}
    >
      <p>
        <a href={href(['exercises', exerciseId])}>{exercise.data?.design.title[l] ?? t('exercises.back')}</a>
      </p>
      <h3>
        {t('exercises.live.heading')}
        {state.welcome && `: ${state.welcome.exercise.title[l]}`}
      </h3>
      <p role="status" className={`connection connection-${connection}`} data-testid="connection">
        {t(`exercises.live.connection.${connection}`)}
      </p>
      {you && (
        <p data-testid="your-part">
          {you.team
            ? t('exercises.yourTeamPart', {
                role: t(`exercises.roles.${you.role}`),
                team: teamName(teams, you.team, l),
              })
            : t('exercises.yourPart', { role: t(`exercises.roles.${you.role}`) })}
        </p>
      )}
      {state.state && (
        <p className="clock">
          <span data-testid="session-state">
            {t('exercises.live.state', { state: t(`exercises.states.${state.state}`) })}
          </span>
          {' · '}
          <span data-testid="sim-time">{t('exercises.live.clock', { time: state.simTime, unit })}</span>
        </p>
      )}
      {you?.role === 'facilitator' && (
        <FacilitatorConsole
          exerciseId={exerciseId}
          sessionId={sessionId}
          baselineRunId={exercise.data?.baselineRunId ?? null}
          state={state.state}
          send={send}
        />
      )}
      <section aria-labelledby="timeline-heading">
        <h4 id="timeline-heading">{t('exercises.live.timeline')}</h4>
        {state.synced && timeline.length === 0 && <p>{t('exercises.live.empty')}</p>}
        <ol className="timeline" data-testid="timeline">
          {timeline.map((e) => (
            <li key={e.seq} data-seq={e.seq} data-kind={e.kind}>
              {e.kind === 'state' && (
                <p className="note">
                  {t('exercises.live.stateEvent', { state: t(`exercises.states.${e.state}`) })} ({e.simTime}{' '}
                  {unit})
                </p>
              )}
              {e.kind === 'withheld' && (
                <p className="withheld" data-testid="withheld" data-inject={e.injectId}>
                  {t('exercises.live.withheld', {
                    team: teamName(teams, e.team, l, t('exercises.designer.allTeams')),
                    at: `${e.at} ${unit}`,
                  })}
                </p>
              )}
              {e.kind === 'skipped' && (
                <p className="note">{t('exercises.live.skipped', { id: e.injectId })}</p>
              )}
              {e.kind === 'inject' && (
                <InjectCard inject={e.inject} teams={teams} decisions={decisionsOn(state, e.inject.id)}>
                  {you?.role === 'player' && state.state !== 'ended' && (
                    <details className="decide">
                      <summary>{t('exercises.decision.heading', { title: e.inject.title[l] })}</summary>
                      <DecisionForm injectId={e.inject.id} title={e.inject.title[l]} send={send} />
                    </details>
                  )}
                  {evaluates && (
                    <ScoreForms
                      sessionId={sessionId}
                      inject={e.inject}
                      scores={scores.data?.items ?? []}
                      onSaved={scores.reload}
                    />
                  )}
                </InjectCard>
              )}
            </li>
          ))}
        </ol>
      </section>
      {state.state === 'ended' && you && exercise.data && (
        <QuestionnaireForm sessionId={sessionId} questionnaire={exercise.data.design.questionnaire} />
      )}
    </article>
  );
}

/**
 * The events shown in the timeline: decisions appear under their inject; of the state events only changes
 * (every advance also says "running", with the new time).
 */
function visibleEvents(state: LiveState): EventView[] {
  let previous: string | null = null;
  return state.events.filter((e) => {
    if (e.kind === 'decision') return false;
    if (e.kind !== 'state') return true;
    const changed = e.state !== previous;
    previous = e.state;
    return changed;
  });
}
