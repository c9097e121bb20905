import { ChokepointError } from '../../errors.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import { SqlBuilder } from '../analytics/sqlBuilder.ts';
import type { ScenarioDefinition } from '../../analysis/scenario/definition.ts';
import type { TradeBase } from '../../analysis/scenario/tradeBase.ts';
import { shockReach } from '../../analysis/scenario/directLoss.ts';
import { countryByBaciCode } from '../reference/countries.ts';
import { pooledLikeMinded, pooledOther } from '../../analysis/scenario/tradeBase.ts';

/**
 * Loads the trade a scenario needs from an annual trade table expression (see tradeSource): the reporter's
 * imports of every product by partner in the base year, then, for the products a shock reaches, every exporter's
 * exports to destinations other than the reporter (the pool substitutes draw on). Checks that every product the
 * scenario names exists in the data for that year; an absent one is an error naming its field.
 */
export async function loadScenarioTrade(
  store: AnalyticsStore,
  source: string,
  definition: ScenarioDefinition,
  knownYears?: number[],
): Promise<TradeBase> {
  let year = definition.year;
  if (year === undefined) {
    year = knownYears?.length
      ? Math.max(...knownYears)
      : ((await store.select<{ y: number }>(new SqlBuilder(store.dialect).done(`SELECT max(t) AS y FROM ${source}`)))[0]?.y ??
        undefined);
    if (year === undefined || year === null)
      throw new ChokepointError('no_data', 'the trade dataset has no rows', { field: 'year' });
  } else if (knownYears && !knownYears.includes(year)) {
    throw new ChokepointError(
      'bad_input',
      `no trade data for ${year} (years present: ${knownYears.join(', ')})`,
      { field: 'year' },
    );
  }
  const reporterCodes = definition.reporter.codes;
  const codes = (list: Iterable<number>) => [...new Set(list)].filter((c) => Number.isInteger(c));

  const named: { product: string; field: string }[] = [];
  definition.shocks.forEach((s, i) => {
    if (s.type === 'export-cut' && s.products !== 'all')
      s.products.forEach((p, j) => named.push({ product: p, field: `shocks[${i}].products[${j}]` }));
  });
  for (const p of Object.keys(definition.stockpiles.products))
    named.push({ product: p, field: `stockpiles.products.${p}` });
  definition.exposure.forEach(
    (e, i) => e.product !== 'all' && named.push({ product: e.product, field: `exposure[${i}].product` }),
  );
  if (named.length > 0) {
    const b = new SqlBuilder(store.dialect);
    const products = [...new Set(named.map((n) => n.product))];
    const present = new Set(
      (
        await store.select<{ k: string }>(
          b.done(`SELECT DISTINCT k FROM ${source} WHERE t = ${b.int(year)} AND ${b.inList('k', products, 'text[]')}`),
        )
      ).map((r) => r.k),
    );
    const missing = named.find((n) => !present.has(n.product));
    if (missing) {
      throw new ChokepointError(
        'unknown_code',
        `product ${missing.product} does not occur in the trade data for ${year}`,
        {
          field: missing.field,
        },
      );
    }
  }

  // Substitutes: every exporter a shock reaches individually, the five largest of each pool (like-minded / other)
  // per product, and the rest of each pool summed — the
  // reallocation splits a pool in proportion to capacity, so the small ones only ever matter as a sum. Closures
  // keep every substitute apart (each has its own route).
  const keep = new Set<number>();
  for (const sh of definition.shocks) {
    if (sh.type === 'export-cut') sh.exporter.codes.forEach((c) => keep.add(c));
    if (sh.type === 'disaster') sh.country.codes.forEach((c) => keep.add(c));
  }
  definition.exposure.forEach((e) => e.partner.codes.forEach((c) => keep.add(c)));
  const pooled = !definition.shocks.some((sh) => sh.type === 'chokepoint-closure');
  const ib = new SqlBuilder(store.dialect);
  const reporterFlows = `${source} WHERE t = ${ib.int(year)} AND ${ib.inList('j', codes(reporterCodes), 'int[]')} AND NOT (${ib.inList('i', codes(reporterCodes), 'int[]')})`;
  const importRows = await store.select<{
    k: string;
    i: number;
    v: number;
    q: number | null;
    nq: number;
    n: number;
  }>(
    ib.done(
      // Partners no shock reaches matter only through the product's total imports (the stock base): one row each.
      pooled
        ? `SELECT k, partner AS i, sum(v) AS iv, sum(q) AS iq, count(q) AS nq, count(*) AS n FROM (
             SELECT k, CASE WHEN ${keep.size ? ib.inList('i', codes(keep), 'int[]') : ib.dialect.falseValue} THEN i ELSE ${pooledOther} END AS partner, v, q
             FROM ${reporterFlows}) flows
           GROUP BY k, partner ORDER BY k, i`
        : `SELECT k, i, sum(v) AS iv, sum(q) AS iq, count(q) AS nq, count(*) AS n FROM ${reporterFlows} GROUP BY k, i ORDER BY k, i`,
    ),
  ).then((rows) => rows.map((r) => ({ ...r, v: (r as unknown as { iv: number }).iv, q: (r as unknown as { iq: number | null }).iq })));
  if (importRows.length === 0) {
    throw new ChokepointError(
      'no_data',
      `no imports of ${definition.reporter.iso3} in ${year} in the trade data`,
      { field: 'reporter' },
    );
  }
  const imports = importRows.map((r) => ({
    product: r.k,
    partner: r.i,
    value: r.v,
    quantity: r.nq === r.n ? r.q : null,
  }));
  const affected = [
    ...new Set(
      imports
        .filter((f) =>
          definition.shocks.some((s) => shockReach(s, f.product, f.partner, definition.exposure) > 0),
        )
        .map((f) => f.product),
    ),
  ];
  const likeMinded = new Set(definition.substitution.likeMinded.flatMap((c) => c.codes));
  const exportsToOthers: TradeBase['exportsToOthers'] = [];
  if (affected.length > 0) {
    // Every other exporter's exports of the affected products to destinations other than the reporter (the
    // products as a bound list, a semi-join on each engine).
    const ob = new SqlBuilder(store.dialect);
    const allowed =
      definition.substitution.partners === 'all'
        ? ''
        : `AND (${ob.inList('i', codes(definition.substitution.partners.flatMap((c) => c.codes)), 'int[]')} OR ${keep.size ? ob.inList('i', codes(keep), 'int[]') : ob.dialect.falseValue})`;
    const others = await store.select<{ k: string; i: number; ov: number }>(
      ob.done(`SELECT k, i, sum(v) AS ov FROM ${source}
        WHERE t = ${ob.int(year)} AND ${ob.inList('k', affected, 'text[]')}
          AND NOT (${ob.inList('j', codes(reporterCodes), 'int[]')}) AND NOT (${ob.inList('i', codes(reporterCodes), 'int[]')}) ${allowed}
        GROUP BY k, i ORDER BY k, i`),
    );
    const rows = others.map((r) => ({ product: r.k, exporter: r.i, value: r.ov }));
    exportsToOthers.push(...(pooled ? poolSmallExporters(rows, keep, likeMinded) : rows));
  }
  const partners: TradeBase['partners'] = {
    [pooledLikeMinded]: {
      iso3: 'OTHERS_LIKE_MINDED',
      en: 'other like-minded partners',
      ja: 'その他の同志国',
    },
    [pooledOther]: { iso3: 'OTHERS', en: 'other partners', ja: 'その他の国・地域' },
  };
  for (const code of new Set([...imports.map((f) => f.partner), ...exportsToOthers.map((f) => f.exporter)])) {
    if (code < 0) continue;
    const c = countryByBaciCode(code);
    partners[code] = c
      ? { iso3: c.iso3, en: c.en, ja: c.ja }
      : { iso3: String(code), en: `BACI ${code}`, ja: `BACI ${code}` };
  }
  return { year, reporterCodes, imports, exportsToOthers, partners };
}

