import type { Bilingual } from './exercise.ts';

/**
 * Money as an inject states it: trade figures are thousand USD (BACI); the yen equivalent uses the scenario's
 * exchange rate (yen per USD, `propagation.exchangeRate`). 1 億円 = 10⁸ yen; 1 万ドル = 10⁴ USD.
 */
const n = (v: number, digits: number) =>
  v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function usdText(thousandUsd: number): Bilingual {
  const usd = thousandUsd * 1000;
  return {
    ja: `${n(usd / 1e4, 0)}万ドル`,
    en: usd >= 1e9 ? `USD ${n(usd / 1e9, 2)} billion` : `USD ${n(usd / 1e6, 1)} million`,
  };
}

export function yenText(thousandUsd: number, yenPerUsd: number): Bilingual {
  const yen = thousandUsd * 1000 * yenPerUsd;
  return { ja: `約${n(yen / 1e8, 1)}億円`, en: `≈ ${n(yen / 1e9, 2)} bn yen` };
}

/** "USD 15.1 million (≈ 1.21 bn yen at 79.8 yen/USD)", or without yen when no rate is known. */
export function moneyText(thousandUsd: number, yenPerUsd: number | null): Bilingual {
  const usd = usdText(thousandUsd);
  if (yenPerUsd === null) return usd;
  const yen = yenText(thousandUsd, yenPerUsd);
  return {
    ja: `${usd.ja}(${yen.ja}、1ドル=${yenPerUsd}円)`,
    en: `${usd.en} (${yen.en} at ${yenPerUsd} yen/USD)`,
  };
}
