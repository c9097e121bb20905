/**
 * Number formatting per locale and currency. Trade data are in USD; a user may choose yen, shown in the
 * Japanese manner (万 / 億 / 兆) in Japanese and as "¥1.2 trillion" style in English. The yen rate is a
 * parameter the user states (shown beside every converted figure), never a hidden constant.
 */
export type Currency = 'USD' | 'JPY';

export interface MoneyOptions {
  lang: string;
  currency: Currency;
  /** JPY per USD when currency is JPY. */
  jpyPerUsd?: number;
}

const jaUnits: [number, string][] = [
  [1e12, '兆'],
  [1e8, '億'],
  [1e4, '万'],
];

function trimmed(value: number, digits: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(
    value,
  );
}

/** 1.23e11 yen → "1,230億円" (ja) — the largest unit that leaves a whole part ≥ 1, up to 4 significant digits. */
export function formatYen(yen: number, lang: string): string {
  const sign = yen < 0 ? '-' : '';
  const abs = Math.abs(yen);
  if (lang.startsWith('ja')) {
    for (const [size, unit] of jaUnits) {
      if (abs >= size) {
        const scaled = abs / size;
        return `${sign}${trimmed(scaled, scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2, 'ja')}${unit}円`;
      }
    }
    return `${sign}${trimmed(abs, 0, 'ja')}円`;
  }
  return `${sign}¥${compactEn(abs)}`;
}

function compactEn(abs: number): string {
  if (abs >= 1e12) return `${trimmed(abs / 1e12, 2, 'en')} trillion`;
  if (abs >= 1e9) return `${trimmed(abs / 1e9, 2, 'en')} billion`;
  if (abs >= 1e6) return `${trimmed(abs / 1e6, 2, 'en')} million`;
  return trimmed(abs, 0, 'en');
}

/** US dollars: "$1.23 billion" (en), "12.3億ドル" (ja). */
export function formatUsd(usd: number, lang: string): string {
  const sign = usd < 0 ? '-' : '';
  const abs = Math.abs(usd);
  if (lang.startsWith('ja')) {
    for (const [size, unit] of jaUnits) {
      if (abs >= size) {
        const scaled = abs / size;
        return `${sign}${trimmed(scaled, scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2, 'ja')}${unit}ドル`;
      }
    }
    return `${sign}${trimmed(abs, 0, 'ja')}ドル`;
  }
  return `${sign}$${compactEn(abs)}`;
}

export function formatMoney(usd: number, options: MoneyOptions): string {
  if (options.currency === 'JPY') {
    if (!options.jpyPerUsd || options.jpyPerUsd <= 0)
      throw new Error('a positive JPY/USD rate is needed to show yen');
    return formatYen(usd * options.jpyPerUsd, options.lang);
  }
  return formatUsd(usd, options.lang);
}

/**
 * The reader's currency preference (web/src/format/currency.tsx keeps it for the whole app). The rate is the
 * one the user stated: null until a valid one is given, and then money stays in USD.
 */
export interface CurrencyPreference {
  currency: Currency;
  /** JPY per USD as stated by the user; null when none (or no valid one) was given. */
  jpyPerUsd: number | null;
}

export const usdPreference: CurrencyPreference = { currency: 'USD', jpyPerUsd: null };

/** The currency actually shown: yen only when yen is chosen and a positive rate is stated, USD otherwise. */
export function effectiveCurrency(preference: CurrencyPreference): Currency {
  return preference.currency === 'JPY' && preference.jpyPerUsd !== null && preference.jpyPerUsd > 0
    ? 'JPY'
    : 'USD';
}

/**
 * A USD amount in the reader's currency: 1e9 USD at 150 → "1,500億円" (ja) / "¥150 billion" (en); "—" when
 * there is no figure.
 */
export function formatMoneyFor(
  usd: number | null | undefined,
  lang: string,
  preference: CurrencyPreference,
): string {
  if (usd === null || usd === undefined || Number.isNaN(usd)) return '—';
  const currency = effectiveCurrency(preference);
  return formatMoney(usd, {
    lang,
    currency,
    jpyPerUsd: currency === 'JPY' ? preference.jpyPerUsd! : undefined,
  });
}

/** Bounds of a stated rate: well outside any JPY/USD rate ever quoted, so a typo (1500, 0.15) is still caught. */
export const jpyRateRange = { min: 1, max: 10_000 } as const;

/** A finite rate within jpyRateRange (typed or stored). */
export function isJpyRateInRange(rate: number): boolean {
  return Number.isFinite(rate) && rate >= jpyRateRange.min && rate <= jpyRateRange.max;
}

export type RateCheck =
  { ok: true; rate: number } | { ok: false; reason: 'empty' | 'notNumber' | 'outOfRange' };

/**
 * Checks a rate typed by the user ("150", "149.5", full-width "１５０"). A comma is refused rather than guessed:
 * "1,500" could be a typo for 150 or a grouped 1500, and both are wrong in a different way.
 */
export function parseJpyRate(text: string): RateCheck {
  const cleaned = text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (cleaned === '') return { ok: false, reason: 'empty' };
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return { ok: false, reason: 'notNumber' };
  const rate = Number(cleaned);
  if (!isJpyRateInRange(rate)) return { ok: false, reason: 'outOfRange' };
  return { ok: true, rate };
}

/** Shares 0–1 as percentages with one decimal: 0.4567 → "45.7%" (ja and en alike). */
export function formatShare(share: number | null | undefined, lang: string): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return new Intl.NumberFormat(lang, {
    style: 'percent',
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(share);
}

export function formatNumber(value: number | null | undefined, lang: string, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return '∞';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
}

export function formatDate(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric' }).format(d);
}
