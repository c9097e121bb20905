import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { del, put } from '../../api/client.ts';
import type { ApiResponse } from '../../api/schema.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { Options } from '../../components/Options.tsx';
import { ApiErrorText } from './ApiErrorText.tsx';
import { lang } from './bilingual.ts';
import { teamName } from './teams.ts';

type Exercise = ApiResponse<'GET /api/exercises/{id}'>;
type Role = Exercise['participants'][number]['role'];
const roles: Role[] = ['player', 'evaluator', 'observer', 'facilitator'];

/**
 * Who takes part (facilitators): users with a role and, for players, a team. A change closes that user's open
 * connections to the sessions at once; they reconnect with their new part.
 */
export function ParticipantsPanel({ exercise, onChange }: { exercise: Exercise; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const teams = exercise.design.teams;
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<Role>('player');
  const [team, setTeam] = useState(teams[0]?.id ?? '');
  const [error, setError] = useState<unknown>(null);

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      onChange();
    } catch (err) {
      setError(err);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void act(() =>
      put('PUT /api/exercises/{id}/participants/{userId}', {
        path: { id: exercise.id, userId: userId.trim() },
        body: { role, team: role === 'player' ? team : null },
      }),
    );
  };

  return (
    <section aria-labelledby="participants-heading">
      <h4 id="participants-heading">{t('exercises.participants.heading')}</h4>
      {exercise.participants.length === 0 ? (
        <p>{t('exercises.participants.none')}</p>
      ) : (
        <table data-testid="participants">
          <TableHead
            columns={[
              t('exercises.participants.user'),
              t('exercises.participants.role'),
              t('exercises.participants.team'),
              '',
            ]}
          />
          <tbody>
            {exercise.participants.map((p) => (
              <tr key={p.userId}>
                <td title={p.userId}>{p.displayName || p.username}</td>
                <td>{t(`exercises.roles.${p.role}`)}</td>
                <td>{p.team ? teamName(teams, p.team, l) : ''}</td>
                <td>
                  <button
                    type="button"
                    onClick={() =>
                      void act(() =>
                        del('DELETE /api/exercises/{id}/participants/{userId}', {
                          path: { id: exercise.id, userId: p.userId },
                        }),
                      )
                    }
                  >
                    {t('exercises.participants.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={submit} className="inline-form">
        <div className="field">
          <label htmlFor="pt-user">{t('exercises.participants.userId')}</label>
          <input id="pt-user" value={userId} onChange={(e) => setUserId(e.target.value)} size={38} required />
        </div>
        <div className="field">
          <label htmlFor="pt-role">{t('exercises.participants.role')}</label>
          <select id="pt-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <Options values={roles} label={(r) => t(`exercises.roles.${r}`)} />
          </select>
        </div>
        {role === 'player' && (
          <div className="field">
            <label htmlFor="pt-team">{t('exercises.participants.team')}</label>
            <select id="pt-team" value={team} onChange={(e) => setTeam(e.target.value)}>
              <Options values={teams.map((x) => x.id)} label={(id) => teamName(teams, id, l)} />
            </select>
          </div>
        )}
        <button type="submit">{t('exercises.participants.add')}</button>
      </form>
      <ApiErrorText error={error} />
    </section>
  );
}
