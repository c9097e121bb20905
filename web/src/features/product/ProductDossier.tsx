import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useGetWhen } from '../../api/useGet.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ShareButton } from '../sharing/ShareButton.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import { namer } from '../../reference/names.ts';
import { useReference } from '../../reference/useReference.ts';
import { navigate } from '../../router/router.ts';
import type { ViewProps } from '../../views.ts';
import './texts.ts';
import './product.css';
import { DossierHeadline } from './DossierHeadline.tsx';
import { ReporterYearPicker } from './ReporterYearPicker.tsx';
import { SupplierPanel } from './SupplierPanel.tsx';
import { SharesOverYears } from './SharesOverYears.tsx';
import { WorldExporters } from './WorldExporters.tsx';
import { VerdictTable } from './VerdictTable.tsx';
import { MineralPanel } from './MineralPanel.tsx';
import { ChokepointPanel } from './ChokepointPanel.tsx';
import { dossierProvenance } from './shaping.ts';
import type { Lang } from './types.ts';
import { useCriticalNames } from './useCriticalNames.ts';
import { useSeaRoutes } from './useSeaRoutes.ts';

/**
 * The product dossier `#/product/<hs6>?reporter=JPN&year=2024`: suppliers (map, Sankey, table, shares over the
 * years), world exporters, the reporter's exports and M/X, every method's verdict, mine ▸ refine ▸ trade, and
 * chokepoint exposure with the route map. Printable as a clean document (product.css, "Print / PDF").
 */
export function ProductDossier({ route }: ViewProps) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const hs6 = route.path[1] ?? '';
  const reporter = route.query.get('reporter') || 'JPN';
  const { reference, error: referenceError } = useReference();
  const year = Number(route.query.get('year')) || reference?.years.at(-1) || 0;
  const loaded = useGetWhen(Boolean(hs6 && year), 'GET /api/products/{hs6}', {
    path: { hs6 },
    query: { reporter, year },
  });
  const dossier = loaded.loading ? null : loaded.data;
  const error = loaded.error?.message ?? null;
  const sea = useSeaRoutes(dossier && { reporter: dossier.reporter, year: dossier.year, hs6: dossier.hs6 });

  const nameOf = useMemo(
    () => namer(reference?.countries ?? [], reference?.groups ?? [], lang),
    [reference, lang],
  );
  const criticalName = useCriticalNames(lang);
  const target = dossier?.years.find((y) => y.year === dossier.year);
  const reporterName = dossier ? nameOf(dossier.reporter) : nameOf(reporter);
  const provenance = dossier
    ? dossierProvenance(dossier, sea.loaded?.exposure ?? null, {
        dossier: t('product.title'),
        minerals: t('product.minerals.heading'),
      })
    : [];

  return (
    <section aria-labelledby="dossier-heading" className="dossier">
      <div className="dossier-toolbar no-print">
        {reference && (
          <ReporterYearPicker
            reference={reference}
            reporter={dossier?.reporter ?? reporter}
            year={year}
            onChange={(r, y) => navigate(['product', hs6], { reporter: r, year: y })}
          />
        )}
        <button
          type="button"
          onClick={() => window.print()}
          title={t('product.printHint')}
          data-testid="print"
        >
          {t('product.print')}
        </button>
        {dossier && (
          <ShareButton
            kind="dossier"
            source={{ hs6, reporter, year: String(year) }}
            title={`${t('product.title')} HS ${hs6} ${reporter} ${year}`}
          />
        )}
      </div>
      <p className="dossier-kind">
        {t('product.title')} · {reporterName} · {year || ''}{' '}
        {dossier && <MarkingBadge marking={dossier.marking} />}
      </p>
      <h2 id="dossier-heading">
        HS {hs6}
        {dossier &&
          ` ${lang === 'ja' ? dossier.labelJa || dossier.labelEn : dossier.labelEn || dossier.labelJa}`}
      </h2>
      {dossier && (
        <p className="other-label" lang={lang === 'ja' ? 'en' : 'ja'}>
          {lang === 'ja' ? dossier.labelEn : dossier.labelJa}
        </p>
      )}
      {(error || referenceError) && (
        <p role="alert">{t('error.load', { message: error ?? referenceError })}</p>
      )}
      {!dossier && !error && (
        <p role="status" aria-live="polite">
          {t('product.loading')}
        </p>
      )}
      {dossier && reference && (
        <>
          <p className="critical-goods">
            {dossier.critical.length > 0 ? (
              <>
                {t('product.critical')}:{' '}
                {dossier.critical.map((c) => (
                  <span key={c} className="tag critical" data-testid="critical">
                    {criticalName(c)}
                  </span>
                ))}
              </>
            ) : (
              <span className="note">{t('product.notCritical')}</span>
            )}
          </p>
          {!target ? (
            <p>{t('product.noImports', { reporter: reporterName, year: dossier.year })}</p>
          ) : (
            <>
              <p data-testid="summary">
                {t('product.summary', {
                  reporter: reporterName,
                  year: dossier.year,
                  value: money(target.importValueUsd),
                  suppliers: target.supplierCount,
                  top: target.topSupplier ? nameOf(target.topSupplier) : '—',
                  share: formatShare(target.topShare, lang),
                })}
              </p>
              <DossierHeadline target={target} growth={dossier.importTrend.growth} nameOf={nameOf} />
              <SupplierPanel
                year={target}
                reporter={dossier.reporter}
                reporterMembers={dossier.reporterMembers}
                reporterName={reporterName}
                nameOf={nameOf}
                reference={reference}
                provenance={dossier.provenance}
              />
            </>
          )}
          {dossier.years.length > 1 && <SharesOverYears years={dossier.years} nameOf={nameOf} />}
          <WorldExporters
            exporters={dossier.worldExporters}
            year={dossier.year}
            target={target}
            reporterName={reporterName}
            nameOf={nameOf}
          />
          <VerdictTable verdicts={dossier.verdicts} year={dossier.year} />
          <MineralPanel
            minerals={dossier.minerals}
            withheld={dossier.withheld.includes('minerals')}
            nameOf={nameOf}
          />
          <ChokepointPanel
            loaded={sea.loaded}
            error={sea.error}
            reporterName={reporterName}
            nameOf={nameOf}
          />
          <ProvenanceFooter provenance={provenance} money />
        </>
      )}
    </section>
  );
}
