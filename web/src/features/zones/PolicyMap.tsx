import { useTranslation } from 'react-i18next';
import { get } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
import './texts.ts';

/** The policy map: per entry its zone, suggested measures by family, and measures applied. */
export function PolicyMap() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const { data, error: loadError } = useApi('policy-map', (signal) =>
    Promise.all([
      get('GET /api/policy/measures', { signal }),
      get('GET /api/policy/map', { query: { reporter: 'JPN' }, signal }),
    ]),
  );
  const measures = data?.[0].items ?? [];
  const items = data?.[1].items ?? null;
  const error = loadError?.message;
  const families = ['promotion', 'protection', 'partnership'];
  const nameOf = (id: string) => measures.find((m) => m.id === id)?.name[lang] ?? id;
  return (
    <section aria-labelledby="policy-heading">
      <h2 id="policy-heading">{t('policy.title')}</h2>
      {error && <p role="alert">{t('error.load', { message: error })}</p>}
      {items && (
        <table>
          <thead>
            <tr>
              <th>{t('zones.entry')}</th>
              <th>{t('zones.zone')}</th>
              {families.map((f) => (
                <th key={f}>{measures.find((m) => m.family === f)?.familyName[lang] ?? f}</th>
              ))}
              <th>{t('policy.applied')}</th>
              <th>{t('marking.title')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td>{e.name[lang]}</td>
                <td>{e.zone ? t(`zones.names.${e.zone}`) : t('zones.unclassified')}</td>
                {families.map((f) => (
                  <td key={f}>
                    {e.suggested
                      .filter((s) => measures.find((m) => m.id === s.measure)?.family === f)
                      .map((s) => nameOf(s.measure))
                      .join('、')}
                  </td>
                ))}
                <td>{e.applied.map((a) => `${nameOf(a.measureId)} (${a.status})`).join(', ')}</td>
                <MarkingCell marking={e.marking} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
