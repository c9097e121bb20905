import { useTranslation } from 'react-i18next';
import { formatNumber, formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import { noneInDataset, type GoodRisks } from './goodRisks.ts';
import type { Lang } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** One row per good: its ministry, import value, headline risk and how many of its products are flagged. */
export function GoodsOverview({
  risks,
  screened,
  year,
  countryName,
  held,
}: {
  risks: GoodRisks[];
  /** The product codes the screen's dataset holds (null until known). */
  held: ReadonlySet<string> | null;
  /** The screen answered (figures are shown, or "—" while it has not). */
  screened: boolean;
  year: number;
  countryName: (iso3: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  return (
    <table data-testid="goods-overview">
      <TableHead
        columns={[
          t('critical.col.good'),
          ...['ministry', 'importValue', 'headline'].map((c) => t(`critical.${c}`)),
          t('critical.col.flags'),
        ]}
      />
      <tbody>
        {risks.map((r) => (
          <tr key={r.good.id} data-good={r.good.id}>
            <th scope="row">
              <a
                href={`#good-${r.good.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(`good-${r.good.id}`)?.scrollIntoView();
                }}
              >
                {r.good[lang]}
              </a>
            </th>
            <td>{r.good.ministry[lang]}</td>
            <td className="num">{screened ? money(r.importValueUsd) : '—'}</td>
            <td data-testid="headline">
              {r.headline?.item
                ? t('critical.headlineText', {
                    product: r.headline.code.hs6,
                    supplier: countryName(r.headline.item.topSupplier),
                    share: formatShare(r.headline.item.topShare, lang),
                    hhi: formatNumber(r.headline.item.hhi, lang, 3),
                  })
                : screened
                  ? noneInDataset(r, held)
                    ? t('critical.noneInDataset')
                    : t('critical.noImports', { year })
                  : '—'}
            </td>
            <td>
              {screened
                ? t('critical.flaggedCount', { flagged: r.flaggedProducts, total: r.products.length })
                : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
