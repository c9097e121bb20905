import { apiErrorMessage } from '../../api/client.ts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { MarkingBadge, MarkingCell } from '../../components/MarkingBadge.tsx';
import { TableHead, figureColumn } from '../../components/TableHead.tsx';
import { href } from '../../router/router.ts';
import { lang } from './bilingual.ts';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';
import { SessionsPanel } from './SessionsPanel.tsx';
import { ReportPanel } from './ReportPanel.tsx';
import { OutcomesPanel } from './OutcomesPanel.tsx';
import { teamName } from './teams.ts';

/**
 * One exercise: its design, the script of injects (for those who follow every team; a player receives injects
 * only from the session as they fire), participants, sessions and the after-action report.
 */
export function ExerciseDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const loaded = useGet('GET /api/exercises/{id}', { path: { id } });
  const exercise = loaded.data;
  const { reload } = loaded;
  const preparing = exercise?.status === 'preparing';
  // A template exercise is ready when its scenario run ends: look again every two seconds until then.
  useEffect(() => {
    if (!preparing) return;
    const timer = setInterval(reload, 2000);
    return () => clearInterval(timer);
  }, [preparing, reload]);
  if (loaded.error) return <p role="alert">{t('error.load', { message: loaded.error.message })}</p>;
  if (!exercise) return null;
  const design = exercise.design;
  const role = exercise.you?.role;
  const facilitator = role === 'facilitator';
  return (
    <article className="exercise-detail">
      <p>
        <a href={href(['exercises'])}>{t('exercises.back')}</a>
      </p>
      <h3>
        {design.title[l]} <MarkingBadge marking={exercise.marking} />
      </h3>
      <p data-testid="exercise-status">{t(`exercises.status.${exercise.status}`)}</p>
      {preparing && <p role="status">{t('exercises.preparing')}</p>}
      {exercise.status === 'failed' && (
        <p role="alert">
          {t('exercises.failed', { message: exercise.error ? apiErrorMessage(exercise.error) : '' })}
        </p>
      )}
      {design.description[l] && <p>{design.description[l]}</p>}
      <p data-testid="your-part">
        {exercise.you
          ? exercise.you.team
            ? t('exercises.yourTeamPart', {
                role: t(`exercises.roles.${exercise.you.role}`),
                team: teamName(design.teams, exercise.you.team, l),
              })
            : t('exercises.yourPart', { role: t(`exercises.roles.${exercise.you.role}`) })
          : t('exercises.noPart')}
      </p>
      {facilitator && (
        <p>
          <a className="button" href={href(['exercises', id, 'edit'])}>
            {t('exercises.edit')}
          </a>
        </p>
      )}
      {design.objectives.length > 0 && (
        <>
          <h4>{t('exercises.objectives')}</h4>
          <ul>
            {design.objectives.map((o, i) => (
              <li key={i}>{o[l]}</li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('exercises.teams')}</h4>
      <ul>
        {design.teams.map((team) => (
          <li key={team.id}>
            {team.name[l]} (
            {design.organisations.find((o) => o.id === team.organisation)?.name[l] ?? team.organisation})
          </li>
        ))}
      </ul>
      {exercise.injects.length > 0 && (
        <>
          <h4>{t('exercises.designer.injects')}</h4>
          <table data-testid="inject-script">
            <TableHead
              columns={[
                figureColumn(t('exercises.designer.at')),
                t('exercises.designer.team'),
                t('exercises.designer.kind'),
                t('exercises.name'),
                t('marking.title'),
              ]}
            />
            <tbody>
              {exercise.injects.map((inject) => (
                <tr key={inject.id}>
                  <td className="num">{inject.at}</td>
                  <td>{teamName(design.teams, inject.team, l, t('exercises.designer.allTeams'))}</td>
                  <td>{t(`exercises.kinds.${inject.kind}`)}</td>
                  <td>{inject.title[l]}</td>
                  <MarkingCell marking={inject.marking} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {facilitator && <ParticipantsPanel exercise={exercise} onChange={reload} />}
      {exercise.you && (
        <SessionsPanel exerciseId={id} facilitator={facilitator} ready={exercise.status === 'ready'} />
      )}
      {role && role !== 'player' && exercise.baselineRunId && (
        <OutcomesPanel exerciseId={id} baselineRunId={exercise.baselineRunId} />
      )}
      {role && role !== 'player' && <ReportPanel exercise={exercise} />}
    </article>
  );
}
