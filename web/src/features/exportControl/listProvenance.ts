import type { Provenance } from '../../components/provenance.ts';
import type { Lang, Lists, ListVersion } from './types.ts';

/**
 * The provenance of a screen: each list it read, with the version screened and the list's title from
 * GET /export-control/lists, and the matching method (the same for every list).
 */
export function listProvenance(
  read: readonly ListVersion[],
  lists: Lists | null,
  lang: Lang,
  method: string,
): Provenance[] {
  return read.map((l) => {
    const known = lists?.items.find((x) => x.list === l.list);
    return { dataset: `list-${l.list}`, title: known?.title[lang] ?? l.list, version: l.version, method };
  });
}
