import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { Figures } from '../../components/Figures.tsx';
import { formatShare } from '../../format/numbers.ts';
import { UnitRange } from './money.tsx';
import type { ScenarioRunResult } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** The economy's totals: the figure and its label key. */
const economyTotals = [
  ['leontiefValueAddedLoss', 'leontiefVA'],
  ['arioValueAddedLoss', 'arioVA'],
  ['ghoshOutputLoss', 'ghoshOutput'],
  ['arioOutputLoss', 'arioOutput'],
] as const;

/** Each sector's losses, in the table's order, and their column label keys. */
const sectorLosses = [
  'leontiefOutputLoss',
  'ghoshOutputLoss',
  'arioOutputLoss',
  'leontiefValueAddedLoss',
  'arioValueAddedLoss',
] as const;
const sectorColumns = ['leontiefOutput', 'ghoshOutput', 'arioOutput', 'leontiefVA', 'arioVA'];

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
          <Figures
            className="totals"
            figures={economyTotals.map(([key, label]) => ({
              label: t(`scenarios.${label}`),
              value: <UnitRange value={economy[key]} />,
            }))}
          />
          <h5>{t('scenarios.outputTimeline')}</h5>
          <div data-testid="output-chart">
            {outputOption && (
              <Chart option={outputOption} label={t('scenarios.outputTimeline')} height={280} />
            )}
          </div>
          <h5>{t('scenarios.sectorTimeline')}</h5>
          {sectorOption && <Chart option={sectorOption} label={t('scenarios.sectorTimeline')} height={280} />}
          <table data-testid="sector-table">
            <TableHead
              columns={['sector', 'inoperability', ...sectorColumns].map((c) => t(`scenarios.${c}`))}
            />
            <tbody>
              {economy.sectors.map((s) => (
                <tr key={s.code}>
                  <th scope="row">{`${s.code} ${s[lang]}`}</th>
                  <td className="num">{s.inoperability.value.toExponential(2)}</td>
                  {sectorLosses.map((key) => (
                    <td key={key} className="num">
                      <UnitRange value={s[key]} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
