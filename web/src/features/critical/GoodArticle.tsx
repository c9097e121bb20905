import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { formatDate, formatNumber, formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import { missingReason, type GoodRisks, type ProductRisk } from './goodRisks.ts';
import type { Lang } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

/**
 * One good: its names, the sources of its designation, who last changed it, and its HS6 products with their
 * screen figures (or "not imported", or "not in this dataset" for a code the extract lacks); `children` is what follows (the analyst's editor or its button).
 */
export function GoodArticle({
  risk: r,
  screened,
  dossier,
  countryName,
  methodName,
  held,
  children,
}: {
  risk: GoodRisks;
  screened: boolean;
  /** The product codes the screen's dataset holds (null until known). */
  held: ReadonlySet<string> | null;
  dossier: (hs6: string) => string;
  countryName: (iso3: string) => string;
  methodName: (id: string) => string;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const label = (p: ProductRisk) =>
    (p.item ? (lang === 'ja' ? p.item.labelJa : p.item.labelEn) : '') || p.code.note;
  return (
    <article
      id={`good-${r.good.id}`}
      aria-labelledby={`good-${r.good.id}-h`}
      className="good"
      data-good={r.good.id}
    >
      <h3 id={`good-${r.good.id}-h`}>
        {r.good.ja} <span lang="en">/ {r.good.en}</span>{' '}
        {r.good.edited && <span className="tag edited">{t('critical.edited')}</span>}{' '}
        <MarkingBadge marking={r.good.marking} />
      </h3>
      <dl className="sources">
        <div>
          <dt>{t('critical.designation')}</dt>
          <dd>{r.good.designation[lang]}</dd>
        </div>
        <div>
          <dt>{t('critical.ministry')}</dt>
          <dd>{r.good.ministry[lang]}</dd>
        </div>
        {r.good.note && (
          <div>
            <dt>{t('critical.note')}</dt>
            <dd>{r.good.note}</dd>
          </div>
        )}
      </dl>
      {r.good.updatedBy && (
        <p className="note">
          {t('critical.updated', { date: formatDate(r.good.updatedAt, lang), user: r.good.updatedBy })}
        </p>
      )}
      {r.products.length > 0 && (
        <table className="products">
          <TableHead
            columns={['hs6', 'label', 'match', 'importValue', 'topSupplier', 'topShare', 'hhi', 'flags'].map(
              (c) => t(`critical.col.${c}`),
            )}
          />
          <tbody>
            {r.products.map((p) => (
              <tr key={p.code.hs6} data-hs6={p.code.hs6}>
                <th scope="row">
                  <a href={dossier(p.code.hs6)} aria-label={t('critical.dossier', { hs6: p.code.hs6 })}>
                    {p.code.hs6}
                  </a>
                </th>
                <td>{label(p)}</td>
                <td>{t(`critical.match.${p.code.match}`)}</td>
                {p.item ? (
                  <>
                    <td className="num">{money(p.item.importValueUsd)}</td>
                    <td data-testid="top-supplier" data-iso3={p.item.topSupplier}>
                      {countryName(p.item.topSupplier)}
                    </td>
                    <td className="num">{formatShare(p.item.topShare, lang)}</td>
                    <td className="num">{formatNumber(p.item.hhi, lang, 3)}</td>
                    <td>{p.flaggedBy.map(methodName).join(', ') || t('critical.none')}</td>
                  </>
                ) : (
                  <td colSpan={5} data-missing={screened ? missingReason(p.code.hs6, held) : undefined}>
                    {screened
                      ? missingReason(p.code.hs6, held) === 'not_in_dataset'
                        ? t('critical.notInDataset')
                        : t('critical.notImported')
                      : '—'}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {children}
    </article>
  );
}
