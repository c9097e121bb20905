import { useTranslation } from 'react-i18next';
import { formatNumber, formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import type { DossierYear, Lang } from './types.ts';

/** The dossier's headline figures for the target year: imports, top supplier and share, concentration, trend. */
export function DossierHeadline({
  target,
  growth,
  nameOf,
}: {
  target: DossierYear;
  growth: number | null;
  nameOf: (code: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  return (
    <dl className="figures headline">
      <div>
        <dt>{t('product.headline.importValue')}</dt>
        <dd data-testid="import-value" data-value={target.importValueUsd}>
          {money(target.importValueUsd)}
        </dd>
      </div>
      <div>
        <dt>{t('product.headline.topSupplier')}</dt>
        <dd data-testid="top-supplier" data-iso3={target.topSupplier ?? ''}>
          {target.topSupplier ? nameOf(target.topSupplier) : '—'}
        </dd>
      </div>
      <div>
        <dt>{t('product.headline.topShare')}</dt>
        <dd data-testid="top-share">{formatShare(target.topShare, lang)}</dd>
      </div>
      <div>
        <dt>{t('product.headline.hhi')}</dt>
        <dd data-testid="hhi">{formatNumber(target.hhi, lang, 3)}</dd>
      </div>
      <div>
        <dt>{t('product.headline.countriesTo75')}</dt>
        <dd>{target.countriesTo75}</dd>
      </div>
      <div>
        <dt>{t('product.headline.concernShare')}</dt>
        <dd>{formatShare(target.concernShare, lang)}</dd>
      </div>
      <div>
        <dt>{t('product.headline.likeMindedShare')}</dt>
        <dd>{formatShare(target.likeMindedShare, lang)}</dd>
      </div>
      <div>
        <dt>{t('product.headline.trend')}</dt>
        <dd>{formatShare(growth, lang)}</dd>
      </div>
    </dl>
  );
}
