/**
 * The columns of a supply-structure submission (docs/network.md § Template), in English and Japanese. An XLSX
 * submission has one sheet per record kind; a CSV submission is one table with a `record` column naming the kind
 * of each row and the union of the columns (those of another kind left empty). Headers are accepted in either
 * language.
 */
export const recordKinds = ['product', 'site', 'supplier'] as const;
export type RecordKind = (typeof recordKinds)[number];

export interface TemplateColumn {
  key: string;
  en: string;
  ja: string;
  required: boolean;
  /** What to write, shown in the template's notes. */
  hint: { en: string; ja: string };
}

const col = (key: string, ja: string, required: boolean, hintEn: string, hintJa: string): TemplateColumn => ({
  key,
  en: key,
  ja,
  required,
  hint: { en: hintEn, ja: hintJa },
});

export const templateColumns: Record<RecordKind, TemplateColumn[]> = {
  product: [
    col('product_code', '製品コード', true, 'your own code for the product', '自社の製品コード'),
    col('hs', 'HSコード', true, 'HS6 or HS9 code (dots allowed)', 'HS6桁または統計品目番号9桁（ピリオド可）'),
    col('product_name', '製品名', false, 'name', '名称'),
  ],
  site: [
    col('site_code', '拠点コード', true, 'your own code for the site', '自社の拠点コード'),
    col('site_name', '拠点名', false, 'name', '名称'),
    col('site_country', '拠点国', true, 'ISO 3166 alpha-3, e.g. JPN', 'ISO 3166 3文字（例 JPN）'),
    col('site_port', '拠点港', false, 'port used (UN/LOCODE or name)', '利用港（UN/LOCODEまたは名称）'),
  ],
  supplier: [
    col('supplier_ref', '仕入先番号', true, 'your reference for this supply line', 'この調達行の自社番号'),
    col(
      'tier',
      '階層',
      true,
      '1 = your direct supplier, 2 = its supplier …',
      '1 = 直接の仕入先、2 = その仕入先 …',
    ),
    col('via', '経由', false, 'tier 2+: the supplier_ref one tier above', '2次以降: 1つ上の階層の仕入先番号'),
    col(
      'own_site',
      '納入先拠点',
      false,
      'tier 1: your site_code receiving it',
      '1次: 納入先の自社拠点コード',
    ),
    col('supplier_name', '仕入先名', true, 'legal name as known', '正式名称'),
    col('supplier_country', '仕入先国', true, 'ISO 3166 alpha-3', 'ISO 3166 3文字'),
    col('supplier_site', '仕入先拠点', false, 'plant or site name', '工場・拠点名'),
    col('supplier_port', '積出港', false, 'port of loading', '積出港'),
    col('product', '品目', true, 'HS6 code or your product_code', 'HS6桁または自社の製品コード'),
    col(
      'share',
      '購入比率',
      true,
      'share of your purchases of this product, 0–1 or %',
      'この品目の購入額に占める比率（0–1 または %）',
    ),
    col('alternatives', '認定代替先数', false, 'qualified alternative suppliers', '認定済み代替仕入先の数'),
    col('lead_time_days', 'リードタイム日数', false, 'days', '日数'),
    col('inventory_days', '在庫日数', false, 'days of inventory held', '在庫の日数'),
  ],
};

export const sheetNames: Record<RecordKind, { en: string; ja: string }> = {
  product: { en: 'products', ja: '製品' },
  site: { en: 'sites', ja: '拠点' },
  supplier: { en: 'suppliers', ja: '仕入先' },
};

/** The CSV column naming each row's kind, and the words it accepts. */
export const recordColumn = { key: 'record', en: 'record', ja: '種別' };
export const recordWords: Record<RecordKind, { en: string; ja: string }> = {
  product: { en: 'product', ja: '製品' },
  site: { en: 'site', ja: '拠点' },
  supplier: { en: 'supplier', ja: '仕入先' },
};

/** Column key for a header in either language (NFKC, case and surrounding space ignored). */
export function columnKey(header: string, kind: RecordKind | 'csv'): string | undefined {
  const h = header.normalize('NFKC').trim().toLowerCase();
  const candidates =
    kind === 'csv'
      ? [recordColumn, ...recordKinds.flatMap((k) => templateColumns[k])]
      : templateColumns[kind];
  return candidates.find((c) => c.en.toLowerCase() === h || c.ja.normalize('NFKC').toLowerCase() === h)?.key;
}

/** The kind a CSV `record` cell names (either language), or undefined. */
export function recordKindOf(word: string): RecordKind | undefined {
  const w = word.normalize('NFKC').trim().toLowerCase();
  return recordKinds.find(
    (k) => recordWords[k].en === w || recordWords[k].ja === w || sheetNames[k].en === w,
  );
}
