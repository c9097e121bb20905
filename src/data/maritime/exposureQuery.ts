import type { AnalyticsStore } from '../analytics/store.ts';
import { sqlString } from '../analytics/store.ts';
import type { ExposureAggregates, PartnerRoutes } from '../../analysis/maritime/exposure.ts';
import type { FreightOptions, FreightRule } from '../../analysis/maritime/freightRules.ts';

/**
 * The exposure aggregates (analysis/maritime/exposure.ts ExposureAggregates) computed by SQL over the trade
 * store, so that a full year (hundreds of thousands of partner × product flows of one reporter) never travels
 * row by row into JavaScript. Same rules as aggregateFlows (tested against it on the same data):
 *   rule = land (land neighbour) | air_product (HS prefix) | air_value (1000·v/q > threshold, q known) |
 *          no_port (no main port or no route) | sea (q known) | sea_quantity_unknown.
 * Partner facts (land neighbour, ports, baseline route) go in as a VALUES table keyed by BACI exporter code.
 */
export interface ExposureQuery {
  /** Table expression of the trade store (tradeSource). */
  source: string;
  year: number;
  reporterCodes: number[];
  hs?: string;
  /** BACI exporter code → partner code (ISO3); codes not listed become `BACI:<code>` with rule no_port. */
  partnerOf: Map<number, string>;
  routesOf: (partner: string) => PartnerRoutes;
  freight: FreightOptions;
  flowsPerPassage: number;
  /** Products (largest first) broken down by passage; all when undefined. */
  productsWithPassages?: number;
}

interface Row extends Record<string, unknown> {
  kind: string;
  i: number | null;
  k: string | null;
  label: string | null;
  value: number;
  sea: number | null;
  flows: number;
}

