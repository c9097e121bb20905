import { useTranslation } from 'react-i18next';
import { formatNumber, formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import { href } from '../../router/router.ts';
import type { StraitRow } from './exposureView.ts';
import type { Lang } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** Share of import value through each strait, the flows behind it, and a checkbox to close it in the what-if. */
export function StraitExposureTable({
  rows,
  reporter,
  year,
  ruleLabel,
  onToggle,
}: {
  rows: StraitRow[];
  reporter: string;
  year: number;
  ruleLabel: (rule: string) => string;
  onToggle: (passage: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  if (rows.length === 0) return <p>{t('chokepoints.exposure.none')}</p>;
  return (
    <>
      <table data-testid="strait-exposure">
        <TableHead
          columns={['strait', 'value', 'share', 'shareSea', 'flows', 'close'].map((c) =>
            t(`chokepoints.col.${c}`),
          )}
        />
        <tbody>
          {rows.map((r) => (
            <tr key={r.passage} data-passage={r.passage}>
              <th scope="row">{r.name}</th>
              <td className="num">{money(r.valueKusd * 1000)}</td>
              <td className="num" data-testid={`share-${r.passage}`}>
                {formatShare(r.shareOfImports, lang)}
              </td>
              <td className="num">{formatShare(r.shareOfSeaImports, lang)}</td>
              <td className="num">{formatNumber(r.flows, lang, 0)}</td>
              <td>
                <input
                  type="checkbox"
                  id={`close-row-${r.passage}`}
                  aria-label={`${t('chokepoints.col.close')}: ${r.name}`}
                  checked={r.closed}
                  onChange={() => onToggle(r.passage)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.slice(0, 6).map((r) => (
        <details key={r.passage} className="flows-behind">
          <summary>{t('chokepoints.flowsBehind', { strait: r.name })}</summary>
          <table>
            <TableHead
              columns={['partner', 'product', 'value', 'rule'].map((c) => t(`chokepoints.col.${c}`))}
            />
            <tbody>
              {r.topFlows.map((f) => (
                <tr key={`${f.partner}-${f.product}`}>
                  <td>{f.partnerName}</td>
                  <td>
                    <a href={href(['product', f.product], { reporter, year })}>{f.product}</a>
                  </td>
                  <td className="num">{money(f.valueKusd * 1000)}</td>
                  <td>{ruleLabel(f.rule)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </>
  );
}
