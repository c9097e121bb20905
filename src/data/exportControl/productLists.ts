import type { StateDb } from '../state/db.ts';
import { appendAudit } from '../security/auditLog.ts';
import { readableSql } from '../security/markingSql.ts';
import { mayRead, readerMayRead, recordObjectRead, type Reader } from '../security/readContext.ts';
import { normalizeMarking } from '../security/datasetMarkings.ts';
import { ChokepointError } from '../../errors.ts';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import { jsonValue, timeText } from './rowValues.ts';
import type { Actor } from './decisionStore.ts';

/**
 * Product lists of the circumvention monitor: HS6 codes of goods controlled against a target country, each with a
 * note. Shipped lists are written to the state database on first use (table export_control_product_lists,
 * migration 501) and may then be edited like any other; users may add their own.
 *
 * Shipped: the Common High Priority List (CHPL) of the US, the EU, Japan and the United Kingdom, 50 HS6 codes in
 * six tiers, published by the US Bureau of Industry and Security on 2024-02-23
 * (https://www.bis.gov/licensing/country-guidance/common-high-priority-items-list-chpl: "50 items identified by
 * six-digit Harmonized System (HS) Codes that Russia seeks to procure for its weapons programs"). The codes and
 * tiers are as reproduced in the repository fyaic/TradeSieve (src/tradesieve/domain/common_high_priority.py,
 * commit 855e3b5f, checked against the BIS page on 2026-08-11 by its authors); Tier 1–2's nine codes agree with
 * BIS's best-practice guidance as quoted by Mohawk Global Trade Advisors and Kelley Drye (8542.31, .32, .33, .39,
 * 8517.62, 8526.91, 8532.21, 8532.24, 8548.00). The EU publishes the same items as Annex XL to Regulation (EU)
 * No 833/2014. HS 2017 and HS 2022 differ for some codes (8541.41–49, 8807.30 exist from HS 2022): codes a
 * dataset's nomenclature lacks simply find no flows, and the monitor says which.
 */
export interface ProductListEntry {
  hs6: string;
  note: string;
}

export interface ProductList {
  id: string;
  title: { ja: string; en: string };
  source: string;
  products: ProductListEntry[];
  builtIn: boolean;
  marking: Marking;
  updatedBy: string | null;
  updatedAt: string;
}

const chplTiers: [string, string, string[]][] = [
  ['Tier 1', 'Tier 1: integrated circuits', ['854231', '854232', '854233', '854239']],
  ['Tier 2', 'Tier 2: further electronics', ['851762', '852691', '853221', '853224', '854800']],
  [
    'Tier 3.A',
    'Tier 3.A: electronic components',
    [
      '847150',
      '850440',
      '851769',
      '852589',
      '852910',
      '852990',
      '853669',
      '853690',
      '854110',
      '854121',
      '854129',
      '854130',
      '854149',
      '854151',
      '854159',
      '854160',
    ],
  ],
  [
    'Tier 3.B',
    'Tier 3.B: mechanical and other components',
    ['848210', '848220', '848230', '848250', '880730', '901310', '901380', '901420', '901480'],
  ],
  [
    'Tier 4.A',
    'Tier 4.A: manufacturing, production and test equipment for electronics',
    [
      '847180',
      '848610',
      '848620',
      '848640',
      '853400',
      '854320',
      '902750',
      '903020',
      '903032',
      '903039',
      '903082',
    ],
  ],
  ['Tier 4.B', 'Tier 4.B: CNC machine tools and parts', ['845710', '845811', '845891', '845961', '846693']],
];

export const builtInProductLists: readonly Omit<ProductList, 'marking' | 'updatedBy' | 'updatedAt'>[] = [
  {
    id: 'chpl',
    title: {
      ja: '共通高優先品目リスト（CHPL、日米英EU、2024年2月23日版）',
      en: 'Common High Priority List (CHPL; US, EU, Japan, UK; 2024-02-23)',
    },
    source:
      'US BIS, Common High Priority List, 2024-02-23 (https://www.bis.gov/licensing/country-guidance/common-high-priority-items-list-chpl); HS6 codes as reproduced in fyaic/TradeSieve @ 855e3b5f',
    products: chplTiers.flatMap(([, note, codes]) => codes.map((hs6) => ({ hs6, note }))),
    builtIn: true,
  },
];

const seededKey = 'export_control_product_lists.seeded';
const idPattern = /^[a-z0-9][a-z0-9_-]{0,39}$/;

function toList(r: Record<string, unknown>): ProductList {
  return {
    id: String(r.id),
    title: jsonValue(r.title as { ja: string; en: string }),
    source: String(r.source ?? ''),
    products: jsonValue(r.products as ProductListEntry[]),
    builtIn: Boolean(r.built_in),
    marking: jsonValue(r.marking as Marking),
    updatedBy: (r.updated_by as string | null) ?? null,
    updatedAt: timeText(r.updated_at),
  };
}

