import type { StateDb } from '../state/db.ts';
import { ChokepointError } from '../../errors.ts';
import type { Marking } from '../../analysis/marking.ts';
import { buildPanel } from '../../analysis/ews/panel.ts';
import { majoritySuppliers, type MajoritySupplier } from '../../analysis/ews/majoritySupplier.ts';
import { productLabelsFor } from '../screening/productLabels.ts';
import {
  addItems,
  createList,
  generatedList,
  type GeneratedListUpdate,
  type Grade,
  type NewItem,
} from './ewsState.ts';
import { monitoredDataset, readMonthly } from './seriesStore.ts';
import type { EwsServices } from './itemScan.ts';

/**
 * Adding monitored items as a user does (CLI `ews items add`, the browser's item form) and the generated list of
 * products with a majority supplier (`ews items generate`): both check the dataset first, so that a typo is an
 * error now rather than a silent "no data" at the first scan.
 */
export interface UserItem {
  /** Name of the user list (created when missing). */
  list: string;
  reporter: string;
  hs: string;
  partner?: string | null;
  flow: 'import' | 'export';
  grade: string;
  dataset?: string | null;
  marking?: Marking;
  createdBy?: string;
}

/** The user list of this name (English name, as the CLI has always matched it), created when missing. */
export async function userListNamed(db: StateDb, name: string, createdBy?: string): Promise<string> {
  const [existing] = await db.query<{ id: string }>(
    `SELECT id FROM ews_lists WHERE kind = 'user' AND name->>'en' = $1 ORDER BY id LIMIT 1`,
    [name],
  );
  return existing?.id ?? createList(db, { kind: 'user', name: { ja: name, en: name }, createdBy });
}

/**
 * The product's name for an item: the HS nomenclature's label of a numeric code (when the nomenclature is
 * imported), else the code or product label the dataset uses. Japan Customs labels a subheading by its place in
 * the heading ("粉状又はフレーク状のもの"), so the Japanese name leads with the heading's (天然黒鉛 ▸ …).
 */
function productName(services: Pick<EwsServices, 'dataDir'>, hs: string): { ja: string; en: string } {
  const labels = /^\d{2,6}$/.test(hs) ? productLabelsFor(services.dataDir) : undefined;
  const own = labels?.label(hs);
  if (!own) return { ja: hs, en: hs };
  const heading = hs.length === 6 ? labels?.label(hs.slice(0, 4))?.ja : undefined;
  const ja = own.ja && heading && !own.ja.startsWith(heading) ? `${heading} ▸ ${own.ja}` : own.ja;
  return { ja: ja || own.en, en: own.en || ja };
}

/** Adds one item to a user list; returns the list and whether the item was new (0: already on the list). */
export async function addUserItem(
  services: Pick<EwsServices, 'dataDir' | 'catalog' | 'state'>,
  input: UserItem,
  now: Date,
): Promise<{ list: string; added: number }> {
  if (input.dataset) monitoredDataset(services.catalog, input.dataset);
  const grade = input.grade.toUpperCase() as Grade;
  if (!['A', 'B', 'C', 'D'].includes(grade))
    throw new ChokepointError('bad_input', 'grade must be A, B, C or D', { field: 'grade' });
  const list = await userListNamed(services.state, input.list, input.createdBy);
  const item: NewItem = {
    reporter: input.reporter.toUpperCase(),
    partner: input.partner?.toUpperCase() || null,
    hs: input.hs.trim(),
    flow: input.flow,
    grade,
    dataset: input.dataset ?? null,
    label: productName(services, input.hs.trim()),
    marking: input.marking,
  };
  const added = await addItems(services.state, list, [item], now);
  return { list, added };
}

/**
 * The generated list of a monthly dataset: every product with one partner above `threshold` of the last 12
 * months (src/analysis/ews/majoritySupplier.ts). Run again, it updates the same list (added, removed, kept).
 */
export async function generateMajorityList(
  services: EwsServices,
  options: { dataset: string; threshold: number; reporter?: string; flow: 'import' | 'export' },
  now: Date,
): Promise<{ update: GeneratedListUpdate; found: MajoritySupplier[] }> {
  const { dataset, threshold } = options;
  if (!(threshold > 0 && threshold <= 1))
    throw new ChokepointError('bad_input', `threshold ${threshold} must be a share in (0, 1]`, {
      field: 'threshold',
    });
  const entry = monitoredDataset(services.catalog, dataset);
  const rows = await readMonthly(services.dataDir, services.analytics, entry, {
    reporter: options.reporter?.toUpperCase(),
    flow: options.flow,
  });
  if (rows.length === 0)
    throw new ChokepointError('no_data', `no ${options.flow} rows in ${dataset}`, { field: 'dataset' });
  const found = majoritySuppliers(
    buildPanel(rows, { file: dataset, missing: (entry.extra?.missing as 'zero' | 'unknown') ?? 'zero' }),
    threshold,
  );
  const share = `${(threshold * 100).toFixed(0)}`;
  const update = await generatedList(
    services.state,
    { ja: `単一国依存${share}%超 (${dataset})`, en: `One partner above ${share} % (${dataset})` },
    found,
    dataset,
    now,
  );
  return { update, found };
}
