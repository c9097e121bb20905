import { useMemo } from 'react';
import { useCountries } from '../../reference/useReference.ts';

/** A country's name in Japanese or English with its ISO3 code, "韓国 (KOR)" (the bare code when unknown). */
export function useCountryNames(): (iso3: string, lang: 'ja' | 'en') => string {
  const { data } = useCountries();
  const names = useMemo(() => new Map((data ?? []).map((c) => [c.iso3, c])), [data]);
  return (iso3, lang) => {
    const name = names.get(iso3)?.[lang];
    return name ? `${name} (${iso3})` : iso3;
  };
}
