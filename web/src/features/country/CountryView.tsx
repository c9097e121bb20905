import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useGetWhen } from '../../api/useGet.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import { navigate } from '../../router/router.ts';
import type { ViewProps } from '../../views.ts';
import '../product/texts.ts';
import '../product/product.css';
import './texts.ts';
import { namer } from '../../reference/names.ts';
import { useReference } from '../../reference/useReference.ts';
import { ReporterYearPicker } from '../product/ReporterYearPicker.tsx';
import type { Lang } from '../product/types.ts';
import { mostExposed } from './shaping.ts';
import { ExposedProducts, PartnerSupplies } from './SupplyTables.tsx';

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
  const names = { partner: partnerName, reporter: reporterName };
  const link = { reporter: data?.reporter ?? reporter, year };
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
          {exposed.length > 0 && <ExposedProducts items={exposed} names={names} link={link} />}
          {data.items.length > 0 && (
            <PartnerSupplies items={data.items} names={names} link={link} nameOf={nameOf} />
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
