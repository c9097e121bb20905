import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { defaultTradeYears, type DatasetYears } from '../../api/defaultTrade.ts';
import type { CountryRef, CriticalGoodRef, GroupRef, Lang } from './types.ts';

/**
 * Reference lists the dossier and the country view need (countries with names and ISO numeric codes, groups,
 * the trade dataset's years, critical goods' names), loaded once per page load and shared.
 */
export interface Reference {
  countries: CountryRef[];
  groups: GroupRef[];
  /** Years of the trade dataset the API uses by default, oldest first. */
  years: number[];
  critical: CriticalGoodRef[];
}

let loading: Promise<Reference> | null = null;

function load(): Promise<Reference> {
  loading ??= Promise.all([
    api<{ items: CountryRef[] }>('/countries'),
    api<{ items: GroupRef[] }>('/groups').catch(() => ({ items: [] as GroupRef[] })),
    api<DatasetYears>('/datasets'),
    api<{ items: CriticalGoodRef[] }>('/critical-goods').catch(() => ({ items: [] as CriticalGoodRef[] })),
  ]).then(([c, g, d, k]) => ({
    countries: c.items,
    groups: g.items,
    years: defaultTradeYears(d) ?? [],
    critical: k.items,
  }));
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

export function useReference(): { reference: Reference | null; error: string | null } {
  const [reference, setReference] = useState<Reference | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    load()
      .then((r) => live && setReference(r))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, []);
  return { reference, error };
}

/** A country's or group's name in the user's language (the code itself when unknown). */
export function namer(reference: Reference | null, lang: Lang): (code: string) => string {
  const names = new Map<string, string>();
  for (const c of reference?.countries ?? []) names.set(c.iso3, c[lang]);
  for (const g of reference?.groups ?? []) names.set(g.id, g[lang]);
  return (code) => names.get(code) ?? code;
}
