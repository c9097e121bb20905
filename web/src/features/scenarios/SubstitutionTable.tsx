import { useTranslation } from 'react-i18next';
import { formatShare } from '../../format/numbers.ts';
import { useMoney } from './money.tsx';
import type { SubstitutionRow } from './shaping.ts';
import { TableHead } from '../../components/TableHead.tsx';

const columns = ['product', 'lost', 'replaced', 'replacedShare', 'from', 'unmet'];

/** Per product: what was lost, what other suppliers replaced (and who), and what stayed unmet. */
export function SubstitutionTable({ substitution }: { substitution: SubstitutionRow[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const money = useMoney();
  return (
    <>
      <h4>{t('scenarios.substitutionResult')}</h4>
      <table data-testid="substitution-table">
        <TableHead columns={columns.map((c) => t(`scenarios.${c}`))} />
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
    </>
  );
}
