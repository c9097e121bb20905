import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { inReaderCurrency, useMoney } from './money.tsx';
import {
  monthlyShortfall,
  outputTimelineChart,
  productLossChart,
  productsByLoss,
  sectorTimelineChart,
  shortfallChart,
  substitutionRows,
  survivalChart,
  survivalRows,
  type Labels,
} from './shaping.ts';
import type { ScenarioRunResult } from './types.ts';

/** Chart labels in the user's language. */
export function useChartLabels(): Labels {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      month: t('scenarios.month'),
      day: t('scenarios.day'),
      lost: t('scenarios.lost'),
      replaced: t('scenarios.replaced'),
      stockDrawn: t('scenarios.stockDrawn'),
      unmet: t('scenarios.unmet'),
      central: t('scenarios.central'),
      band: t('scenarios.band'),
      timeToSurvive: t('scenarios.tts'),
      timeToRecover: t('scenarios.ttr'),
      relativeOutput: t('scenarios.relativeOutput'),
    }),
    [t],
  );
}

/**
 * A run's result shaped for its tables and charts (shaping.ts), money in the reader's currency, labels in the
 * user's language; recomputed only when the result, the language or the currency changes.
 */
export function useRunCharts(result: ScenarioRunResult) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const labels = useChartLabels();
  const money = useMoney();
  const months = useMemo(() => monthlyShortfall(result), [result]);
  const products = useMemo(() => productsByLoss(result), [result]);
  const substitution = useMemo(() => substitutionRows(result), [result]);
  const survival = useMemo(() => survivalRows(result), [result]);
  const productOption = useMemo(
    () => inReaderCurrency(productLossChart(products, labels), money),
    [products, labels, money],
  );
  const timelineOption = useMemo(
    () => inReaderCurrency(shortfallChart(months, labels), money),
    [months, labels, money],
  );
  const survivalOption = useMemo(
    () => survivalChart(survival, result.horizonMonths, labels),
    [survival, result.horizonMonths, labels],
  );
  const economy = result.economy;
  const outputOption = useMemo(
    () => (economy ? outputTimelineChart(economy, labels) : null),
    [economy, labels],
  );
  const sectorOption = useMemo(() => {
    if (!economy) return null;
    const sectorName = (code: string) => {
      const s = economy.sectors.find((x) => x.code === code);
      return s ? `${s.code} ${s[lang]}` : code;
    };
    return sectorTimelineChart(economy, sectorName, labels);
  }, [economy, labels, lang]);
  return {
    products,
    substitution,
    survival,
    productOption,
    timelineOption,
    survivalOption,
    outputOption,
    sectorOption,
  };
}
