import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { formatNumber } from '../../format/numbers.ts';
import { href } from '../../router/router.ts';
import { MoneyRange, useMoney } from './money.tsx';
import type { ProductResult, ScenarioRunResult } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

const columns = ['product', 'imports', 'lost', 'lostQuantity', 'replaced', 'unmet'];

/** Shortfall per month, and per product: the chart and the table of imports, losses, replacement and unmet need. */
export function ProductLosses({
  result,
  products,
  timelineOption,
  productOption,
}: {
  result: ScenarioRunResult;
  products: ProductResult[];
  timelineOption: ChartOption;
  productOption: ChartOption;
}) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const num = (v: number | null | undefined, digits = 1) => formatNumber(v, i18n.language, digits);
  return (
    <>
      <h4>{t('scenarios.timeline')}</h4>
      <div data-testid="timeline-chart">
        <Chart option={timelineOption} label={t('scenarios.timeline')} height={300} />
      </div>

      <h4>{t('scenarios.perProduct')}</h4>
      <div data-testid="product-chart">
        <Chart option={productOption} label={t('scenarios.perProduct')} height={260} />
      </div>
      <table data-testid="product-table">
        <TableHead columns={columns.map((c) => t(`scenarios.${c}`))} />
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
    </>
  );
}
