/**
 * Revealed comparative advantage (Balassa 1965, "Trade liberalisation and 'revealed' comparative advantage",
 * The Manchester School 33(2)):
 *
 *   RCA_ck = (X_ck / X_c) / (X_wk / X_w),  X_c = Σ_k X_ck, X_wk = Σ_c X_ck, X_w = Σ_ck X_ck.
 *
 * When the rows hold only some products (e.g. a BACI extract of critical-mineral codes), X_c and X_w are the
 * totals over those products unless the caller passes all-product totals: say which in the output's method.
 */
export interface ExportValue {
  exporter: string;
  product: string;
  value: number;
}

export interface RcaCell {
  exporter: string;
  product: string;
  value: number;
  rca: number | null;
  /** X_ck / X_wk: the exporter's share of world exports of the product. */
  worldShare: number | null;
}

export interface RcaTotals {
  /** Exporter → all-product exports X_c. */
  exporter: ReadonlyMap<string, number>;
  /** All-product world exports X_w. */
  world: number;
}

export function rca(rows: readonly ExportValue[], totals?: RcaTotals): RcaCell[] {
  const byExporter = new Map<string, number>();
  const byProduct = new Map<string, number>();
  let world = 0;
  for (const { exporter, product, value } of rows) {
    if (!(value > 0)) continue;
    byExporter.set(exporter, (byExporter.get(exporter) ?? 0) + value);
    byProduct.set(product, (byProduct.get(product) ?? 0) + value);
    world += value;
  }
  const xc = totals?.exporter ?? byExporter;
  const xw = totals?.world ?? world;
  return rows.map(({ exporter, product, value }) => {
    const v = value > 0 ? value : 0;
    const c = xc.get(exporter) ?? 0;
    const k = byProduct.get(product) ?? 0;
    return {
      exporter,
      product,
      value: v,
      rca: c > 0 && k > 0 && xw > 0 ? v / c / (k / xw) : null,
      worldShare: k > 0 ? v / k : null,
    };
  });
}

/**
 * RCA of an exporter for a basket of products taken together (a critical good made of several HS codes):
 * (Σ_k∈B X_ck / X_c) / (Σ_k∈B X_wk / X_w).
 */
export function basketRca(
  rows: readonly ExportValue[],
  exporter: string,
  basket: ReadonlySet<string>,
  totals?: RcaTotals,
): number | null {
  let own = 0;
  let ownAll = 0;
  let world = 0;
  let worldAll = 0;
  for (const r of rows) {
    if (!(r.value > 0)) continue;
    worldAll += r.value;
    if (r.exporter === exporter) ownAll += r.value;
    if (!basket.has(r.product)) continue;
    world += r.value;
    if (r.exporter === exporter) own += r.value;
  }
  const xc = totals ? (totals.exporter.get(exporter) ?? 0) : ownAll;
  const xw = totals ? totals.world : worldAll;
  if (xc <= 0 || world <= 0 || xw <= 0) return null;
  return own / xc / (world / xw);
}
