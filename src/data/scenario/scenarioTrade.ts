import { ChokepointError } from '../../errors.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import { sqlString } from '../analytics/store.ts';
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
      : ((await store.query<{ y: number }>(`SELECT max(t) AS y FROM ${source}`))[0]?.y ?? undefined);
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
  const codeList = reporterCodes.map((c) => String(Math.trunc(c))).join(', ');

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
    const list = [...new Set(named.map((n) => n.product))].map(sqlString).join(', ');
    const present = new Set(
      (
        await store.query<{ k: string }>(`SELECT DISTINCT k FROM ${source} WHERE t = $1 AND k IN (${list})`, [
          year,
        ])
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
  const inList = (codes: Iterable<number>) => {
    const list = [...new Set(codes)].filter((c) => Number.isInteger(c));
    return list.length ? list.join(', ') : '-1';
  };
  const keep = new Set<number>();
  for (const sh of definition.shocks) {
    if (sh.type === 'export-cut') sh.exporter.codes.forEach((c) => keep.add(c));
    if (sh.type === 'disaster') sh.country.codes.forEach((c) => keep.add(c));
  }
  definition.exposure.forEach((e) => e.partner.codes.forEach((c) => keep.add(c)));
  const pooled = !definition.shocks.some((sh) => sh.type === 'chokepoint-closure');
  const importRows = await store.query<{
    k: string;
    i: number;
    v: number;
    q: number | null;
    nq: number;
    n: number;
  }>(
    // Partners no shock reaches matter only through the product's total imports (the stock base): one row each.
    pooled
      ? `SELECT k, CASE WHEN i IN (${inList(keep)}) THEN i ELSE ${pooledOther} END AS i,
                sum(v) AS v, sum(q) AS q, count(q) AS nq, count(*) AS n
           FROM ${source} WHERE t = $1 AND j IN (${codeList}) AND i NOT IN (${codeList}) GROUP BY ALL ORDER BY k, i`
      : `SELECT k, i, sum(v) AS v, sum(q) AS q, count(q) AS nq, count(*) AS n
           FROM ${source} WHERE t = $1 AND j IN (${codeList}) AND i NOT IN (${codeList}) GROUP BY k, i ORDER BY k, i`,
    [year],
  );
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
  const likeMinded = inList(definition.substitution.likeMinded.flatMap((c) => c.codes));
  const allowed =
    definition.substitution.partners === 'all'
      ? ''
      : `AND (i IN (${inList(definition.substitution.partners.flatMap((c) => c.codes))}) OR i IN (${inList(keep)}))`;
  const exportsToOthers: TradeBase['exportsToOthers'] = [];
  if (affected.length > 0) {
    // The affected products as a relation (a semi-join), not a literal IN list: thousands of literals would be
    // compared row by row.
    const others = `SELECT k, i, sum(v) AS v FROM ${source}
        WHERE t = $1 AND k IN (SELECT unnest([${affected.map(sqlString).join(', ')}]::VARCHAR[]))
          AND j NOT IN (${codeList}) AND i NOT IN (${codeList}) ${allowed}
        GROUP BY k, i`;
    const rows = await store.query<{ k: string; i: number | null; v: number; pool: string | null }>(
      pooled
        ? `WITH others AS (${others}),
           ranked AS (
             SELECT k, i, v, i IN (${inList(keep)}) AS kept, i IN (${likeMinded}) AS lm,
                    row_number() OVER (PARTITION BY k, i IN (${likeMinded}) ORDER BY v DESC, i) AS rank
               FROM others)
           SELECT k, i, v, NULL AS pool FROM ranked WHERE kept OR rank <= 5
           UNION ALL
           SELECT k, NULL AS i, sum(v) AS v, CASE WHEN lm THEN 'like-minded' ELSE 'other' END AS pool
             FROM ranked WHERE NOT kept AND rank > 5 GROUP BY k, lm
           ORDER BY k, pool NULLS FIRST, i`
        : `${others} ORDER BY k, i`,
      [year],
    );
    for (const r of rows) {
      if (r.i === null || r.i === undefined) {
        exportsToOthers.push({
          product: r.k,
          exporter: r.pool === 'like-minded' ? pooledLikeMinded : pooledOther,
          value: r.v,
        });
      } else exportsToOthers.push({ product: r.k, exporter: r.i, value: r.v });
    }
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
