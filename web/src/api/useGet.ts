import { apiUrl, request, type Args, type KeyOf } from './client.ts';
import type { ApiResponses } from './schema.ts';
import { useApi, type Loaded } from './useApi.ts';

/** A GET route of the generated schema, typed by its key: `useGet('GET /api/zones', { query: { reporter } })`. */
export function useGet<K extends KeyOf<'GET'>>(key: K, ...args: Args<K>): Loaded<ApiResponses[K]> {
  return useGetWhen(true, key, ...args);
}

/** `useGet` that loads nothing while `enabled` is false (its parameters are not known yet). */
export function useGetWhen<K extends KeyOf<'GET'>>(
  enabled: boolean,
  key: K,
  ...args: Args<K>
): Loaded<ApiResponses[K]> {
  return useApi(enabled ? apiUrl(key, ...args) : null, (signal) =>
    request(key, ...([{ ...args[0], signal }] as Args<K>)),
  );
}
