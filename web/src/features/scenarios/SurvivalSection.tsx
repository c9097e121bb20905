import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { formatNumber, formatShare } from '../../format/numbers.ts';
import type { SurvivalRow } from './shaping.ts';
import type { ScenarioRunResult } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** Time to survive and to recover per product, the products whose shortfall binds first, and their chart. */
export function SurvivalSection({
  result,
  survival,
  survivalOption,
}: {
  result: ScenarioRunResult;
  survival: SurvivalRow[];
  survivalOption: ChartOption;
}) {
  const { t, i18n } = useTranslation();
  const num = (v: number | null | undefined, digits = 1) => formatNumber(v, i18n.language, digits);
  return (
    <>
      <h4>{t('scenarios.survival')}</h4>
      <p className="note">{t('scenarios.survivalNote')}</p>
      <p data-testid="binding-first">
        <strong>{t('scenarios.bindingFirst')}:</strong>{' '}
        {result.bindingProducts.length > 0 ? result.bindingProducts.join(', ') : t('scenarios.noneBinding')}
      </p>
      <Chart option={survivalOption} label={t('scenarios.survival')} height={260} />
      <table data-testid="survival-table">
        <TableHead columns={['product', 'tts', 'ttr', 'binds', 'pBind'].map((c) => t(`scenarios.${c}`))} />
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
    </>
  );
}