/** Writes the shipped lists the first time (a settings flag records it, so a deleted list does not return). */
async function seed(db: StateDb): Promise<void> {
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [seededKey]);
  if (done.length) return;
  await db.transaction(async (tx) => {
    for (const l of builtInProductLists)
      await tx.query(
        `INSERT INTO export_control_product_lists (id, title, source, products, built_in, marking)
         VALUES ($1, $2::jsonb, $3, $4::jsonb, true, $5::jsonb) ON CONFLICT (id) DO NOTHING`,
        [l.id, JSON.stringify(l.title), l.source, JSON.stringify(l.products), JSON.stringify(publicMarking)],
      );
    await tx.query(
      `INSERT INTO settings (key, value) VALUES ($1, 'true'::jsonb) ON CONFLICT (key) DO NOTHING`,
      [seededKey],
    );
  });
}

/** The lists the reader may read (every list without a reader), by id. */
export async function listProductLists(db: StateDb, reader?: Reader): Promise<ProductList[]> {
  await seed(db);
  const r = readableSql(reader, 'marking', 1);
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM export_control_product_lists WHERE ${r.sql} ORDER BY built_in DESC, id`,
    r.params,
  );
  return rows.map(toList).filter((l) => mayRead(l.marking));
}

export async function getProductList(db: StateDb, id: string, reader?: Reader): Promise<ProductList> {
  await seed(db);
  const [row] = await db.query<Record<string, unknown>>(
    'SELECT * FROM export_control_product_lists WHERE id = $1',
    [id],
  );
  const found = row ? toList(row) : undefined;
  if (!found || !mayRead(found.marking) || (reader && !readerMayRead(reader, found.marking)))
    throw new ChokepointError('not_found', 'product list not found', { field: 'list' });
  recordObjectRead('export_control_product_list', found.id, found.marking);
  return found;
}

/**
 * The stored marking of a list, readable or not (undefined when there is none): what an update checks before it
 * replaces the list, so that a hidden list answers like a missing one instead of being overwritten.
 */
export async function productListMarking(db: StateDb, id: string): Promise<Marking | undefined> {
  await seed(db);
  const [row] = await db.query<{ marking: Marking }>(
    'SELECT marking FROM export_control_product_lists WHERE id = $1',
    [id],
  );
  return row ? jsonValue(row.marking) : undefined;
}

/** HS6 codes checked: six digits (dots and spaces removed), each once. */
export function productCodes(products: readonly ProductListEntry[], field = 'products'): ProductListEntry[] {
  const seen = new Set<string>();
  return products.map((p, i) => {
    const hs6 = String(p.hs6 ?? '').replace(/[.\s]/g, '');
    if (!/^\d{6}$/.test(hs6))
      throw new ChokepointError('bad_input', `product ${i + 1}: "${p.hs6}" is not an HS6 code (six digits)`, {
        field,
      });
    if (seen.has(hs6))
      throw new ChokepointError('bad_input', `product ${i + 1}: ${hs6} appears twice`, { field });
    seen.add(hs6);
    return { hs6, note: String(p.note ?? '').trim() };
  });
}

/**
 * Creates or replaces a list (the caller has checked the writer may set this marking and may read the list it
 * replaces); audited.
 */
export async function setProductList(
  db: StateDb,
  input: {
    id: string;
    title: { ja: string; en: string };
    source?: string;
    products: ProductListEntry[];
    marking?: Marking;
  },
  actor: Actor,
): Promise<ProductList> {
  await seed(db);
  if (!idPattern.test(input.id))
    throw new ChokepointError('bad_input', 'a list id is lower-case letters, digits, - and _ (up to 40)', {
      field: 'id',
    });
  if (!input.title.ja.trim() || !input.title.en.trim())
    throw new ChokepointError('bad_input', 'a list needs a Japanese and an English title', {
      field: 'title',
    });
  const products = productCodes(input.products);
  if (products.length === 0)
    throw new ChokepointError('bad_input', 'a list needs at least one HS6 code', { field: 'products' });
  const marking = normalizeMarking(input.marking ?? publicMarking);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Record<string, unknown>>(
      `INSERT INTO export_control_product_lists (id, title, source, products, marking, updated_by, updated_at)
       VALUES ($1, $2::jsonb, $3, $4::jsonb, $5::jsonb, $6, now())
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, source = EXCLUDED.source,
         products = EXCLUDED.products, marking = EXCLUDED.marking, updated_by = EXCLUDED.updated_by,
         updated_at = now()
       RETURNING *`,
      [
        input.id,
        JSON.stringify(input.title),
        input.source?.trim() ?? '',
        JSON.stringify(products),
        JSON.stringify(marking),
        actor.name,
      ],
    );
    const saved = toList(row);
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.name,
      action: 'export_control.product_list_set',
      objectType: 'export_control_product_list',
      objectId: saved.id,
      marking,
      details: { products: products.length },
    });
    return saved;
  });
}
