import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { namer } from './names.ts';
import { useApi, type Loaded } from '../api/useApi.ts';
import { defaultTradeYears } from './defaultTrade.ts';
import {
  loadReference,
  onReferenceChange,
  referenceGeneration,
  type CountryRef,
  type DatasetList,
  type GroupRef,
  type ReferenceName,
  type ReferenceValue,
} from './reference.ts';

/** One reference list, loaded again after an invalidation (the answer before stays shown until then). */
export function useReferenceList<N extends ReferenceName>(
  name: N,
  maxAgeMs?: number,
): Loaded<ReferenceValue<N>> {
  const generation = useSyncExternalStore(onReferenceChange, referenceGeneration);
  return useApi(`reference:${name}:${generation}`, () => loadReference(name, maxAgeMs));
}

export const useCountries = () => useReferenceList('countries');
/** `maxAgeMs`: a page listing the datasets themselves wants a recent copy. */
export const useDatasets = (maxAgeMs?: number) => useReferenceList('datasets', maxAgeMs);

/** What the reporter and year pickers offer: countries, groups and the default trade dataset's years. */
export interface Reference {
  countries: CountryRef[];
  groups: GroupRef[];
  datasets: DatasetList;
  /** Years of the trade dataset the API uses by default, oldest first; empty when there is none. */
  years: number[];
  /** There is a default trade dataset the user may read. */
  hasTrade: boolean;
}

export function useReference(): { reference: Reference | null; error: string | null } {
  const generation = useSyncExternalStore(onReferenceChange, referenceGeneration);
  const { data, error } = useApi(`reference:pickers:${generation}`, () =>
    Promise.all([loadReference('countries'), loadReference('groups'), loadReference('datasets')]).then(
      ([countries, groups, datasets]): Reference => {
        const years = defaultTradeYears(datasets);
        return { countries, groups, datasets, years: years ?? [], hasTrade: years !== null };
      },
    ),
  );
  return { reference: data, error: error?.message ?? null };
}

/**
 * A country's (or group's) name in the user's language from the session's reference lists: what every table and
 * chart shows instead of the ISO3 code (the code itself until the lists have loaded, or when unknown).
 */
export function useCountryName(): (code: string) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const countries = useCountries().data;
  const groups = useReferenceList('groups').data;
  return useMemo(() => namer(countries ?? [], groups ?? [], lang), [countries, groups, lang]);
}
