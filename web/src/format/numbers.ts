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
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
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
    if (!options.jpyPerUsd || options.jpyPerUsd <= 0) throw new Error('a positive JPY/USD rate is needed to show yen');
    return formatYen(usd * options.jpyPerUsd, options.lang);
  }
  return formatUsd(usd, options.lang);
}

/** Shares 0–1 as percentages with one decimal: 0.4567 → "45.7%" (ja and en alike). */
export function formatShare(share: number | null | undefined, lang: string): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
    share,
  );
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
