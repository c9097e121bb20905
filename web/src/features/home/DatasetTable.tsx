import { useTranslation } from 'react-i18next';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
import type { Dataset } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** Datasets with their provenance: publisher, version, when retrieved, the files' SHA-256, licence, marking. */
export function DatasetTable({ datasets }: { datasets: Dataset[] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <table className="datasets" data-testid="datasets">
      <TableHead
        columns={[
          t('home.columns.dataset'),
          t('home.columns.marking'),
          t('home.columns.publisher'),
          t('home.columns.version'),
          { label: t('home.columns.rows'), num: true },
          t('home.columns.retrieved'),
          t('home.columns.checksum'),
          t('home.columns.licence'),
        ]}
      />
      <tbody>
        {datasets.map((d) => (
          <tr key={d.id} data-dataset={d.id}>
            <th scope="row">
              {d.url ? <a href={d.url}>{d.title}</a> : d.title}{' '}
              {d.synthetic && <span className="tag synthetic">SYNTHETIC</span>}
              <br />
              <code className="dataset-id">{d.id}</code>
            </th>
            <MarkingCell marking={d.marking} />
            <td>{d.publisher}</td>
            <td>{d.version}</td>
            <td className="num">{number.format(d.rows)}</td>
            <td>
              <time dateTime={d.retrievedAt}>{date.format(new Date(d.retrievedAt))}</time>
            </td>
            <td>
              {d.files.map((f) => (
                <code key={f.name} className="checksum" title={`${f.name}: ${f.sha256}`}>
                  {f.sha256.slice(0, 12)}…
                </code>
              ))}
            </td>
            <td>{d.licence ?? t('home.noLicence')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
