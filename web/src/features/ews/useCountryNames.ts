import { useCountryName } from '../../reference/useReference.ts';

/** A country's name in the user's language with its ISO3 code, "韓国 (KOR)" (the bare code when unknown). */
export function useCountryNames(): (iso3: string) => string {
  const name = useCountryName();
  return (iso3) => {
    const n = name(iso3);
    return n !== iso3 ? `${n} (${iso3})` : iso3;
  };
}
