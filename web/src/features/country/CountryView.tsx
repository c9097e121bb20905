import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useGetWhen } from '../../api/useGet.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import { href, navigate } from '../../router/router.ts';
import type { ViewProps } from '../../views.ts';
import '../product/texts.ts';
import '../product/product.css';
import './texts.ts';
import { namer } from '../../reference/names.ts';
import { useReference } from '../../reference/useReference.ts';
import { ReporterYearPicker } from '../product/ReporterYearPicker.tsx';
import type { Lang } from '../product/types.ts';
import { useCriticalNames } from '../product/useCriticalNames.ts';
import { mostExposed, partnerShareOf, supplyFlags } from './shaping.ts';
import type { PartnerSupply } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

/**
 * The country view `#/country/<ISO3>?reporter=JPN&year=2024`: what the partner supplies the reporter (products by
 * value, its share of each, top/majority markers, critical goods) and where the reporter is most exposed to it.
 */
export function CountryView({ route }: ViewProps) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const iso3 = (route.path[1] ?? '').toUpperCase();
  const reporter = route.query.get('reporter') || 'JPN';
  const { reference, error: referenceError } = useReference();
  const year = Number(route.query.get('year')) || reference?.years.at(-1) || 0;
  const supplies = useGetWhen(Boolean(iso3 && year), 'GET /api/countries/{iso3}/supplies', {
    path: { iso3 },
    query: { reporter, year },
  });
  const data = supplies.loading ? null : supplies.data;
  const error = supplies.error?.message ?? null;

  const nameOf = useMemo(
    () => namer(reference?.countries ?? [], reference?.groups ?? [], lang),
    [reference, lang],
  );
  const partnerName = data ? data.partner[lang] : nameOf(iso3);
  const reporterName = nameOf(data?.reporter ?? reporter);
  const exposed = useMemo(() => (data ? mostExposed(data.items) : []), [data]);
  const criticalName = useCriticalNames(lang);
  const names = { partner: partnerName, reporter: reporterName };
  const label = (i: PartnerSupply) => (lang === 'ja' ? i.labelJa || i.labelEn : i.labelEn || i.labelJa);
  const productCell = (i: PartnerSupply) => (
    <td>
      <a
        href={href(['product', i.hs6], { reporter: data?.reporter ?? reporter, year })}
        title={t('country.dossier', { hs6: i.hs6 })}
      >
        {i.hs6}
      </a>{' '}
      <span className="product-label">{label(i)}</span>
    </td>
  );
  return (
    <section aria-labelledby="country-heading" className="dossier country-view">
      <div className="dossier-toolbar no-print">
        {reference && (
          <ReporterYearPicker
            reference={reference}
            reporter={data?.reporter ?? reporter}
            year={year}
            onChange={(r, y) => navigate(['country', iso3], { reporter: r, year: y })}
          />
        )}
      </div>
      <p className="dossier-kind">
        {t('country.kind')} · {year || ''} {data && <MarkingBadge marking={data.marking} />}
      </p>
      <h2 id="country-heading">{t('country.title', names)}</h2>
      {(error || referenceError) && (
        <p role="alert">{t('error.load', { message: error ?? referenceError })}</p>
      )}
      {!data && !error && (
        <p role="status" aria-live="polite">
          {t('country.loading', names)}
        </p>
      )}
      {data && (
        <>
          {data.items.length === 0 ? (
            <p>{t('country.none', { ...names, year: data.year })}</p>
          ) : (
            <p data-testid="country-summary">
              {t('country.summary', {
                ...names,
                year: data.year,
                value: money(data.fromPartnerUsd),
                total: money(data.totalImportUsd),
                screened: data.screened,
                share: formatShare(data.totalShare, lang),
                top: data.topSupplierCount,
                majority: data.majorityCount,
                threshold: formatShare(data.majorityThreshold, lang),
              })}
            </p>
          )}
          {exposed.length > 0 && (
            <section aria-labelledby="exposed-heading" className="dossier-section">
              <h3 id="exposed-heading">{t('country.exposed', names)}</h3>
              <p className="note">
                {t('country.exposedIntro', {
                  ...names,
                  value: money(exposed.reduce((s, i) => s + i.valueUsd, 0)),
                  share: formatShare(partnerShareOf(exposed), lang),
                })}
              </p>
              <table data-testid="exposed-table">
                <TableHead
                  columns={[
                    t('country.product'),
                    { label: t('country.share', names), num: true },
                    { label: t('country.fromPartner', names), num: true },
                    { label: t('country.importValue'), num: true },
                  ]}
                />
                <tbody>
                  {exposed.map((i) => (
                    <tr key={i.hs6} data-hs6={i.hs6}>
                      {productCell(i)}
                      <td className="num">{formatShare(i.share, lang)}</td>
                      <td className="num">{money(i.valueUsd)}</td>
                      <td className="num">{money(i.importValueUsd)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {data.items.length > 0 && (
            <section aria-labelledby="supplies-heading" className="dossier-section">
              <h3 id="supplies-heading">{t('country.supplies', names)}</h3>
              <table data-testid="supplies-table">
                <TableHead
                  columns={[
                    t('country.product'),
                    { label: t('country.fromPartner', names), num: true },
                    { label: t('country.share', names), num: true },
                    { label: t('country.rank'), num: true },
                    t('country.topSupplier'),
                    t('country.flags'),
                  ]}
                />
                <tbody>
                  {data.items.map((i) => (
                    <tr key={i.hs6} data-hs6={i.hs6}>
                      {productCell(i)}
                      <td className="num">{money(i.valueUsd)}</td>
                      <td className="num" data-testid="supply-share">
                        {formatShare(i.share, lang)}
                      </td>
                      <td className="num">
                        {i.rank} / {i.suppliers}
                      </td>
                      <td>
                        {nameOf(i.topSupplier)} {formatShare(i.topShare, lang)}
                      </td>
                      <td>
                        {supplyFlags(i).map((f) =>
                          f === 'critical' ? (
                            i.critical.map((c) => (
                              <span key={c} className="tag critical" title={t('country.flag.critical')}>
                                {criticalName(c)}
                              </span>
                            ))
                          ) : (
                            <span key={f} className={`tag ${f === 'top' ? 'top' : 'flagged'}`}>
                              {t(`country.flag.${f}`)}
                            </span>
                          ),
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <ProvenanceFooter
            money
            provenance={{
              ...data.provenance,
              method: t('country.method'),
              thresholds: { majority: data.majorityThreshold },
            }}
          />
        </>
      )}
    </section>
  );
}
