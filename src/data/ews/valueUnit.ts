import { ChokepointError, type Place } from '../../errors.ts';
import type { CatalogEntry } from '../catalog/catalog.ts';

/**
 * The unit of a monthly series' trade values as its publisher gives them (Japan Customs: billion yen; UN
 * Comtrade: USD), labelled in English and Japanese. Values are stored and shown in this unit, never converted.
 */
export interface ValueUnit {
  /** ISO 4217 currency code. */
  currency: string;
  /** Values are multiples of this many units of the currency (1e9: billion). */
  scale: 1 | 1e3 | 1e6 | 1e9;
  label: { en: string; ja: string };
}

/** What a trade-monthly catalog entry records (extra.valueUnit): a unit, or 'unknown' when the file did not say. */
export type RecordedValueUnit = ValueUnit | 'unknown';

const scales = {
  1: ['', ''],
  1e3: ['thousand ', '千'],
  1e6: ['million ', '百万'],
  1e9: ['billion ', '十億'],
} as const;
const currencyNames: Record<string, { en: string; ja: string }> = {
  USD: { en: 'USD', ja: '米ドル' },
  JPY: { en: 'yen', ja: '円' },
  EUR: { en: 'EUR', ja: 'ユーロ' },
  CNY: { en: 'CNY', ja: '人民元' },
  KRW: { en: 'KRW', ja: 'ウォン' },
  GBP: { en: 'GBP', ja: '英ポンド' },
};

export function valueUnit(currency: string, scale: ValueUnit['scale'] = 1): ValueUnit {
  const name = currencyNames[currency] ?? { en: currency, ja: currency };
  const [en, ja] = scales[scale];
  return { currency, scale, label: { en: `${en}${name.en}`, ja: `${ja}${name.ja}` } };
}

const scaleWords: Record<string, ValueUnit['scale']> = {
  thousand: 1e3,
  '1e3': 1e3,
  million: 1e6,
  '1e6': 1e6,
  billion: 1e9,
  '1e9': 1e9,
};

/** `--value-unit`: a currency code with an optional scale word, e.g. "USD", "thousand USD", "billion JPY". */
export function parseValueUnit(text: string, place: Place = { field: 'value-unit' }): ValueUnit {
  const words = text
    .trim()
    .split(/[\s_-]+/)
    .filter(Boolean);
  const codes = words.filter((w) => /^[A-Za-z]{3}$/.test(w));
  const rest = words.filter((w) => !/^[A-Za-z]{3}$/.test(w));
  const scale = rest.length === 0 ? 1 : rest.length === 1 ? scaleWords[rest[0].toLowerCase()] : undefined;
  if (codes.length !== 1 || scale === undefined)
    throw new ChokepointError(
      'bad_input',
      `value unit "${text}" must be a currency code with an optional scale (thousand, million, billion), e.g. USD, "thousand USD", "billion JPY"`,
      place,
    );
  return valueUnit(codes[0].toUpperCase(), scale);
}

/** The value unit recorded in a trade-monthly entry; null for entries imported before units were recorded. */
export function valueUnitOf(entry: CatalogEntry): RecordedValueUnit | null {
  const recorded = entry.extra?.valueUnit as RecordedValueUnit | undefined;
  return recorded ?? null;
}
