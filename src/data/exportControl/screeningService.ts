import fs from 'node:fs';
import { ChokepointError } from '../../errors.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { StateDb } from '../state/db.ts';
import { resolveCountry } from '../reference/countries.ts';
import { PartyIndex } from '../../analysis/partyMatch/partyIndex.ts';
import { defaultThreshold, type ExplanationItem } from '../../analysis/partyMatch/scoreParty.ts';
import { entryFingerprint, type ListEntry } from '../../analysis/exportControl/listDelta.ts';
import type { ListRole } from '../../analysis/exportControl/transactionCheck.ts';
import { hitState, type HitState } from '../../analysis/exportControl/hitStatus.ts';
import { listDatasetId, presentLists, readListEntries, type ScreeningListMeta } from './listStore.ts';
import { recordDatasetRead, type Reader } from '../security/readContext.ts';
import { decisionsForParty } from './decisionStore.ts';
import { parseCsvTable, splitValues } from './listFormats/csvTable.ts';

/**
 * Party screening against the screening lists present: one name (screenParty) or a CSV of counterparties
 * (screenPartyFile), through one PartyIndex over the current version of every list asked for, built once and kept
 * while those versions stay current. Decisions recorded on hits are laid over the matches by withDecisions.
 */
export interface ScreenQuery {
  name: string;
  /** ISO3, ISO2 or a country name. */
  country?: string;
  identifiers?: string[];
  /** List ids; all present lists when absent or empty. */
  lists?: string[];
  threshold?: number;
  limit?: number;
}

export interface ScreenMatch {
  list: string;
  entryId: string;
  name: string;
  score: number;
  explanation: ExplanationItem[];
  listRole: ListRole;
  listVersion: string;
  entryFingerprint: string;
  concerns: string[];
  countries: string[];
  programme?: string;
  /** Set by withDecisions. */
  state?: HitState;
}

export interface ScreenResult {
  query: { name: string; country?: string; identifiers?: string[]; lists: string[]; threshold: number };
  matches: ScreenMatch[];
  lists: { list: string; version: string; role: ListRole }[];
}

interface LoadedIndex {
  key: string;
  index: PartyIndex;
  metas: ScreeningListMeta[];
  entries: Map<string, ListEntry>;
}

let cached: LoadedIndex | undefined;
const entryKey = (list: string, id: string) => `${list}\u0000${id}`;

/** The index over the current versions of the lists asked for (all present lists by default). */
export function screeningIndex(catalog: Catalog, lists?: readonly string[]): LoadedIndex {
  const present = presentLists(catalog);
  if (present.length === 0)
    throw new ChokepointError(
      'no_data',
      'no screening list is present: fetch one (chokepoint data fetch meti-end-user-list) or import one (chokepoint lists import FILE --list ID)',
      { field: 'list' },
    );
  const unknown = (lists ?? []).filter((l) => !present.some((p) => p.list === l));
  if (unknown.length)
    throw new ChokepointError(
      'not_found',
      `no screening list ${unknown.join(', ')} (present: ${present.map((p) => p.list).join(', ')})`,
      {
        field: 'list',
      },
    );
  const metas = lists?.length ? present.filter((p) => lists.includes(p.list)) : present;
  const key = [
    catalog.dataDir.root,
    ...metas.map((m) => `${m.list}@${m.role}@${m.versions.at(-1)!.key}`),
  ].join(',');
  // Each list counts as read in the current read context, whether its index is cached or built now.
  for (const m of metas) recordDatasetRead(listDatasetId(m.list));
  if (cached?.key === key) return cached;
  const entries = new Map<string, ListEntry>();
  const records = metas.flatMap((meta) =>
    readListEntries(catalog, meta.list).entries.map((e) => {
      entries.set(entryKey(meta.list, e.id), e);
      return {
        id: e.id,
        list: meta.list,
        names: e.names,
        countries: e.countries,
        identifiers: e.identifiers,
      };
    }),
  );
  cached = { key, index: new PartyIndex(records), metas, entries };
  return cached;
}

function iso3(country: string | undefined, field: string): string | undefined {
  if (!country?.trim()) return undefined;
  const c = resolveCountry(country);
  if (!c) throw new ChokepointError('bad_input', `unknown country "${country}"`, { field });
  return c.iso3;
}

export function screenParty(catalog: Catalog, query: ScreenQuery): ScreenResult {
  const name = query.name?.trim();
  if (!name) throw new ChokepointError('bad_input', 'give a name to screen', { field: 'name' });
  const threshold = query.threshold ?? defaultThreshold;
  if (!(threshold > 0 && threshold <= 1))
    throw new ChokepointError('bad_input', 'threshold must be in (0, 1]', { field: 'threshold' });
  const loaded = screeningIndex(catalog, query.lists);
  const country = iso3(query.country, 'country');
  return screenWith(loaded, { ...query, name, country, threshold });
}

