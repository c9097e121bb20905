import { countryByIso3 } from '../reference/countries.ts';
import type { RecordKind } from './templateColumns.ts';

/**
 * Checks the rows of a supply-structure submission (CSV or XLSX, already split into cells by column key) and
 * returns either the typed rows or every problem found, each naming its sheet, row and column in English and
 * Japanese. Nothing is stored unless there is no problem at all (the caller's transaction is all-or-nothing).
 */
export interface RawRow {
  kind: RecordKind;
  /** The sheet (XLSX) or the file (CSV) the row is in. */
  sheet: string;
  /** 1-based row (line) number as the user sees it. */
  row: number;
  cells: Record<string, string>;
}

export interface ProductRow {
  row: number;
  code: string;
  hs6: string;
  name: string | null;
}
export interface SiteRow {
  row: number;
  code: string;
  name: string | null;
  country: string;
  port: string | null;
}
export interface SupplierRow {
  row: number;
  ref: string;
  tier: number;
  via: string | null;
  ownSite: string | null;
  name: string;
  country: string;
  site: string | null;
  port: string | null;
  hs6: string;
  share: number;
  alternatives: number | null;
  leadTimeDays: number | null;
  inventoryDays: number | null;
}

export interface SubmissionRows {
  products: ProductRow[];
  sites: SiteRow[];
  suppliers: SupplierRow[];
}

export interface RowProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
  messageJa: string;
}

/** Shares may exceed 1 by this much in a sum (rounding in spreadsheets). */
const shareTolerance = 1e-6;
const maxTier = 9;

type Check = (message: string, messageJa: string) => void;

function hsCode(text: string): string | null {
  const digits = text.replace(/[.\s]/g, '');
  return /^\d{6}(\d{3})?$/.test(digits) ? digits.slice(0, 6) : null;
}

function nonNegativeInteger(text: string): number | null | undefined {
  if (!text.trim()) return null;
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 0 && n <= 100_000 ? n : undefined;
}

function shareValue(text: string): number | undefined {
  const t = text.trim();
  const percent = t.endsWith('%');
  const n = Number(percent ? t.slice(0, -1) : t);
  if (!t || !Number.isFinite(n)) return undefined;
  const v = percent ? n / 100 : n;
  return v >= 0 && v <= 1 ? v : undefined;
}

function country(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) && countryByIso3(code) ? code : null;
}

