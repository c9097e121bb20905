import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { formatDate } from '../../format/numbers.ts';
import { href } from '../../router/router.ts';

/**
 * The scenario run again with a session's decisions applied (started from the live console), each beside the
 * original run on the scenario comparison page.
 */
export function OutcomesPanel({ exerciseId, baselineRunId }: { exerciseId: string; baselineRunId: string }) {
  const { t, i18n } = useTranslation();
  const outcomes = useGet('GET /api/exercises/{id}/outcomes', { path: { id: exerciseId } });
  const items = outcomes.data?.items ?? [];
  return (
    <section aria-labelledby="outcomes-heading">
      <h4 id="outcomes-heading">{t('exercises.outcomes.heading')}</h4>
      {outcomes.error && <p role="alert">{t('error.load', { message: outcomes.error.message })}</p>}
      {outcomes.data && items.length === 0 && <p>{t('exercises.outcomes.none')}</p>}
      {items.length > 0 && (
        <table data-testid="outcomes">
          <TableHead
            columns={[t('exercises.sessions.created'), t('exercises.sessions.state'), t('marking.title'), '']}
          />
          <tbody>
            {items.map((o) => (
              <tr key={o.id}>
                <td>{formatDate(o.createdAt, i18n.language)}</td>
                <td>{t(`exercises.outcomes.status.${o.status}`)}</td>
                <MarkingCell marking={o.marking} />
                <td>
                  {o.status === 'done' && (
                    <a href={href(['scenarios', 'compare'], { runs: `${baselineRunId},${o.runId}` })}>
                      {t('exercises.live.compare')}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
