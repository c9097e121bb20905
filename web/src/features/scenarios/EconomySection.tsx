import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { formatShare } from '../../format/numbers.ts';
import { UnitRange } from './money.tsx';
import type { ScenarioRunResult } from './types.ts';

/** The economy-wide effect (input-output models): value added and output lost, over time and per sector. */
export function EconomySection({
  result,
  outputOption,
  sectorOption,
}: {
  result: ScenarioRunResult;
  outputOption: ChartOption | null;
  sectorOption: ChartOption | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const economy = result.economy;
  return (
    <>
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
    </>
  );
}
