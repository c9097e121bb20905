import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { defaultTradeYears, type DatasetYears } from '../../api/defaultTrade.ts';
import type { CountryRef, GroupRef, Lang } from './types.ts';

/** What the pickers offer: countries and groups with names in both languages, and the trade dataset's years. */
export interface ScreeningReference {
  countries: CountryRef[];
  groups: GroupRef[];
  /** Years of the trade dataset the API uses by default, oldest first; empty when there is none. */
  years: number[];
  hasTrade: boolean;
  /** HS chapters with titles (GET /api/hs/chapters); empty when no nomenclature is imported or readable. */
  chapters: HsChapterRef[];
}

/** One HS chapter as /api/hs/chapters gives it. */
export interface HsChapterRef {
  code: string;
  en: string;
  ja: string;
}

export function useScreeningReference(): { reference: ScreeningReference | null; error: string | null } {
  const [reference, setReference] = useState<ScreeningReference | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([
      api<{ items: CountryRef[] }>('/countries'),
      api<{ items: GroupRef[] }>('/groups'),
      api<DatasetYears>('/datasets'),
      // Titles only name the chapters: without a nomenclature (404) the filter still works on bare codes.
      api<{ items: HsChapterRef[] }>('/hs/chapters').catch(() => ({ items: [] as HsChapterRef[] })),
    ])
      .then(([c, g, d, h]) => {
        const years = defaultTradeYears(d);
        if (live) {
          setReference({
            countries: c.items.filter((x) => x.kind !== 'historical'),
            groups: g.items,
            years: years ?? [],
            hasTrade: years !== null,
            chapters: h.items,
          });
        }
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, []);
  return { reference, error };
}

/** A country's or group's name in the user's language (the code itself when unknown). */
export function nameOf(reference: ScreeningReference | null, lang: Lang): (code: string) => string {
  const names = new Map<string, string>();
  for (const c of reference?.countries ?? []) names.set(c.iso3, c[lang]);
  for (const g of reference?.groups ?? []) names.set(g.id, g[lang]);
  return (code) => names.get(code) ?? code;
}
