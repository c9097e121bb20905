import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
import { formatDate } from '../../format/numbers.ts';
import { href } from '../../router/router.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** Saved scenarios the user may read (hidden ones are simply absent), with version and marking. */
export function ScenarioList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const list = useGet('GET /api/scenarios');
  const items = list.data?.items ?? null;
  const error = list.error?.message;
  return (
    <section aria-labelledby="scenario-list-heading">
      <h3 id="scenario-list-heading">{t('scenarios.all')}</h3>
      <p>
        <a href={href(['scenarios', 'new'])} className="button">
          {t('scenarios.new')}
        </a>
      </p>
      {error && <p role="alert">{t('error.load', { message: error })}</p>}
      {items && items.length === 0 && <p>{t('scenarios.empty')}</p>}
      {items && items.length > 0 && (
        <table data-testid="scenario-list">
          <TableHead
            columns={[
              t('scenarios.name'),
              t('scenarios.version'),
              t('marking.title'),
              t('scenarios.updated'),
            ]}
          />
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={href(['scenarios', s.id])}>{lang === 'ja' && s.nameJa ? s.nameJa : s.name}</a>
                </td>
                <td className="num">{s.version}</td>
                <MarkingCell marking={s.marking} />
                <td>{formatDate(s.updatedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
