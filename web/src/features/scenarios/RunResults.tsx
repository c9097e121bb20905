import { useTranslation } from 'react-i18next';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ExportsInUsd } from '../../format/CurrencyNote.tsx';
import { formatNumber } from '../../format/numbers.ts';
import { EconomySection } from './EconomySection.tsx';
import { ProductLosses } from './ProductLosses.tsx';
import { RunSources } from './RunSources.tsx';
import { RunTotals } from './RunTotals.tsx';
import { SubstitutionTable } from './SubstitutionTable.tsx';
import { SurvivalSection } from './SurvivalSection.tsx';
import type { ScenarioRun } from './types.ts';
import { useRunCharts } from './useRunCharts.ts';
import { apiUrl } from '../../api/client.ts';

/** A finished run's results: totals and exports, then per product, substitution, survival, economy and sources. */
export function RunResults({ run }: { run: ScenarioRun }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const result = run.result!;
  const charts = useRunCharts(result);
  const num = (v: number | null | undefined, digits = 1) => formatNumber(v, i18n.language, digits);
  const exportHref = (format: 'json' | 'csv') =>
    apiUrl('GET /api/scenario-runs/{id}/export', { path: { id: run.id }, query: { format } });
  return (
    <section aria-labelledby="results-heading" className="scenario-results" data-run={run.id}>
      <h3 id="results-heading">
        {t('scenarios.resultOf', { id: run.id.slice(0, 8), version: run.version })}{' '}
        <MarkingBadge marking={run.marking} />
      </h3>
      <p>
        {lang === 'ja' && result.nameJa ? result.nameJa : result.name} · {result.reporter[lang]} ·{' '}
        {result.year} · {t('scenarios.horizon')}: {num(result.horizonMonths)}
      </p>
      <p className="note">
        {t('scenarios.rangeNote', { draws: result.monteCarlo.draws, seed: result.monteCarlo.seed })}
      </p>
      <RunTotals totals={result.totals} />
      <p className="exports">
        {t('scenarios.export')}:{' '}
        <a href={exportHref('json')} download data-testid="export-json">
          {t('scenarios.exportJson')}
        </a>{' '}
        ·{' '}
        <a href={exportHref('csv')} download data-testid="export-csv">
          {t('scenarios.exportCsv')}
        </a>
        <ExportsInUsd />
      </p>

      <ProductLosses
        result={result}
        products={charts.products}
        timelineOption={charts.timelineOption}
        productOption={charts.productOption}
      />
      <SubstitutionTable substitution={charts.substitution} />
      <SurvivalSection result={result} survival={charts.survival} survivalOption={charts.survivalOption} />
      <EconomySection result={result} outputOption={charts.outputOption} sectorOption={charts.sectorOption} />
      <RunSources result={result} />
    </section>
  );
}
