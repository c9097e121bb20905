import type { CatalogEntry } from '../catalog/catalog.ts';
import { sqlString } from '../analytics/store.ts';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import { findTradeDataset, tradeSource } from '../catalog/tradeDataset.ts';
import { countryByIso3 } from '../reference/countries.ts';
import { builtInGroups, expandReporter, type ExpandedReporter } from '../reference/groups.ts';
import { listGroups, recordGroupsUsed } from '../reference/groupStore.ts';
import type { ScreenServices } from '../screening/screen.ts';
import { ChokepointError } from '../../errors.ts';

/**
 * What the identification analyses share: the annual trade dataset holding the year (the same choice as the
 * screen's: findTradeDataset), its DuckDB table expression, and the parties — a reporter, a coercer, a supplier —
 * each a country or a group (stored groups when the state database is at hand, else the built-in ones) with its
 * members' ISO3 and BACI codes.
 */
export interface Party {
  /** ISO3 of a country, id of a group. */
  id: string;
  isGroup: boolean;
  members: string[];
  codes: number[];
  /** A stored group's marking (public for countries and built-in groups): results that use it carry it. */
  marking: Marking;
}

export async function resolveParty(services: ScreenServices, text: string, field: string): Promise<Party> {
  const groups = services.state ? await listGroups(services.state) : builtInGroups;
  let expanded: ExpandedReporter;
  try {
    expanded = expandReporter(text, groups);
  } catch (error) {
    if (error instanceof ChokepointError) throw new ChokepointError(error.code, error.message, { field });
    throw error;
  }
  if (expanded.group) recordGroupsUsed([expanded.group]);
  const codes = expanded.members.flatMap((iso3) => countryByIso3(iso3)?.baciCodes ?? []);
  if (!codes.length)
    throw new ChokepointError('unknown_code', `"${text}" has no trade code in BACI`, { field });
  return {
    id: expanded.isGroup ? expanded.group!.id : expanded.members[0],
    isGroup: expanded.isGroup,
    members: expanded.members,
    codes,
    marking: (expanded.group as { marking?: Marking } | undefined)?.marking ?? publicMarking,
  };
}

export interface TradeScope {
  entry: CatalogEntry;
  source: string;
  year: number;
}

/** The trade dataset with `year` (a named one must have it), with the years it holds before it. */
export function tradeScope(services: ScreenServices, year: number, dataset?: string): TradeScope {
  const entry = findTradeDataset(services.catalog, dataset, year);
  if (!(entry.years ?? []).includes(year)) {
    throw new ChokepointError(
      'no_data',
      `dataset "${entry.id}" has no data for ${year} (years: ${(entry.years ?? []).join(', ')})`,
      {
        field: 'year',
      },
    );
  }
  return { entry, source: tradeSource(services.dataDir, entry), year };
}

/** SQL list of integer codes (values are integers from the countries table, never user text). */
export function codeList(codes: readonly number[]): string {
  if (!codes.every((c) => Number.isInteger(c)))
    throw new ChokepointError('internal', 'country codes must be integers');
  return codes.length ? codes.join(', ') : 'NULL';
}

/** SQL list of HS codes, each quoted (codes are checked as digits where users give them). */
export function hsList(codes: readonly string[]): string {
  return codes.length ? codes.map(sqlString).join(', ') : 'NULL';
}
