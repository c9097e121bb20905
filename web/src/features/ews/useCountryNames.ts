import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';

type Names = Map<string, { ja: string; en: string }>;
let loading: Promise<Names> | null = null;

/** Country names in Japanese and English by ISO3 (GET /api/countries, fetched once per page load). */
export function useCountryNames(): (iso3: string, lang: 'ja' | 'en') => string {
  const [names, setNames] = useState<Names | null>(null);
  useEffect(() => {
    loading ??= api<{ items: { iso3: string; ja: string; en: string }[] }>('/countries').then(
      (r) => new Map(r.items.map((c) => [c.iso3, { ja: c.ja, en: c.en }])),
    );
    loading.then(setNames).catch(() => {
      loading = null;
    });
  }, []);
  return (iso3, lang) => {
    const name = names?.get(iso3)?.[lang];
    return name ? `${name} (${iso3})` : iso3;
  };
}
