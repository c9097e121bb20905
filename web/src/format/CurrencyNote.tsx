import { useTranslation } from 'react-i18next';
import { useCurrency } from './currency.tsx';
import { formatNumber } from './numbers.ts';
import './currencyNoteTexts.ts';

/**
 * The footnote every view that shows money carries (ProvenanceFooter's `money`): which currency, and for yen the
 * rate used and that it is the user's stated rate, not a figure of the data.
 */
export function CurrencyNote() {
  const { t, i18n } = useTranslation();
  const { preference, yen } = useCurrency();
  const text = yen
    ? t('currency.noteYen', { rate: formatNumber(preference.jpyPerUsd, i18n.language, 4) })
    : preference.currency === 'JPY'
      ? t('currency.noteNoRate')
      : t('currency.noteUsd');
  return (
    <p
      className="currency-note"
      data-testid="currency-note"
      data-rate={yen ? preference.jpyPerUsd! : undefined}
    >
      {text}
    </p>
  );
}

/** Said beside export links: files keep the data's USD whatever the screen shows. */
export function ExportsInUsd() {
  const { t } = useTranslation();
  return <small className="exports-usd">{t('currency.exportsUsd')}</small>;
}
