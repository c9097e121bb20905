import type { Catalog } from '../catalog/catalog.ts';
import type { StateDb } from '../state/db.ts';
import { findGroup, recordGroupsUsed } from '../reference/groupStore.ts';
import { presentLists } from '../exportControl/listStore.ts';
import { screenParty } from '../exportControl/screeningService.ts';
import type { OwnershipEntity } from './ownershipDocument.ts';
import { loadOwnership } from './ownershipGraphStore.ts';
import { ownersReport, type ChainEntity, type OwnersReport } from './ownersReport.ts';

/**
 * The ISO3 codes of the stored group "countries of concern" (CONCERN), as the user has edited it; its marking joins
 * the current work's. None when the reader may not read it.
 */
export async function concernCountries(db: StateDb): Promise<Set<string>> {
  const group = await findGroup(db, 'CONCERN');
  if (!group) return new Set();
  recordGroupsUsed([group]);
  return new Set(group.members);
}

/**
 * Screens one chain entity with the export-control party matcher (screeningService.screenParty) against every
 * list present: name, country and identifiers.
 */
export function listScreen(
  catalog: Catalog,
): ((e: OwnershipEntity) => ChainEntity['flags']['listHits']) | undefined {
  if (presentLists(catalog).length === 0) return undefined;
  return (e) =>
    screenParty(catalog, {
      name: e.name,
      country: e.country ?? undefined,
      identifiers: e.identifiers.map((i) => i.slice(i.indexOf(':') + 1)),
    }).matches.map((m) => ({ list: m.list, entryId: m.entryId, name: m.name, score: m.score }));
}

/** `ownership owners` and GET /api/ownership/owners/:entity: the report with the user's concern group and lists. */
export async function ownersOfEntity(
  catalog: Catalog,
  db: StateDb,
  ref: string,
  options: { dataset?: string; maxPaths?: number } = {},
): Promise<OwnersReport & { dataset: string; version: string }> {
  const loaded = loadOwnership(catalog, options.dataset);
  const report = ownersReport(loaded, ref, {
    concern: await concernCountries(db),
    screen: listScreen(catalog),
    maxPaths: options.maxPaths,
  });
  return { dataset: loaded.entry.id, version: loaded.entry.version, ...report };
}
