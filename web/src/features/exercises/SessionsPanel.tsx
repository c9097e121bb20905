import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { TableHead, figureColumn } from '../../components/TableHead.tsx';
import { formatDate } from '../../format/numbers.ts';
import { href, navigate } from '../../router/router.ts';
import { ApiErrorText } from './ApiErrorText.tsx';

/** The exercise's sessions with a link to join each; a facilitator opens a new one. */
export function SessionsPanel({
  exerciseId,
  facilitator,
  ready,
}: {
  exerciseId: string;
  facilitator: boolean;
  ready: boolean;
}) {
  const { t, i18n } = useTranslation();
  const sessions = useGet('GET /api/exercises/{id}/sessions', { path: { id: exerciseId } });
  const [error, setError] = useState<unknown>(null);
  const open = async () => {
    setError(null);
    try {
      const session = await post('POST /api/exercises/{id}/sessions', { path: { id: exerciseId } });
      navigate(['exercises', exerciseId, 'session', session.id]);
    } catch (err) {
      setError(err);
    }
  };
  const items = sessions.data?.items ?? [];
  return (
    <section aria-labelledby="sessions-heading">
      <h4 id="sessions-heading">{t('exercises.sessions.heading')}</h4>
      {facilitator && (
        <p>
          <button type="button" disabled={!ready} onClick={() => void open()}>
            {t('exercises.sessions.open')}
          </button>
        </p>
      )}
      <ApiErrorText error={error ?? sessions.error} />
      {sessions.data && items.length === 0 && <p>{t('exercises.sessions.none')}</p>}
      {items.length > 0 && (
        <table data-testid="sessions">
          <TableHead
            columns={[
              t('exercises.sessions.created'),
              t('exercises.sessions.state'),
              figureColumn(t('exercises.sessions.simTime')),
              '',
            ]}
          />
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>{formatDate(s.createdAt, i18n.language)}</td>
                <td>{t(`exercises.states.${s.state}`)}</td>
                <td className="num">{s.simTime}</td>
                <td>
                  <a href={href(['exercises', exerciseId, 'session', s.id])}>
                    {t('exercises.sessions.join')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
