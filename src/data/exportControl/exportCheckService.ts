import { ChokepointError } from '../../errors.ts';
import type { Catalog } from '../catalog/catalog.ts';
import { resolveCountry } from '../reference/countries.ts';
import { recordDatasetRead } from '../security/readContext.ts';
import { parseItemReference } from '../../analysis/exportControl/controlList.ts';
import {
  checkTransaction,
  type EndUse,
  type EndUserHit,
  type TransactionCheck,
} from '../../analysis/exportControl/transactionCheck.ts';
import { readControlOrderTables, type ControlOrderTables } from './controlOrderTables.ts';
import { presentLists } from './listStore.ts';
import { screenParty, type ScreenMatch } from './screeningService.ts';
import { applicableInforms } from '../../analysis/exportControl/informs.ts';
import type { Marking } from '../../analysis/marking.ts';
import type { StateDb } from '../state/db.ts';
import { listInforms, type StoredInform } from './informStore.ts';

/**
 * The transaction check as a service: the Order's tables from the fetched `jp-export-control-order` dataset, the
 * end user screened against every list present (in the destination country), the recorded inform notices that
 * apply (informs.ts), then checkTransaction. checkExport reads the notices from the state database; exportCheck
 * takes them as given (none: only the `informed` flags count).
 */
export const controlOrderDataset = 'jp-export-control-order';
const endUses: EndUse[] = ['wmd', 'conventional', 'civil'];

export interface ExportCheckRequest {
  item: string;
  destination: string;
  endUser?: string;
  endUse?: string;
  informed?: { wmd?: boolean; conventional?: boolean };
  lists?: string[];
  /** The exporter, matched against a notice's exporter when both are named. */
  exporter?: string;
  /** The day checked (YYYY-MM-DD); default today. */
  on?: string;
}

export interface AppliedInformSummary {
  id: string;
  reference: string;
  kind: 'wmd' | 'conventional';
  issuedOn: string;
  why: { ja: string; en: string }[];
  marking: Marking;
}

export interface ExportCheckResult extends TransactionCheck {
  item: string;
  destination: string;
  endUser?: string;
  endUse?: EndUse;
  endUserMatches: ScreenMatch[];
  /** Recorded inform notices that apply, each with why and its marking. */
  informs: AppliedInformSummary[];
  /** The Order's version and the lists screened. */
  sources: { dataset: string; version: string }[];
}

let tablesCache: { path: string; tables: ControlOrderTables } | undefined;

export function controlOrderTables(catalog: Catalog): { tables: ControlOrderTables; version: string } {
  const entry = catalog.find(controlOrderDataset);
  if (!entry)
    throw new ChokepointError(
      'not_found',
      `the Export Trade Control Order tables are not present: chokepoint data fetch ${controlOrderDataset} --mirror DIR`,
      { field: 'dataset' },
    );
  recordDatasetRead(entry.id);
  if (tablesCache?.path !== entry.path)
    tablesCache = { path: entry.path, tables: readControlOrderTables(catalog.dataDir.absolute(entry.path)) };
  return { tables: tablesCache.tables, version: entry.version };
}

export function exportCheck(
  catalog: Catalog,
  request: ExportCheckRequest,
  informs: readonly StoredInform[] = [],
): ExportCheckResult {
  const item = parseItemReference(request.item ?? '');
  if (!item)
    throw new ChokepointError(
      'bad_input',
      `"${request.item}" is neither an HS code (4–10 digits) nor an entry of 別表第一 (e.g. 2(12), 3の2, 16)`,
      { field: 'item' },
    );
  const country = resolveCountry(request.destination ?? '');
  if (!country)
    throw new ChokepointError('bad_input', `unknown destination "${request.destination}"`, {
      field: 'destination',
    });
  if (country.iso3 === 'JPN')
    throw new ChokepointError('bad_input', 'the destination is Japan: not an export', {
      field: 'destination',
    });
  if (request.endUse !== undefined && !endUses.includes(request.endUse as EndUse))
    throw new ChokepointError('bad_input', 'end use must be wmd, conventional or civil', { field: 'endUse' });
  if (request.on !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(request.on))
    throw new ChokepointError('bad_input', `the day checked must be YYYY-MM-DD, not "${request.on}"`, {
      field: 'on',
    });
  const { tables, version } = controlOrderTables(catalog);
  const endUser = request.endUser?.trim() || undefined;
  const lists = presentLists(catalog);
  if (endUser && lists.length === 0)
    throw new ChokepointError(
      'no_data',
      'no screening list is present to screen the end user against: chokepoint data fetch meti-end-user-list meti-russia-lists --mirror DIR (or lists import)',
      { field: 'endUser' },
    );
  const matches =
    endUser && lists.length
      ? screenParty(catalog, { name: endUser, country: country.iso3, lists: request.lists }).matches
      : [];
  const hits: EndUserHit[] = matches.map((m) => ({
    list: m.list,
    listRole: m.listRole,
    entryId: m.entryId,
    name: m.name,
    score: m.score,
    concerns: m.concerns,
  }));
  const on = request.on ?? new Date().toISOString().slice(0, 10);
  const applied = applicableInforms(informs, {
    item,
    destination: country.iso3,
    endUser,
    exporter: request.exporter?.trim() || undefined,
    on,
  });
  const check = checkTransaction(
    {
      item,
      destination: country.iso3,
      endUser,
      endUserHits: hits,
      endUse: request.endUse as EndUse | undefined,
      informed: request.informed,
      informNotices: applied.map((a) => a.inform),
    },
    tables,
  );
  return {
    ...check,
    item: request.item,
    destination: country.iso3,
    endUser,
    endUse: request.endUse as EndUse | undefined,
    endUserMatches: matches,
    informs: applied.map((a) => {
      const stored = a.inform as StoredInform;
      return {
        id: stored.id,
        reference: stored.reference,
        kind: stored.kind,
        issuedOn: stored.issuedOn,
        why: a.why,
        marking: stored.marking,
      };
    }),
    sources: [
      { dataset: controlOrderDataset, version },
      ...lists
        .filter((l) => !request.lists?.length || request.lists.includes(l.list))
        .map((l) => ({ dataset: `list-${l.list}`, version: l.versions.at(-1)!.version })),
    ],
  };
}

/** The transaction check with every active inform notice recorded in the state database. */
export async function checkExport(
  db: StateDb,
  catalog: Catalog,
  request: ExportCheckRequest,
): Promise<ExportCheckResult> {
  return exportCheck(catalog, request, await listInforms(db, { status: 'active' }));
}
