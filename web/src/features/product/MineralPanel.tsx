import { useTranslation } from 'react-i18next';
import { formatNumber, formatShare, formatUsd } from '../../format/numbers.ts';
import type { Lang, MineralView } from './types.ts';

/** Mine ▸ refine ▸ trade: USGS production shares beside world export shares, flagged when the leaders differ. */
export function MineralPanel({
  minerals,
  nameOf,
}: {
  minerals: MineralView[];
  nameOf: (iso3: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const stage = (s: string) => (s === 'mine' || s === 'refine' ? t(`product.minerals.stages.${s}`) : s);
  return (
    <section aria-labelledby="minerals-heading" className="dossier-section">
      <h3 id="minerals-heading">{t('product.minerals.heading')}</h3>
      {minerals.length === 0 ? (
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
                <table>
                  <caption>{t('product.minerals.producers')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('product.minerals.country')}</th>
                      <th scope="col" className="num">
                        {t('product.minerals.production')} ({m.unit})
                      </th>
                      <th scope="col" className="num">
                        {t('product.suppliers.share')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.producers.slice(0, 6).map((p) => (
                      <tr key={p.iso3}>
                        <td>{nameOf(p.iso3)}</td>
                        <td className="num">{formatNumber(p.value, lang, 0)}</td>
                        <td className="num">{formatShare(p.share, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <table>
                  <caption>{t('product.minerals.exporters')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('product.minerals.country')}</th>
                      <th scope="col" className="num">
                        {t('product.minerals.exports')}
                      </th>
                      <th scope="col" className="num">
                        {t('product.suppliers.share')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.exporters.slice(0, 6).map((p) => (
                      <tr key={p.iso3}>
                        <td>{nameOf(p.iso3)}</td>
                        <td className="num">{formatUsd(p.value, lang)}</td>
                        <td className="num">{formatShare(p.share, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </article>
          ))}
        </>
      )}
    </section>
  );
}
