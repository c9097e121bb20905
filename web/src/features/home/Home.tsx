import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';

interface Dataset {
  id: string;
  title: string;
  publisher: string;
  version: string;
  rows: number;
  retrievedAt: string;
  synthetic: boolean;
}

export function Home() {
  const { t, i18n } = useTranslation();
  const [datasets, setDatasets] = useState<Dataset[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ items: Dataset[] }>('/datasets')
      .then((r) => setDatasets(r.items))
      .catch((e: Error) => setError(e.message));
  }, []);
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <section aria-labelledby="datasets-heading">
      {datasets?.some((d) => d.synthetic) && (
        <p className="banner synthetic" role="status">
          {t('home.synthetic')}
        </p>
      )}
      <h2 id="datasets-heading">{t('home.datasets')}</h2>
      {error && <p role="alert">{t('error.load', { message: error })}</p>}
      {datasets && datasets.length === 0 && (
        <div>
          <p>{t('home.empty')}</p>
          <pre>{t('home.howto')}</pre>
        </div>
      )}
      {datasets && datasets.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('home.columns.dataset')}</th>
              <th>{t('home.columns.version')}</th>
              <th>{t('home.columns.rows')}</th>
              <th>{t('home.columns.publisher')}</th>
              <th>{t('home.columns.retrieved')}</th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.title} {d.synthetic && <span className="tag synthetic">SYNTHETIC</span>}
                </td>
                <td>{d.version}</td>
                <td className="num">{number.format(d.rows)}</td>
                <td>{d.publisher}</td>
                <td>{d.retrievedAt.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
