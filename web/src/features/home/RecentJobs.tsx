import { useTranslation } from 'react-i18next';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
import type { Job } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** The latest jobs the user may see (a job carries the marking of the datasets it read; hidden ones are absent). */
export function RecentJobs({ jobs }: { jobs: Job[] }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section aria-labelledby="jobs-heading">
      <h2 id="jobs-heading">{t('home.jobs.title')}</h2>
      {jobs.length === 0 ? (
        <p>{t('home.jobs.none')}</p>
      ) : (
        <table data-testid="jobs">
          <TableHead columns={['kind', 'marking', 'status', 'created'].map((c) => t(`home.jobs.${c}`))} />
          <tbody>
            {jobs.map((j) => (
              <tr key={j.id} data-job={j.id}>
                <td>
                  {t(`home.job.kinds.${j.kind}`)}{' '}
                  <small>
                    {Object.entries(j.params)
                      .filter(([k]) => k !== 'kind')
                      .map(([k, v]) => `${k}=${String(v)}`)
                      .join(' ')}
                  </small>
                </td>
                <MarkingCell marking={j.marking} />
                <td>{t(`home.job.status.${j.status}`)}</td>
                <td>
                  <time dateTime={j.createdAt}>{date.format(new Date(j.createdAt))}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
