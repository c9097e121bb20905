import { useCountryName } from '../../reference/useReference.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { formatNumber, formatShare } from '../../format/numbers.ts';
import './texts.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** Technology indicators: RTA of every country in a patent field, with concentration and growth. */
export function TechIndicators() {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const [field, setField] = useState('uspto/semiconductors');
  const fieldList = useGet('GET /api/tech/fields');
  const fields = fieldList.data?.items ?? [];
  const { data: rta, error: rtaError } = useGet('GET /api/tech/rta', { query: { field } });
  const error = rtaError?.message ?? fieldList.error?.message;
  const l = i18n.language;
  return (
    <section aria-labelledby="tech-heading">
      <h2 id="tech-heading">{t('tech.title')}</h2>
      {error && <p role="alert">{t('error.load', { message: error })}</p>}
      <label>
        {t('tech.field')}{' '}
        <select value={field} onChange={(e) => setField(e.target.value)}>
          {fields.map((f) => (
            <option key={`${f.source}/${f.field}`} value={`${f.source}/${f.field}`}>
              {f.source}/{f.field} ({f.firstYear}–{f.lastYear})
            </option>
          ))}
        </select>
      </label>
      {rta && (
        <>
          <p>
            {rta.year}: {t('tech.leader')} {rta.topCountry} {formatShare(rta.topShare, l)} ·{' '}
            {t('tech.leadRatio')} {formatNumber(rta.leadRatio, l)} · {t('tech.countriesTo75')}{' '}
            {rta.countriesTo75} · {t('tech.growth')} {formatShare(rta.worldGrowth, l)}{' '}
            <MarkingBadge marking={rta.marking} />
          </p>
          <table>
            <TableHead
              columns={[t('tech.country'), t('tech.patents'), t('tech.share'), 'RTA', t('tech.trend')]}
            />
            <tbody>
              {rta.items.slice(0, 25).map((r) => (
                <tr key={r.country}>
                  <td data-iso3={r.country}>{countryName(r.country)}</td>
                  <td>{formatNumber(r.count, l, 0)}</td>
                  <td>{formatShare(r.share, l)}</td>
                  <td>{formatNumber(r.rta, l)}</td>
                  <td>{formatNumber(r.rtaTrend, l, 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ProvenanceFooter provenance={{ ...rta.provenance, method: rta.method }} />
        </>
      )}
    </section>
  );
}
