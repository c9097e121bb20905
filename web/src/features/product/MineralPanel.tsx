import { useTranslation } from 'react-i18next';
import { formatNumber, formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import type { Lang, MineralView, ShareOf } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** Mine ▸ refine ▸ trade: USGS production shares beside world export shares, flagged when the leaders differ. */
export function MineralPanel({
  minerals,
  withheld,
  nameOf,
}: {
  minerals: MineralView[];
  /** The API left the minerals out because the reader may not read their dataset (issue 18, item 14). */
  withheld: boolean;
  nameOf: (iso3: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const stage = (s: string) => (s === 'mine' || s === 'refine' ? t(`product.minerals.stages.${s}`) : s);
  return (
    <section aria-labelledby="minerals-heading" className="dossier-section">
      <h3 id="minerals-heading">{t('product.minerals.heading')}</h3>
      {withheld ? (
        <p className="note" data-testid="minerals-withheld">
          {t('product.minerals.withheld')}
        </p>
      ) : minerals.length === 0 ? (
        <p>{t('product.minerals.none')}</p>
      ) : (
        <>
          <p className="note">{t('product.minerals.intro')}</p>
          {minerals.map((m) => (
            <article key={`${m.commodity}-${m.type}`} className="mineral" data-commodity={m.commodity}>
              <h4>
                {m.commodity} ({m.type}) · {t('product.minerals.stage')}: {stage(m.stage)} ·{' '}
                {t('product.minerals.match')}: {m.match}{' '}
                {m.exporterIsNotProducer ? (
                  <span className="tag flagged" data-testid="mineral-flag">
                    {t('product.minerals.flag')}
                  </span>
                ) : (
                  m.topExporter &&
                  m.topProducer && <span className="tag not-flagged">{t('product.minerals.same')}</span>
                )}
              </h4>
              {m.note && <p className="note">{m.note}</p>}
              <dl className="figures">
                <div>
                  <dt>{t('product.minerals.topProducer', { year: m.productionYear })}</dt>
                  <dd>
                    {m.topProducer
                      ? `${nameOf(m.topProducer)} ${formatShare(m.topProducerShare, lang)}`
                      : '—'}
                  </dd>
                </div>
                <div>
                  <dt>{t('product.minerals.topExporter', { year: m.tradeYear })}</dt>
                  <dd>
                    {m.topExporter
                      ? `${nameOf(m.topExporter)} ${formatShare(m.topExporterShare, lang)}`
                      : '—'}
                  </dd>
                </div>
              </dl>
              <div className="dossier-grid">
                <ShareTable
                  caption={t('product.minerals.producers')}
                  valueHeading={`${t('product.minerals.production')} (${m.unit})`}
                  rows={m.producers}
                  format={(v) => formatNumber(v, lang, 0)}
                  nameOf={nameOf}
                />
                <ShareTable
                  caption={t('product.minerals.exporters')}
                  valueHeading={t('product.minerals.exports')}
                  rows={m.exporters}
                  format={(v) => money(v)}
                  nameOf={nameOf}
                />
              </div>
            </article>
          ))}
        </>
      )}
    </section>
  );
}

/** The six largest producers or exporters with their value and share. */
function ShareTable({
  caption,
  valueHeading,
  rows,
  format,
  nameOf,
}: {
  caption: string;
  valueHeading: string;
  rows: ShareOf[];
  format: (v: number) => string;
  nameOf: (iso3: string) => string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <table>
      <caption>{caption}</caption>
      <TableHead
        columns={[
          t('product.minerals.country'),
          { label: valueHeading, num: true },
          { label: t('product.suppliers.share'), num: true },
        ]}
      />
      <tbody>
        {rows.slice(0, 6).map((p) => (
          <tr key={p.iso3}>
            <td>{nameOf(p.iso3)}</td>
            <td className="num">{format(p.value)}</td>
            <td className="num">{formatShare(p.share, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
