import { useTranslation } from 'react-i18next';
import { formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import { href } from '../../router/router.ts';
import type { ProductRow, RuleRow, StraitRow } from './exposureView.ts';
import { StraitExposureTable } from './StraitExposureTable.tsx';
import type { ExposureResponse, Lang } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** The exposure report: its summary, the straits, the most exposed products and the freight rules behind it. */
export function ExposureTables({
  report,
  straits,
  products,
  rules,
  onToggle,
}: {
  report: ExposureResponse;
  straits: StraitRow[];
  products: ProductRow[];
  rules: RuleRow[];
  onToggle: (passage: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const percent = (v: number) => formatShare(v, lang);
  const ruleLabel = (rule: string) => report.byRule.find((r) => r.rule === rule)?.[lang] ?? rule;
  return (
    <>
      <h3>{t('chokepoints.exposure.heading')}</h3>
      <p data-testid="exposure-summary" data-total-kusd={report.totalValueKusd}>
        {t('chokepoints.exposure.summary', {
          reporter: report.reporter[lang],
          year: report.year,
          product: report.hs ? t('chokepoints.exposure.oneProduct', { hs: report.hs }) : '',
          total: money(report.totalValueKusd * 1000),
          sea: money(report.seaValueKusd * 1000),
        })}
      </p>
      <StraitExposureTable
        rows={straits}
        reporter={report.reporter.code}
        year={report.year}
        ruleLabel={ruleLabel}
        onToggle={onToggle}
      />
      {products.length > 0 && (
        <>
          <h3>{t('chokepoints.products.heading')}</h3>
          <table data-testid="exposed-products">
            <TableHead
              columns={[
                t('chokepoints.col.product'),
                ...['imports', 'seaShare', 'mainStrait', 'mainShare'].map((c) =>
                  t(`chokepoints.products.${c}`),
                ),
              ]}
            />
            <tbody>
              {products.map((p) => (
                <tr key={p.product}>
                  <th scope="row">
                    <a
                      href={href(['product', p.product], {
                        reporter: report.reporter.code,
                        year: report.year,
                      })}
                    >
                      {p.product}
                    </a>
                  </th>
                  <td className="num">{money(p.valueKusd * 1000)}</td>
                  <td className="num">{percent(p.seaShare)}</td>
                  <td>{p.mainStrait.name}</td>
                  <td className="num">{percent(p.mainStrait.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3>{t('chokepoints.rules.heading')}</h3>
      <table data-testid="freight-rules">
        <TableHead columns={['rule', 'value', 'share', 'flows'].map((c) => t(`chokepoints.col.${c}`))} />
        <tbody>
          {rules.map((r) => (
            <tr key={r.rule}>
              <th scope="row">{r.label}</th>
              <td className="num">{money(r.valueKusd * 1000)}</td>
              <td className="num">{percent(r.share)}</td>
              <td className="num">{r.flows}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{t('chokepoints.rules.note')}</p>
    </>
  );
}
