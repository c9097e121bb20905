import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter, type Provenance } from '../../components/ProvenanceFooter.tsx';
import { formatNumber, formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import { navigate } from '../../router/router.ts';
import type { ViewProps } from '../../views.ts';
import './texts.ts';
import './product.css';
import { useReference, namer } from './useReference.ts';
import { ReporterYearPicker } from './ReporterYearPicker.tsx';
import { SupplierPanel } from './SupplierPanel.tsx';
import { SharesOverYears } from './SharesOverYears.tsx';
import { WorldExporters } from './WorldExporters.tsx';
import { VerdictTable } from './VerdictTable.tsx';
import { MineralPanel } from './MineralPanel.tsx';
import { ChokepointPanel } from './ChokepointPanel.tsx';
import { flatThresholds } from './shaping.ts';
import type { Dossier, Exposure, Lang } from './types.ts';

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
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exposure, setExposure] = useState<Exposure | null>(null);

  useEffect(() => {
    if (!hs6 || !year) return;
    let live = true;
    setDossier(null);
    setError(null);
    api<Dossier>(
      `/products/${encodeURIComponent(hs6)}?${new URLSearchParams({ reporter, year: String(year) })}`,
    )
      .then((d) => live && setDossier(d))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [hs6, reporter, year]);

  const nameOf = useMemo(() => namer(reference, lang), [reference, lang]);
  const onExposure = useCallback((e: Exposure | null) => setExposure(e), []);
  const target = dossier?.years.find((y) => y.year === dossier.year);
  const reporterName = dossier ? nameOf(dossier.reporter) : nameOf(reporter);
  const criticalName = (id: string) => reference?.critical.find((c) => c.id === id)?.[lang] ?? id;

  const provenance: Provenance[] = [];
  if (dossier) {
    provenance.push({
      ...dossier.provenance,
      method: t('product.title'),
      thresholds: flatThresholds(dossier.provenance.thresholds),
    });
    const seen = new Set([dossier.provenance.dataset]);
    for (const m of dossier.minerals) {
      if (seen.has(m.provenance.production.dataset)) continue;
      seen.add(m.provenance.production.dataset);
      provenance.push({ ...m.provenance.production, method: t('product.minerals.heading') });
    }
    if (exposure) provenance.push({ ...exposure.provenance.network, method: exposure.method });
  }

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
              <dl className="figures headline">
                <div>
                  <dt>{t('product.headline.importValue')}</dt>
                  <dd data-testid="import-value" data-value={target.importValueUsd}>
                    {money(target.importValueUsd)}
                  </dd>
                </div>
                <div>
                  <dt>{t('product.headline.topSupplier')}</dt>
                  <dd data-testid="top-supplier" data-iso3={target.topSupplier ?? ''}>
                    {target.topSupplier ? nameOf(target.topSupplier) : '—'}
                  </dd>
                </div>
                <div>
                  <dt>{t('product.headline.topShare')}</dt>
                  <dd data-testid="top-share">{formatShare(target.topShare, lang)}</dd>
                </div>
                <div>
                  <dt>{t('product.headline.hhi')}</dt>
                  <dd data-testid="hhi">{formatNumber(target.hhi, lang, 3)}</dd>
                </div>
                <div>
                  <dt>{t('product.headline.countriesTo75')}</dt>
                  <dd>{target.countriesTo75}</dd>
                </div>
                <div>
                  <dt>{t('product.headline.concernShare')}</dt>
                  <dd>{formatShare(target.concernShare, lang)}</dd>
                </div>
                <div>
                  <dt>{t('product.headline.likeMindedShare')}</dt>
                  <dd>{formatShare(target.likeMindedShare, lang)}</dd>
                </div>
                <div>
                  <dt>{t('product.headline.trend')}</dt>
                  <dd>{formatShare(dossier.importTrend.growth, lang)}</dd>
                </div>
              </dl>
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
          <MineralPanel minerals={dossier.minerals} nameOf={nameOf} />
          <ChokepointPanel
            reporter={dossier.reporter}
            year={dossier.year}
            hs6={dossier.hs6}
            reporterName={reporterName}
            nameOf={nameOf}
            onProvenance={onExposure}
          />
          <ProvenanceFooter provenance={provenance} money />
        </>
      )}
    </section>
  );
}
