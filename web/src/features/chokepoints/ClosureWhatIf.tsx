import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import type { AffectedPartnerRow } from './exposureView.ts';
import type { ExposureResponse, Lang, Passage } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** Straits to close (checkboxes), and the what-if: value affected, value left with no sea route, per partner. */
export function ClosureWhatIf({
  passages,
  closed,
  onToggle,
  report,
  rows,
  passageName,
}: {
  passages: Passage[];
  closed: string[];
  onToggle: (passage: string) => void;
  report: ExposureResponse | null;
  rows: AffectedPartnerRow[];
  passageName: (id: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const km = (v: number | null | undefined) =>
    v == null ? '—' : t('chokepoints.km', { km: formatNumber(v, lang, 0) });
  const days = (v: number | null | undefined) =>
    v == null ? '—' : t('chokepoints.days', { days: formatNumber(v, lang, 1) });
  const route = (r: AffectedPartnerRow['baseline']) =>
    r
      ? `${km(r.distanceKm)} · ${days(r.days)} · ${r.passages.map(passageName).join(' → ') || t('chokepoints.route.direct')}`
      : t('chokepoints.noSeaRoute');
  const scenario = report?.scenario;
  return (
    <section aria-labelledby="whatif-heading">
      <h3 id="whatif-heading">{t('chokepoints.whatIf.heading')}</h3>
      <fieldset className="closures">
        <legend>{t('chokepoints.whatIf.hint')}</legend>
        {passages
          .filter((p) => !p.defaultClosed)
          .map((p) => (
            <label key={p.id}>
              <input
                type="checkbox"
                name="closed"
                value={p.id}
                checked={closed.includes(p.id)}
                onChange={() => onToggle(p.id)}
              />{' '}
              {p[lang]}
            </label>
          ))}
      </fieldset>
      {closed.length === 0 && <p>{t('chokepoints.whatIf.none')}</p>}
      {scenario && (
        <>
          <dl className="figures" data-testid="whatif-summary">
            <div>
              <dt>{t('chokepoints.whatIf.affected')}</dt>
              <dd data-testid="affected-value">{money(scenario.affectedValueKusd * 1000)}</dd>
            </div>
            <div>
              <dt>{t('chokepoints.whatIf.noRoute')}</dt>
              <dd data-testid="no-route-value">{money(scenario.noRouteValueKusd * 1000)}</dd>
            </div>
            <div>
              <dt>{t('chokepoints.whatIf.meanExtraDays')}</dt>
              <dd>{days(scenario.meanExtraDays)}</dd>
            </div>
          </dl>
          <h4>{t('chokepoints.whatIf.partners')}</h4>
          {rows.length === 0 ? (
            <p>{t('chokepoints.whatIf.noPartners')}</p>
          ) : (
            <>
              <p className="note">{t('chokepoints.whatIf.drawn')}</p>
              <table data-testid="affected-partners">
                <TableHead
                  columns={['partner', 'affected', 'baseline', 'rerouted', 'extraKm', 'extraDays'].map((c) =>
                    t(`chokepoints.col.${c}`),
                  )}
                />
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.partner} data-partner={r.partner}>
                      <th scope="row">{r.name}</th>
                      <td className="num">{money(r.affectedValueKusd * 1000)}</td>
                      <td>{route(r.baseline)}</td>
                      <td>
                        {r.noRoute ? <strong>{t('chokepoints.noSeaRoute')}</strong> : route(r.rerouted)}
                      </td>
                      <td className="num">{km(r.extraKm)}</td>
                      <td className="num">{days(r.extraDays)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}
