import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { href, navigate, type Route } from '../../router/router.ts';

const statuses = ['open', 'in-review', 'escalated', 'closed'] as const;
const kinds = [
  'party-screening',
  'batch-screening',
  'transaction-check',
  'circumvention-report',
  'technology-register',
  'prior-report',
] as const;
type Status = (typeof statuses)[number];
type Kind = (typeof kinds)[number];

/** The case inbox: the cases the user may read, most recently changed first, filtered by status and kind. */
export function CaseList({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const status = (statuses as readonly string[]).includes(route.query.get('status') ?? '')
    ? (route.query.get('status') as Status)
    : undefined;
  const kind = (kinds as readonly string[]).includes(route.query.get('kind') ?? '')
    ? (route.query.get('kind') as Kind)
    : undefined;
  const cases = useGet('GET /api/export-control/cases', { query: { status, kind } });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const filter = (change: { status?: string; kind?: string }) =>
    navigate(['export-control', 'cases'], { status, kind, ...change });
  return (
    <div>
      <h3>{t('ec.case.inbox')}</h3>
      <div className="ec-filters">
        <label>
          {t('ec.case.status')}{' '}
          <select value={status ?? ''} onChange={(e) => filter({ status: e.target.value })}>
            <option value="">{t('ec.all')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`ec.case.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('ec.case.kind')}{' '}
          <select value={kind ?? ''} onChange={(e) => filter({ kind: e.target.value })}>
            <option value="">{t('ec.all')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`ec.case.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {cases.error && <p role="alert">{cases.error.message}</p>}
      {cases.data && cases.data.items.length === 0 && <p>{t('ec.case.none')}</p>}
      {cases.data && cases.data.items.length > 0 && (
        <table data-testid="ec-cases">
          <TableHead
            columns={[
              t('ec.case.titleField'),
              t('ec.case.kind'),
              t('ec.case.status'),
              t('ec.case.assignee'),
              t('ec.marking'),
              t('ec.case.updated'),
            ]}
          />
          <tbody>
            {cases.data.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={href(['export-control', 'case', c.id])}>{c.title}</a>
                </td>
                <td>{t(`ec.case.kinds.${c.kind}`)}</td>
                <td>{t(`ec.case.statuses.${c.status}`)}</td>
                <td>{c.assignee ?? '—'}</td>
                <MarkingCell marking={c.marking} />
                <td>{date.format(new Date(c.updatedAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cases.data && (
        <p>
          <small>{t('ec.case.total', { count: cases.data.total })}</small>
        </p>
      )}
    </div>
  );
}
