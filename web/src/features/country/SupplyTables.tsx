import { useTranslation } from 'react-i18next';
import { figureColumn, TableHead } from '../../components/TableHead.tsx';
import { formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import { href } from '../../router/router.ts';
import type { Lang } from '../product/types.ts';
import { useCriticalNames } from '../product/useCriticalNames.ts';
import { partnerShareOf, supplyFlags } from './shaping.ts';
import type { PartnerSupply } from './types.ts';

interface TableProps {
  items: PartnerSupply[];
  /** The partner's and the reporter's names, for the texts that name them. */
  names: { partner: string; reporter: string };
  /** The reporter and year the products' dossiers are linked for. */
  link: { reporter: string; year: number };
}

/** The texts and formats both tables use. */
function useTableTexts(names: TableProps['names']) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  return { t, money, lang, share: t('country.share', names), fromPartner: t('country.fromPartner', names) };
}

/** A product's cell: its HS6 code linking to the dossier, and its label in the user's language. */
function ProductCell({ item: i, link }: { item: PartnerSupply; link: TableProps['link'] }) {
  const { t, i18n } = useTranslation();
  const label = i18n.language === 'ja' ? i.labelJa || i.labelEn : i.labelEn || i.labelJa;
  return (
    <td>
      <a href={href(['product', i.hs6], link)} title={t('country.dossier', { hs6: i.hs6 })}>
        {i.hs6}
      </a>{' '}
      <span className="product-label">{label}</span>
    </td>
  );
}

/** The products for which the reporter depends most on the partner: its share, value, and all imports. */
export function ExposedProducts({ items: exposed, names, link }: TableProps) {
  const { t, money, lang, share, fromPartner } = useTableTexts(names);
  return (
    <section aria-labelledby="exposed-heading" className="dossier-section">
      <h3 id="exposed-heading">{t('country.exposed', names)}</h3>
      <p className="note">
        {t('country.exposedIntro', {
          ...names,
          value: money(exposed.reduce((s, i) => s + i.valueUsd, 0)),
          share: formatShare(partnerShareOf(exposed), lang),
        })}
      </p>
      <table data-testid="exposed-table">
        <TableHead
          columns={[
            t('country.product'),
            ...[share, fromPartner, t('country.importValue')].map(figureColumn),
          ]}
        />
        <tbody>
          {exposed.map((i) => (
            <tr key={i.hs6} data-hs6={i.hs6}>
              <ProductCell item={i} link={link} />
              <td className="num">{formatShare(i.share, lang)}</td>
              <td className="num">{money(i.valueUsd)}</td>
              <td className="num">{money(i.importValueUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Everything the partner supplies: value, share, its rank among suppliers, the top supplier, and markers. */
export function PartnerSupplies({
  items,
  names,
  link,
  nameOf,
}: TableProps & { nameOf: (code: string) => string }) {
  const { t, money, lang, share, fromPartner } = useTableTexts(names);
  const criticalName = useCriticalNames(lang);
  return (
    <section aria-labelledby="supplies-heading" className="dossier-section">
      <h3 id="supplies-heading">{t('country.supplies', names)}</h3>
      <table data-testid="supplies-table">
        <TableHead
          columns={[
            t('country.product'),
            ...[fromPartner, share, t('country.rank')].map(figureColumn),
            t('country.topSupplier'),
            t('country.flags'),
          ]}
        />
        <tbody>
          {items.map((i) => (
            <tr key={i.hs6} data-hs6={i.hs6}>
              <ProductCell item={i} link={link} />
              <td className="num">{money(i.valueUsd)}</td>
              <td className="num" data-testid="supply-share">
                {formatShare(i.share, lang)}
              </td>
              <td className="num">
                {i.rank} / {i.suppliers}
              </td>
              <td>
                {nameOf(i.topSupplier)} {formatShare(i.topShare, lang)}
              </td>
              <td>
                {supplyFlags(i).map((f) =>
                  f === 'critical' ? (
                    i.critical.map((c) => (
                      <span key={c} className="tag critical" title={t('country.flag.critical')}>
                        {criticalName(c)}
                      </span>
                    ))
                  ) : (
                    <span key={f} className={`tag ${f === 'top' ? 'top' : 'flagged'}`}>
                      {t(`country.flag.${f}`)}
                    </span>
                  ),
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
