import { useTranslation } from 'react-i18next';
import { formatNumber, formatShare } from '../../format/numbers.ts';
import { href } from '../../router/router.ts';
import { useCurrency } from '../../format/currency.tsx';
import { ariaSort, type ScreenState, type SortKey } from './screenState.ts';
import type { MethodInfo, ScreenItem } from './types.ts';

type Column = { key: keyof ScreenItem | 'flags'; sort?: SortKey; num?: boolean };

const columns: Column[] = [
  { key: 'hs6', sort: 'hs6' },
  { key: 'labelEn', sort: 'label' },
  { key: 'importValueUsd', sort: 'importValueUsd', num: true },
  { key: 'hhi', sort: 'hhi', num: true },
  { key: 'topSupplier', sort: 'topSupplier' },
  { key: 'topShare', sort: 'topShare', num: true },
  { key: 'suppliers', sort: 'suppliers', num: true },
  { key: 'countriesTo75', sort: 'countriesTo75', num: true },
  { key: 'worldExportHhi', sort: 'worldExportHhi', num: true },
  { key: 'importExportRatio', sort: 'importExportRatio', num: true },
  { key: 'concernShare', sort: 'concernShare', num: true },
  { key: 'flags', sort: 'flags' },
];

const columnText: Record<string, string> = { labelEn: 'label' };

/** The all-product table: one row per HS6, headers sort (aria-sort), each product links to its dossier. */
export function ScreenTable({
  items,
  state,
  year,
  reporterName,
  methods,
  nameOf,
  onSort,
}: {
  items: ScreenItem[];
  state: ScreenState;
  year: number;
  reporterName: string;
  methods: MethodInfo[];
  nameOf: (code: string) => string;
  onSort: (key: SortKey) => void;
}) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang = i18n.language;
  const ja = lang === 'ja';
  const link = { reporter: state.reporter, year };
  const heading = (c: Column) => t(`screening.col.${columnText[c.key] ?? c.key}`);
  return (
    <div className="table-scroll">
      <table className="screen-table" data-testid="screen-table">
        <caption>{t('screening.tableCaption', { reporter: reporterName, year })}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={c.sort ? ariaSort(state, c.sort) : undefined}
                className={c.num ? 'num' : undefined}
              >
                {c.sort ? (
                  <button
                    type="button"
                    className="sort"
                    onClick={() => onSort(c.sort!)}
                    title={t('screening.sortBy', { column: heading(c) })}
                  >
                    {heading(c)}
                    <span aria-hidden="true">
                      {state.sort === c.sort ? (state.order === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
                    </span>
                  </button>
                ) : (
                  heading(c)
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.hs6} data-hs6={item.hs6}>
              <th scope="row">
                <a href={href(['product', item.hs6], link)}>{item.hs6}</a>
              </th>
              <td lang={ja ? 'ja' : 'en'} className="label">
                <a href={href(['product', item.hs6], link)}>
                  {ja ? item.labelJa || item.labelEn : item.labelEn}
                </a>
                {item.critical.length > 0 && (
                  <span className="tag critical" title={item.critical.join(', ')}>
                    ★
                  </span>
                )}
              </td>
              <td className="num" data-testid="import-value" data-value={item.importValueUsd}>
                {money(item.importValueUsd)}
              </td>
              <td className="num">{formatNumber(item.hhi, lang, 3)}</td>
              <td data-testid="top-supplier" data-iso3={item.topSupplier}>
                <a href={href(['country', item.topSupplier], link)}>{nameOf(item.topSupplier)}</a>
              </td>
              <td className="num">{formatShare(item.topShare, lang)}</td>
              <td className="num">{formatNumber(item.suppliers, lang, 0)}</td>
              <td className="num">{formatNumber(item.countriesTo75, lang, 0)}</td>
              <td className="num">{formatNumber(item.worldExportHhi, lang, 3)}</td>
              <td className="num">
                {item.noExports ? t('screening.noExports') : formatNumber(item.importExportRatio, lang, 2)}
              </td>
              <td className="num">{formatShare(item.concernShare, lang)}</td>
              <td className="flags">
                {methods.map((m) => {
                  const name = ja ? m.nameJa : m.nameEn;
                  const on = item.flags[m.id];
                  return (
                    <span
                      key={m.id}
                      className={on ? 'flag on' : 'flag off'}
                      data-flag={m.id}
                      data-on={on ? 'true' : 'false'}
                      title={t(on ? 'screening.flagYes' : 'screening.flagNo', { method: name })}
                      aria-label={t(on ? 'screening.flagYes' : 'screening.flagNo', { method: name })}
                      role="img"
                    >
                      {on ? '●' : '○'}
                      <small aria-hidden="true">{m.id}</small>
                    </span>
                  );
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