export function validateSubmission(
  rows: readonly RawRow[],
): { ok: true; rows: SubmissionRows } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const at =
    (r: RawRow, column: string): Check =>
    (message, messageJa) =>
      problems.push({ sheet: r.sheet, row: r.row, column, message, messageJa });
  const text = (r: RawRow, key: string) => (r.cells[key] ?? '').trim();
  const required = (r: RawRow, key: string): string => {
    const v = text(r, key);
    if (!v) at(r, key)(`${key} is empty`, `${key} が空です`);
    return v;
  };

  const requiredCountry = (r: RawRow, key: string): string | null => {
    const written = required(r, key);
    const iso = written ? country(written) : null;
    if (written && !iso)
      at(r, key)(
        `"${written}" is not an ISO 3166 alpha-3 country code`,
        `「${written}」はISO 3166の3文字国コードではありません`,
      );
    return iso;
  };

  const products: ProductRow[] = [];
  const productCodes = new Map<string, string>();
  for (const r of rows.filter((x) => x.kind === 'product')) {
    const code = required(r, 'product_code');
    const hsText = required(r, 'hs');
    const hs6 = hsText ? hsCode(hsText) : null;
    if (hsText && !hs6)
      at(r, 'hs')(`"${hsText}" is not an HS6 or HS9 code`, `「${hsText}」はHS6桁・9桁のコードではありません`);
    if (code && productCodes.has(code))
      at(r, 'product_code')(`product_code ${code} appears twice`, `製品コード ${code} が重複しています`);
    if (code && hs6 && !productCodes.has(code)) {
      productCodes.set(code, hs6);
      products.push({ row: r.row, code, hs6, name: text(r, 'product_name') || null });
    }
  }

  const sites: SiteRow[] = [];
  const siteCodes = new Set<string>();
  for (const r of rows.filter((x) => x.kind === 'site')) {
    const code = required(r, 'site_code');
    const iso = requiredCountry(r, 'site_country');
    if (code && siteCodes.has(code))
      at(r, 'site_code')(`site_code ${code} appears twice`, `拠点コード ${code} が重複しています`);
    if (code && iso && !siteCodes.has(code)) {
      siteCodes.add(code);
      sites.push({
        row: r.row,
        code,
        name: text(r, 'site_name') || null,
        country: iso,
        port: text(r, 'site_port') || null,
      });
    }
  }

  const suppliers: SupplierRow[] = [];
  const supplierRaw = rows.filter((x) => x.kind === 'supplier');
  const tierOf = new Map<string, number>();
  for (const r of supplierRaw) {
    const ref = text(r, 'supplier_ref');
    const tier = Number(text(r, 'tier'));
    if (ref && !tierOf.has(ref) && Number.isInteger(tier)) tierOf.set(ref, tier);
  }
  const seenRefs = new Set<string>();
  const shareLines: { raw: RawRow; via: string | null; hs6: string; share: number }[] = [];
  for (const r of supplierRaw) {
    const ref = required(r, 'supplier_ref');
    if (ref && seenRefs.has(ref))
      at(r, 'supplier_ref')(`supplier_ref ${ref} appears twice`, `仕入先番号 ${ref} が重複しています`);
    const tierText = required(r, 'tier');
    const tier = Number(tierText);
    const tierOk = Number.isInteger(tier) && tier >= 1 && tier <= maxTier;
    if (tierText && !tierOk)
      at(r, 'tier')(`tier must be a whole number 1–${maxTier}`, `階層は1〜${maxTier}の整数です`);
    const via = text(r, 'via') || null;
    if (tierOk && tier === 1 && via)
      at(r, 'via')(
        'a tier-1 supplier has no via (leave it empty)',
        '1次仕入先の「経由」は空欄にしてください',
      );
    if (tierOk && tier > 1) {
      if (!via)
        at(r, 'via')(
          `tier ${tier} needs via: the supplier_ref of tier ${tier - 1}`,
          `${tier}次には経由（${tier - 1}次の仕入先番号）が必要です`,
        );
      else if (tierOf.get(via) !== tier - 1)
        at(r, 'via')(
          `via ${via} is not a supplier_ref of tier ${tier - 1} in this submission`,
          `経由 ${via} はこの提出の${tier - 1}次の仕入先番号ではありません`,
        );
    }
    const ownSite = text(r, 'own_site') || null;
    if (ownSite && !siteCodes.has(ownSite))
      at(r, 'own_site')(
        `own_site ${ownSite} is not a site_code of the sites sheet`,
        `納入先拠点 ${ownSite} は拠点シートにありません`,
      );
    const name = required(r, 'supplier_name');
    const iso = requiredCountry(r, 'supplier_country');
    const productText = required(r, 'product');
    const hs6 = productText ? (productCodes.get(productText) ?? hsCode(productText)) : null;
    if (productText && !hs6)
      at(r, 'product')(
        `"${productText}" is neither an HS6 code nor a product_code of the products sheet`,
        `「${productText}」はHS6桁のコードでも製品シートの製品コードでもありません`,
      );
    const shareText = required(r, 'share');
    const share = shareText ? shareValue(shareText) : undefined;
    if (shareText && share === undefined)
      at(r, 'share')(
        `share "${shareText}" must be a number from 0 to 1 (or 0–100 %)`,
        `購入比率「${shareText}」は0〜1（または0〜100%）の数です`,
      );
    const ints: Record<'alternatives' | 'lead_time_days' | 'inventory_days', number | null> = {
      alternatives: null,
      lead_time_days: null,
      inventory_days: null,
    };
    for (const key of Object.keys(ints) as (keyof typeof ints)[]) {
      const v = nonNegativeInteger(text(r, key));
      if (v === undefined) at(r, key)(`${key} must be a whole number ≥ 0`, `${key} は0以上の整数です`);
      else ints[key] = v;
    }
    if (ref) seenRefs.add(ref);
    if (hs6 && share !== undefined) shareLines.push({ raw: r, via, hs6, share });
    if (ref && tierOk && name && iso && hs6 && share !== undefined)
      suppliers.push({
        row: r.row,
        ref,
        tier,
        via,
        ownSite,
        name,
        country: iso,
        site: text(r, 'supplier_site') || null,
        port: text(r, 'supplier_port') || null,
        hs6,
        share,
        alternatives: ints.alternatives,
        leadTimeDays: ints.lead_time_days,
        inventoryDays: ints.inventory_days,
      });
  }

  // Shares of one buyer's purchases of one product add up to at most 1: the company's tier-1 lines per product,
  // and each supplier's own lines (tier n + 1 via it) per product. Reported on the row that passes 1.
  // (Every line with a readable product and share counts, also one with problems elsewhere.)
  const sums = new Map<string, number>();
  for (const s of shareLines) {
    const key = `${s.via ?? ''}\u0000${s.hs6}`;
    const sum = (sums.get(key) ?? 0) + s.share;
    sums.set(key, sum);
    if (sum > 1 + shareTolerance) {
      const buyer = s.via ? `supplier ${s.via}` : 'your company';
      const buyerJa = s.via ? `仕入先 ${s.via}` : '自社';
      at(s.raw, 'share')(
        `shares of ${buyer}'s purchases of ${s.hs6} add up to ${sum.toFixed(3)} > 1`,
        `${buyerJa}の ${s.hs6} の購入比率の合計が ${sum.toFixed(3)} で1を超えています`,
      );
    }
  }
  if (rows.length === 0 || supplierRaw.length === 0)
    problems.push({
      sheet: rows[0]?.sheet ?? '',
      row: 1,
      column: 'supplier_ref',
      message: 'the submission has no supplier rows',
      messageJa: '仕入先の行がありません',
    });
  problems.sort(
    (a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.column.localeCompare(b.column),
  );
  return problems.length ? { ok: false, problems } : { ok: true, rows: { products, sites, suppliers } };
}