function screenWith(
  loaded: LoadedIndex,
  query: ScreenQuery & { name: string; country?: string; threshold: number },
): ScreenResult {
  const matches = loaded.index
    .screen(
      {
        id: 'query',
        names: [query.name],
        countries: query.country ? [query.country] : [],
        identifiers: query.identifiers,
      },
      { threshold: query.threshold, limit: query.limit ?? 10 },
    )
    .map((m) => {
      const meta = loaded.metas.find((x) => x.list === m.list)!;
      const entry = loaded.entries.get(entryKey(m.list, m.entryId))!;
      return {
        list: m.list,
        entryId: m.entryId,
        name: m.name,
        score: m.score,
        explanation: m.explanation,
        listRole: meta.role,
        listVersion: meta.versions.at(-1)!.version,
        entryFingerprint: entryFingerprint(entry),
        concerns: entry.concerns,
        countries: entry.countries,
        programme: entry.programme,
      };
    });
  return {
    query: {
      name: query.name,
      country: query.country,
      identifiers: query.identifiers,
      lists: loaded.metas.map((m) => m.list),
      threshold: query.threshold,
    },
    matches,
    lists: loaded.metas.map((m) => ({ list: m.list, version: m.versions.at(-1)!.version, role: m.role })),
  };
}

/** Lays the decisions in force over the matches: dismissed hits stay dismissed until their entry changes. */
export async function withDecisions(
  db: StateDb,
  result: ScreenResult,
  reader?: Reader,
): Promise<ScreenResult> {
  const decisions = await decisionsForParty(db, result.query.name, result.query.country, reader);
  return {
    ...result,
    matches: result.matches.map((m) => ({
      ...m,
      state: hitState(decisions.get(entryKey(m.list, m.entryId)), m.entryFingerprint),
    })),
  };
}

/**
 * Counterparties as CSV (UTF-8, header row): `name` required; `id`, `country` (ISO3, ISO2 or name) and
 * `identifiers` (separated by ";") optional. A row without a name or with an unknown country is an error naming
 * the line; nothing is screened until the whole file has been read.
 */
export const partyFileColumns = ['id', 'name', 'country', 'identifiers'] as const;

export interface PartyFileResult {
  line: number;
  id: string;
  result: ScreenResult;
}

export interface PartyFileOptions {
  lists?: string[];
  threshold?: number;
  limit?: number;
  onProgress?: (done: number, total: number) => void;
}

export function screenPartyFile(
  catalog: Catalog,
  file: string,
  options: PartyFileOptions = {},
): PartyFileResult[] {
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', 'no such file', { file });
  return screenPartyText(catalog, fs.readFileSync(file, 'utf8'), file, options);
}

/** The same for CSV text (an upload through the API); `file` names it in errors. */
export function screenPartyText(
  catalog: Catalog,
  text: string,
  file: string,
  options: PartyFileOptions = {},
): PartyFileResult[] {
  return screenParties(catalog, readPartyText(text, file), options);
}

export interface Counterparty {
  line: number;
  id: string;
  name: string;
  country?: string;
  identifiers: string[];
}

/** The counterparties of a CSV text, every row checked before any is screened. */
export function readPartyText(text: string, file: string): Counterparty[] {
  const { rows } = parseCsvTable(text, file, ['name']);
  return rows.map((r) => {
    const name = r.get('name');
    if (!name) throw new ChokepointError('bad_file', 'name is empty', { file, line: r.line, column: 'name' });
    let country: string | undefined;
    try {
      country = iso3(r.get('country'), 'country');
    } catch (error) {
      throw new ChokepointError('bad_file', (error as Error).message, {
        file,
        line: r.line,
        column: 'country',
      });
    }
    return {
      line: r.line,
      id: r.get('id') || String(r.line),
      name,
      country,
      identifiers: splitValues(r.get('identifiers'), /\s*;\s*/),
    };
  });
}

/** Screens checked counterparties through one index, reporting progress every 100 parties and at the end. */
export function screenParties(
  catalog: Catalog,
  parties: readonly Counterparty[],
  options: PartyFileOptions = {},
): PartyFileResult[] {
  const threshold = options.threshold ?? defaultThreshold;
  const loaded = screeningIndex(catalog, options.lists);
  const results: PartyFileResult[] = [];
  parties.forEach((p, i) => {
    results.push({
      line: p.line,
      id: p.id,
      result: screenWith(loaded, { ...p, threshold, limit: options.limit }),
    });
    if (i % 100 === 99 || i === parties.length - 1) options.onProgress?.(i + 1, parties.length);
  });
  return results;
}