export async function exposureAggregatesSql(
  store: AnalyticsStore,
  q: ExposureQuery,
): Promise<ExposureAggregates> {
  const codes = q.reporterCodes.map((c) => Math.trunc(c)).join(', ');
  // Partner table: i, base rule ('land' | 'no_port' | 'sea'), route id; and route → passage pairs.
  const routeIds = new Map<string, number>();
  const routePassages: [number, string][] = [];
  const partnerRows: string[] = [];
  for (const [i, partner] of q.partnerOf) {
    const r = q.routesOf(partner);
    const base = r.landNeighbour ? 'land' : !r.hasPorts || !r.baseline ? 'no_port' : 'sea';
    let route: number | null = null;
    if (r.baseline) {
      const passages = [...new Set(r.baseline.passages)].sort();
      const key = passages.join('+');
      route = routeIds.get(key) ?? null;
      if (route === null) {
        route = routeIds.size;
        routeIds.set(key, route);
        for (const p of passages) routePassages.push([route, p]);
      }
    }
    partnerRows.push(`(${Math.trunc(i)}, '${base}', ${route ?? 'NULL'})`);
  }
  const partners = partnerRows.length
    ? `(VALUES ${partnerRows.join(', ')}) AS p(i, base, route)`
    : `(SELECT NULL::INTEGER AS i, NULL::VARCHAR AS base, NULL::INTEGER AS route WHERE false) AS p`;
  const rp = routePassages.length
    ? `(VALUES ${routePassages.map(([r, p]) => `(${r}, ${sqlString(p)})`).join(', ')}) AS rp(route, passage)`
    : `(SELECT NULL::INTEGER AS route, NULL::VARCHAR AS passage WHERE false) AS rp`;
  const air = q.freight.airProducts.filter((p) => /^\d{1,6}$/.test(p)).map((p) => `starts_with(f.k, '${p}')`);
  // Numbers reach the SQL as bound parameters; `param` returns the placeholder of the next one.
  const params: unknown[] = [q.year];
  const param = (value: unknown) => `$${params.push(value)}`;
  const hs = q.hs ? `AND starts_with(k, ${param(q.hs)})` : '';
  const threshold = param(Number(q.freight.airValuePerTonneUsd));
  const limit =
    q.productsWithPassages === undefined
      ? ''
      : `LIMIT ${param(Math.max(0, Math.trunc(q.productsWithPassages)))}`;
  const keep = param(Math.max(0, Math.trunc(q.flowsPerPassage)));
  // One pass over the store groups flows (i, k) and classifies them (c); everything else aggregates c or its
  // product × route summary (kr, a few thousand rows), so no step multiplies flows by passages.
  const sql = `
    WITH c AS MATERIALIZED (
      SELECT f.i, f.k, f.v, p.route,
             CASE WHEN p.base = 'land' THEN 'land'
                  ${air.length ? `WHEN ${air.join(' OR ')} THEN 'air_product'` : ''}
                  WHEN f.q > 0 AND 1000 * f.v / f.q > ${threshold} THEN 'air_value'
                  WHEN p.base IS NULL OR p.base = 'no_port' THEN 'no_port'
                  WHEN f.q > 0 THEN 'sea'
                  ELSE 'sea_quantity_unknown' END AS rule
        FROM (SELECT i, k, sum(v) AS v, CASE WHEN count(q) = count(*) THEN sum(q) END AS q
                FROM ${q.source}
               WHERE t = $1 AND j IN (${codes}) AND i NOT IN (${codes}) ${hs}
               GROUP BY i, k) AS f
        LEFT JOIN ${partners} ON p.i = f.i
       WHERE f.v > 0
    ), kr AS MATERIALIZED (
      SELECT k, route, rule IN ('sea', 'sea_quantity_unknown') AS sea, sum(v) AS v, count(*) AS n
        FROM c GROUP BY k, route, sea
    ), top_products AS (
      SELECT k FROM kr GROUP BY k ORDER BY sum(v) DESC, k ${limit}
    ), top_route AS (
      SELECT route, {i: i, k: k, v: v, rule: rule} AS f
        FROM c WHERE rule IN ('sea', 'sea_quantity_unknown') AND route IS NOT NULL
      QUALIFY row_number() OVER (PARTITION BY route ORDER BY v DESC, k, i) <= ${keep}
    )
    SELECT 'partner_rule' AS kind, i, NULL AS k, rule AS label, sum(v) AS value, NULL::DOUBLE AS sea, count(*) AS flows
      FROM c GROUP BY i, rule
    UNION ALL
    SELECT 'product', NULL, k, NULL, sum(v), coalesce(sum(v) FILTER (WHERE sea), 0), sum(n)
      FROM kr GROUP BY k
    UNION ALL
    SELECT 'product_passage', NULL, kr.k, rp.passage, sum(kr.v), NULL, sum(kr.n)
      FROM kr JOIN ${rp} ON rp.route = kr.route
     WHERE kr.sea AND kr.k IN (SELECT k FROM top_products) GROUP BY kr.k, rp.passage
    UNION ALL
    SELECT 'top_flow', f.i, f.k, rp.passage || '|' || f.rule, f.v, NULL, 1
      FROM top_route JOIN ${rp} ON rp.route = top_route.route
    QUALIFY row_number() OVER (PARTITION BY rp.passage ORDER BY f.v DESC, f.k, f.i) <= ${keep}`;
  const rows = await store.query<Row>(sql, params);
  const partnerName = (i: number) => q.partnerOf.get(i) ?? `BACI:${i}`;
  const agg: ExposureAggregates = { partnerRules: [], products: [], productPassages: [], topFlows: [] };
  for (const r of rows) {
    if (r.kind === 'partner_rule') {
      agg.partnerRules.push({
        partner: partnerName(r.i!),
        rule: r.label as FreightRule,
        valueKusd: r.value,
        flows: r.flows,
      });
    } else if (r.kind === 'product') {
      agg.products.push({ product: r.k!, valueKusd: r.value, seaValueKusd: r.sea ?? 0 });
    } else if (r.kind === 'product_passage') {
      agg.productPassages.push({ product: r.k!, passage: r.label!, valueKusd: r.value });
    } else {
      const [passage, rule] = r.label!.split('|');
      agg.topFlows.push({
        passage,
        partner: partnerName(r.i!),
        product: r.k!,
        valueKusd: r.value,
        rule: rule as FreightRule,
      });
    }
  }
  return agg;
}
