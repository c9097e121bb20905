import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/Chart.tsx';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter, type Provenance } from '../../components/ProvenanceFooter.tsx';
import { ExportsInUsd } from '../../format/currency.tsx';
import { formatNumber, formatShare } from '../../format/numbers.ts';
import { href } from '../../router/router.ts';
import { MethodList } from './MethodList.tsx';
import { inReaderCurrency, MoneyRange, UnitRange, useMoney } from './money.tsx';
import {
  monthlyShortfall,
  productLossChart,
  outputTimelineChart,
  productsByLoss,
  sectorTimelineChart,
  shortfallChart,
  substitutionRows,
  survivalChart,
  survivalRows,
  type Labels,
} from './shaping.ts';
import type { ScenarioRun, ScenarioRunResult } from './types.ts';

/** Chart labels in the user's language. */
export function useChartLabels(): Labels {
  const { t, i18n } = useTranslation();
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
    [t, i18n.language],
  );
}

/** Every source a result read, for the provenance footer (trade, IO table, sea network), methods attached. */
export function resultProvenance(result: ScenarioRunResult): Provenance[] {
  const p = result.provenance;
  return [p.trade, p.ioTable, p.seaNetwork].filter((x) => x !== undefined);
}

export function RunResults({ run }: { run: ScenarioRun }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const result = run.result!;
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
  const num = (v: number | null | undefined, digits = 1) => formatNumber(v, i18n.language, digits);
  const totals = result.totals;
  const exportHref = (format: 'json' | 'csv') =>
    `/api/scenario-runs/${encodeURIComponent(run.id)}/export?format=${format}`;
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
      <dl className="totals">
        <div>
          <dt>{t('scenarios.importsAffected')}</dt>
          <dd data-testid="total-imports" data-value={totals.importsAffected}>
            {money(totals.importsAffected)}
          </dd>
        </div>
        <div>
          <dt>{t('scenarios.lost')}</dt>
          <dd>
            <MoneyRange value={totals.lost} testId="total-lost" />
          </dd>
        </div>
        <div>
          <dt>{t('scenarios.replaced')}</dt>
          <dd>
            <MoneyRange value={totals.replaced} testId="total-replaced" />
          </dd>
        </div>
        <div>
          <dt>{t('scenarios.stockDrawn')}</dt>
          <dd>
            <MoneyRange value={totals.stockDrawn} testId="total-stock" />
          </dd>
        </div>
        <div>
          <dt>{t('scenarios.unmet')}</dt>
          <dd>
            <MoneyRange value={totals.unmet} testId="total-unmet" />
          </dd>
        </div>
      </dl>
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

      <h4>{t('scenarios.timeline')}</h4>
      <div data-testid="timeline-chart">
        <Chart option={timelineOption} label={t('scenarios.timeline')} height={300} />
      </div>

      <h4>{t('scenarios.perProduct')}</h4>
      <div data-testid="product-chart">
        <Chart option={productOption} label={t('scenarios.perProduct')} height={260} />
      </div>
      <table data-testid="product-table">
        <thead>
          <tr>
            <th scope="col">{t('scenarios.product')}</th>
            <th scope="col">{t('scenarios.imports')}</th>
            <th scope="col">{t('scenarios.lost')}</th>
            <th scope="col">{t('scenarios.lostQuantity')}</th>
            <th scope="col">{t('scenarios.replaced')}</th>
            <th scope="col">{t('scenarios.unmet')}</th>
          </tr>
        </thead>
        <tbody>
          {products.map((p) => (
            <tr key={p.product} data-product={p.product}>
              <th scope="row">
                <a href={href(['product', p.product], { reporter: result.reporter.iso3, year: result.year })}>
                  {p.product}
                </a>
              </th>
              <td className="num">{money(p.imports)}</td>
              <td className="num">
                <MoneyRange value={p.lost} testId={`lost-${p.product}`} />
              </td>
              <td className="num">{num(p.lostQuantity, 0)}</td>
              <td className="num">
                <MoneyRange value={p.replaced} />
              </td>
              <td className="num">
                <MoneyRange value={p.unmet} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h4>{t('scenarios.substitutionResult')}</h4>
      <table data-testid="substitution-table">
        <thead>
          <tr>
            <th scope="col">{t('scenarios.product')}</th>
            <th scope="col">{t('scenarios.lost')}</th>
            <th scope="col">{t('scenarios.replaced')}</th>
            <th scope="col">{t('scenarios.replacedShare')}</th>
            <th scope="col">{t('scenarios.from')}</th>
            <th scope="col">{t('scenarios.unmet')}</th>
          </tr>
        </thead>
        <tbody>
          {substitution.map((r) => (
            <tr key={r.product}>
              <th scope="row">{r.product}</th>
              <td className="num">{money(r.lost)}</td>
              <td className="num">{money(r.replaced)}</td>
              <td className="num">{formatShare(r.replacedShare, i18n.language)}</td>
              <td>
                {r.from.length === 0
                  ? t('scenarios.none')
                  : r.from.slice(0, 5).map((x, i) => (
                      <span key={x.partner}>
                        {i > 0 && ', '}
                        {x[lang]} {money(x.value)}
                        {x.likeMinded && <small className="tag"> {t('scenarios.likeMindedTag')}</small>}
                      </span>
                    ))}
              </td>
              <td className="num">{money(r.unmet)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h4>{t('scenarios.survival')}</h4>
      <p className="note">{t('scenarios.survivalNote')}</p>
      <p data-testid="binding-first">
        <strong>{t('scenarios.bindingFirst')}:</strong>{' '}
        {result.bindingProducts.length > 0 ? result.bindingProducts.join(', ') : t('scenarios.noneBinding')}
      </p>
      <Chart option={survivalOption} label={t('scenarios.survival')} height={260} />
      <table data-testid="survival-table">
        <thead>
          <tr>
            <th scope="col">{t('scenarios.product')}</th>
            <th scope="col">{t('scenarios.tts')}</th>
            <th scope="col">{t('scenarios.ttr')}</th>
            <th scope="col">{t('scenarios.binds')}</th>
            <th scope="col">{t('scenarios.pBind')}</th>
          </tr>
        </thead>
        <tbody>
          {survival.map((r) => (
            <tr key={r.product} className={r.binding ? 'binding' : undefined}>
              <th scope="row">{r.product}</th>
              <td className="num">
                {r.timeToSurvive === null ? t('scenarios.beyond') : num(r.timeToSurvive)}
              </td>
              <td className="num">{num(r.timeToRecover)}</td>
              <td>{r.binding ? `${t('scenarios.yes')} (${r.bindingRank})` : ''}</td>
              <td className="num">{formatShare(r.bindingProbability, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h4>{t('scenarios.economy')}</h4>
      {!economy && <p className="note">{t('scenarios.noEconomy')}</p>}
      {economy && (
        <>
          <p className="note">{t('scenarios.sectorUnit', { unit: result.units.sectors ?? '' })}</p>
          <p>
            {t('scenarios.worst', {
              pct: formatShare(economy.worstRelativeOutput.value, i18n.language),
              day: economy.worstDay,
              recovered:
                economy.recoveredDay === null
                  ? t('scenarios.notRecovered')
                  : t('scenarios.recoveredBy', { day: economy.recoveredDay }),
            })}
          </p>
          <dl className="totals">
            <div>
              <dt>{t('scenarios.leontiefVA')}</dt>
              <dd>
                <UnitRange value={economy.leontiefValueAddedLoss} />
              </dd>
            </div>
            <div>
              <dt>{t('scenarios.arioVA')}</dt>
              <dd>
                <UnitRange value={economy.arioValueAddedLoss} />
              </dd>
            </div>
            <div>
              <dt>{t('scenarios.ghoshOutput')}</dt>
              <dd>
                <UnitRange value={economy.ghoshOutputLoss} />
              </dd>
            </div>
            <div>
              <dt>{t('scenarios.arioOutput')}</dt>
              <dd>
                <UnitRange value={economy.arioOutputLoss} />
              </dd>
            </div>
          </dl>
          <h5>{t('scenarios.outputTimeline')}</h5>
          <div data-testid="output-chart">
            {outputOption && (
              <Chart option={outputOption} label={t('scenarios.outputTimeline')} height={280} />
            )}
          </div>
          <h5>{t('scenarios.sectorTimeline')}</h5>
          {sectorOption && <Chart option={sectorOption} label={t('scenarios.sectorTimeline')} height={280} />}
          <table data-testid="sector-table">
            <thead>
              <tr>
                <th scope="col">{t('scenarios.sector')}</th>
                <th scope="col">{t('scenarios.inoperability')}</th>
                <th scope="col">{t('scenarios.leontiefOutput')}</th>
                <th scope="col">{t('scenarios.ghoshOutput')}</th>
                <th scope="col">{t('scenarios.arioOutput')}</th>
                <th scope="col">{t('scenarios.leontiefVA')}</th>
                <th scope="col">{t('scenarios.arioVA')}</th>
              </tr>
            </thead>
            <tbody>
              {economy.sectors.map((s) => (
                <tr key={s.code}>
                  <th scope="row">
                    {s.code} {s[lang]}
                  </th>
                  <td className="num">{s.inoperability.value.toExponential(2)}</td>
                  <td className="num">
                    <UnitRange value={s.leontiefOutputLoss} />
                  </td>
                  <td className="num">
                    <UnitRange value={s.ghoshOutputLoss} />
                  </td>
                  <td className="num">
                    <UnitRange value={s.arioOutputLoss} />
                  </td>
                  <td className="num">
                    <UnitRange value={s.leontiefValueAddedLoss} />
                  </td>
                  <td className="num">
                    <UnitRange value={s.arioValueAddedLoss} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h4>{t('scenarios.sources')}</h4>
      <h5>{t('scenarios.methods')}</h5>
      <MethodList methods={result.provenance.methods} />
      {result.provenance.concordance && (
        <p>
          {t('scenarios.concordance')}: {result.provenance.concordance.id} —{' '}
          {result.provenance.concordance.source}
        </p>
      )}
      {result.assumptions.length > 0 && (
        <details>
          <summary>{t('scenarios.assumptions')}</summary>
          <ul>
            {result.assumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </details>
      )}
      <ProvenanceFooter provenance={resultProvenance(result)} money />
    </section>
  );
}
