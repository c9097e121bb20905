import { useGet } from '../../api/useGet.ts';
import type { Lang } from './types.ts';

/** A critical good's name in the user's language by its id (the id until the registry answers, or if it fails). */
export function useCriticalNames(lang: Lang): (id: string) => string {
  const { data } = useGet('GET /api/critical-goods');
  return (id) => data?.items.find((c) => c.id === id)?.[lang] ?? id;
}
