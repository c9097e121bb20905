import { useCountryName } from '../../reference/useReference.ts';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { formatNumber, formatShare } from '../../format/numbers.ts';
import { ZoneMatrix } from './ZoneMatrix.tsx';
import { ShareButton } from '../sharing/ShareButton.tsx';
import './texts.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { apiUrl } from '../../api/client.ts';

/** Zones ①/②/③ of every critical good and technology: matrix, table with the rule that fired, dossier links. */
export function ZonesPage() {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const dossierUrl = (entry: string, format: 'pdf' | 'xlsx') =>
    apiUrl('GET /api/zones/{entry}/dossier', { path: { entry }, query: { lang, format } });
  const { data, error } = useGet('GET /api/zones', { query: { reporter: 'JPN' } });
  const zoneName = (id: string | null) => {
    const z = data?.zones.find((x) => x.id === id);
    return z ? `${z.number} ${z[lang]}` : t('zones.unclassified');
  };
  return (
    <section aria-labelledby="zones-heading">
      <h2 id="zones-heading">{t('zones.title')}</h2>
      {error && <p role="alert">{t('error.load', { message: error.message })}</p>}
      {data && (
        <>
          <p>
            {t('zones.reporter')}: {countryName(data.reporter)} · {t('zones.rules')}: {data.ruleSet.id} v
            {data.ruleSet.version}
          </p>
          <ZoneMatrix data={data} />
          <table>
            <TableHead
              columns={[
                t('zones.entry'),
                t('zones.zone'),
                t('zones.rule'),
                'RTA',
                'RCA',
                t('zones.exportShare'),
                t('zones.screenFlags'),
                t('zones.dossier'),
                t('marking.title'),
                '',
              ]}
            />
            <tbody>
              {data.items.map((e) => (
                <tr key={e.id}>
                  <td>{e.name[lang]}</td>
                  <td>{zoneName(e.zone)}</td>
                  <td title={e.rule?.label[lang]}>
                    {e.override ? `${t('zones.override')}: ${e.override.reason}` : (e.rule?.id ?? '—')}
                  </td>
                  <td>{formatNumber(e.indicators.rta as number | null, i18n.language)}</td>
                  <td>{formatNumber(e.indicators.rca as number | null, i18n.language)}</td>
                  <td>{formatShare(e.indicators.exportShare as number | null, i18n.language)}</td>
                  <td>{String(e.indicators.screenFlags ?? '—')}</td>
                  <td>
                    <a href={dossierUrl(e.id, 'pdf')}>PDF</a> <a href={dossierUrl(e.id, 'xlsx')}>XLSX</a>
                  </td>
                  <MarkingCell marking={e.marking} />
                  <td>
                    <ShareButton
                      kind="zone"
                      source={{ entry: e.id, reporter: data.reporter }}
                      title={`${e.name[lang]} — ${zoneName(e.zone)}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.notes.map((n) => (
            <p key={n.en} className="note">
              {n[lang]}
            </p>
          ))}
          <ProvenanceFooter provenance={data.provenance} />
        </>
      )}
    </section>
  );
}