/**
 * Substitutes without closures: every exporter a shock reaches (`keep`), the five largest of each pool
 * (like-minded / other) per product, and the rest of each pool summed as one pooled exporter — the reallocation
 * splits a pool in proportion to capacity, so the small ones only ever matter as a sum. Ranked by value, then
 * the smaller code; rows ordered by product, the kept exporters by code, then the pooled sums (like-minded, then other).
 */
export function poolSmallExporters(
  rows: { product: string; exporter: number; value: number }[],
  keep: ReadonlySet<number>,
  likeMinded: ReadonlySet<number>,
): TradeBase['exportsToOthers'] {
  const out: TradeBase['exportsToOthers'] = [];
  const byProduct = new Map<string, typeof rows>();
  for (const r of rows) byProduct.set(r.product, [...(byProduct.get(r.product) ?? []), r]);
  for (const product of [...byProduct.keys()].sort()) {
    const kept: typeof rows = [];
    const pooled = { lm: 0, other: 0, lmAny: false, otherAny: false };
    for (const lm of [true, false]) {
      const pool = byProduct
        .get(product)!
        .filter((r) => likeMinded.has(r.exporter) === lm)
        .sort((a, b) => b.value - a.value || a.exporter - b.exporter);
      pool.forEach((r, n) => {
        if (keep.has(r.exporter) || n < 5) kept.push(r);
        else if (lm) {
          pooled.lm += r.value;
          pooled.lmAny = true;
        } else {
          pooled.other += r.value;
          pooled.otherAny = true;
        }
      });
    }
    out.push(...kept.sort((a, b) => a.exporter - b.exporter));
    if (pooled.lmAny) out.push({ product, exporter: pooledLikeMinded, value: pooled.lm });
    if (pooled.otherAny) out.push({ product, exporter: pooledOther, value: pooled.other });
  }
  return out;
}
