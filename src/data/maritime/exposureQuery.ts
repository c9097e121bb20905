import type { AnalyticsStore } from '../analytics/store.ts';
import { SqlBuilder } from '../analytics/sqlBuilder.ts';
import type { SqlStep } from '../analytics/dialect.ts';
import type { ExposureAggregates, PartnerRoutes } from '../../analysis/maritime/exposure.ts';
import type { FreightOptions, FreightRule } from '../../analysis/maritime/freightRules.ts';

/**
 * The exposure aggregates (analysis/maritime/exposure.ts ExposureAggregates) computed by SQL over the trade
 * store, so that a full year (hundreds of thousands of partner × product flows of one reporter) never travels
 * row by row into JavaScript. Same rules as aggregateFlows (tested against it on the same data):
 *   rule = land (land neighbour) | air_product (HS prefix) | air_value (1000·v/q > threshold, q known) |
 *          no_port (no main port or no route) | sea (q known) | sea_quantity_unknown.
 * One query for both engines (SqlBuilder, the engine's dialect): partner facts (land neighbour, ports, baseline
 * route) and route → passage pairs go in as bound parallel lists keyed by BACI exporter code, every value bound.
 */
export interface ExposureQuery {
  /** Table expression of the trade store (tradeSource, for the engine of the store). */
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
  pi: number | null;
  pk: string | null;
  label: string | null;
  value: number;
  sea_value: number | null;
  flows: number;
}

/** The partner facts as parallel lists: exporter code, base rule and route id (-1: no baseline route). */
function partnerLists(q: ExposureQuery) {
  const routeIds = new Map<string, number>();
  const lists = {
    i: [] as number[],
    base: [] as string[],
    route: [] as number[],
    rpRoute: [] as number[],
    rpPassage: [] as string[],
  };
  for (const [i, partner] of q.partnerOf) {
    const r = q.routesOf(partner);
    let route = -1;
    if (r.baseline) {
      const passages = [...new Set(r.baseline.passages)].sort();
      const key = passages.join('+');
      route = routeIds.get(key) ?? -1;
      if (route < 0) {
        route = routeIds.size;
        routeIds.set(key, route);
        for (const p of passages) {
          lists.rpRoute.push(route);
          lists.rpPassage.push(p);
        }
      }
    }
    lists.i.push(Math.trunc(i));
    lists.base.push(r.landNeighbour ? 'land' : !r.hasPorts || !r.baseline ? 'no_port' : 'sea');
    lists.route.push(route);
  }
  return lists;
}

/** A whole number ≥ 0 written into a LIMIT (which neither ClickHouse 18.16 nor LIMIT BY take as a parameter). */
function rowCount(n: number): number {
  return Math.max(0, Math.trunc(n));
}

export async function exposureAggregatesSql(
  store: AnalyticsStore,
  q: ExposureQuery,
): Promise<ExposureAggregates> {
  const b = new SqlBuilder(store.dialect);
  const d = b.dialect;
  const lists = partnerLists(q);
  const seaRule = `rule IN ('sea', 'sea_quantity_unknown')`;
  const air = q.freight.airProducts
    .filter((p) => /^\d{1,6}$/.test(p))
    .map((p) => d.startsWith('k', b.text(p)));
  const hs = q.hs ? `AND ${d.startsWith('k', b.text(q.hs))}` : '';
  const keep = rowCount(q.flowsPerPassage);
  // Output columns are named apart from the input columns (ClickHouse resolves a SELECT alias everywhere in
  // the query), and cast alike in every branch of the UNION ALL (ClickHouse requires the same types).
  const out = (
    kind: string,
    i: string,
    k: string,
    label: string,
    value: string,
    sea: string,
    flows: string,
  ) =>
    `SELECT '${kind}' AS kind, ${d.nullable(i, 'int')} AS pi, ${d.nullable(k, 'text')} AS pk, ${d.nullable(label, 'text')} AS label,
            ${d.cast(value, 'double')} AS value, ${d.nullable(sea, 'double')} AS sea_value, ${d.cast(flows, 'bigint')} AS flows`;
  // One pass over the store groups flows (i, k) and classifies them (c); everything else aggregates c or its
  // product × route summary (kr, a few thousand rows), so no step multiplies flows by passages.
  const steps: SqlStep[] = [
    {
      name: 'partners',
      sql: () =>
        d.unnestLists([
          [b.value(lists.i, 'int[]'), 'i'],
          [b.value(lists.base, 'text[]'), 'base'],
          [b.value(lists.route, 'int[]'), 'route'],
        ]),
    },
    {
      name: 'rp',
      sql: () =>
        d.unnestLists([
          [b.value(lists.rpRoute, 'int[]'), 'route'],
          [b.value(lists.rpPassage, 'text[]'), 'passage'],
        ]),
    },
    {
      name: 'c',
      materialize: 'materialized',
      sql: (ref) => `
      SELECT i, k, fv, ${d.cast('coalesce(route, -1)', 'int')} AS route,
             CASE WHEN coalesce(base, 'no_port') = 'land' THEN 'land'
                  ${air.length ? `WHEN ${air.join(' OR ')} THEN 'air_product'` : ''}
                  WHEN coalesce(fq, 0) > 0 AND 1000 * fv / coalesce(fq, 1) > ${b.float(Number(q.freight.airValuePerTonneUsd))} THEN 'air_value'
                  WHEN coalesce(base, 'no_port') = 'no_port' THEN 'no_port'
                  WHEN coalesce(fq, 0) > 0 THEN 'sea'
                  ELSE 'sea_quantity_unknown' END AS rule
        FROM (SELECT i, k, sum(v) AS fv, CASE WHEN count(q) = count(*) THEN sum(q) END AS fq
                FROM ${q.source}
               WHERE t = ${b.int(q.year)} AND ${b.inList('j', q.reporterCodes, 'int[]')}
                 AND NOT (${b.inList('i', q.reporterCodes, 'int[]')}) ${hs}
               GROUP BY i, k) flows
        ${d.leftJoin} ${ref('partners')} USING (i)
       WHERE fv > 0`,
    },
    {
      name: 'kr',
      materialize: 'materialized',
      sql: (ref) => `
      SELECT k, route, ${d.cast(seaRule, 'bool')} AS sea, sum(fv) AS kv, count(*) AS n
        FROM ${ref('c')} GROUP BY k, route, sea`,
    },
    {
      // Sums rounded to 0.001 USD before ranking: the same flows summed in another order (threads, shards) differ
      // in the last bits, and BACI repeats some flows under two codes; the code then breaks the tie.
      name: 'top_products',
      sql: (ref) =>
        `SELECT k FROM ${ref('kr')} GROUP BY k ORDER BY round(sum(kv), 6) DESC, k` +
        (q.productsWithPassages === undefined ? '' : ` LIMIT ${rowCount(q.productsWithPassages)}`),
    },
    {
      name: 'top_route',
      sql: (ref) =>
        d.limitPerGroup(
          `SELECT route, i, k, fv, rule FROM ${ref('c')} WHERE ${seaRule} AND route >= 0`,
          'route',
          'fv DESC, k, i',
          keep,
        ),
    },
  ];
  const sql = d.withSteps(
    steps,
    (ref) => `
    SELECT * FROM (
      ${out('partner_rule', 'i', d.nullOf('text'), 'rule', 'sum(fv)', d.nullOf('double'), 'count(*)')}
        FROM ${ref('c')} GROUP BY i, rule
      UNION ALL
      ${out('product', d.nullOf('int'), 'k', d.nullOf('text'), 'sum(kv)', `coalesce(${d.sumIf('kv', 'sea')}, 0)`, 'sum(n)')}
        FROM ${ref('kr')} GROUP BY k
      UNION ALL
      ${out('product_passage', d.nullOf('int'), 'k', 'passage', 'sum(kv)', d.nullOf('double'), 'sum(n)')}
        FROM (SELECT k, route, kv, n FROM ${ref('kr')} WHERE sea${
          q.productsWithPassages === undefined ? '' : ` AND k IN (SELECT k FROM ${ref('top_products')})`
        }) sea_products
        ${d.innerJoinAll} ${ref('rp')} USING (route)
       GROUP BY k, passage
      UNION ALL
      ${d.limitPerGroup(
        `${out('top_flow', 'i', 'k', `concat(passage, '|', rule)`, 'fv', d.nullOf('double'), '1')}
          FROM ${ref('top_route')} ${d.innerJoinAll} ${ref('rp')} USING (route)`,
        'passage',
        'fv DESC, k, i',
        keep,
      )}
    ) exposure_rows
    ORDER BY kind, pi, pk, label`,
  );
  const rows = await store.select<Row>(b.done(sql));
  const partnerName = (i: number) => q.partnerOf.get(i) ?? `BACI:${i}`;
  const agg: ExposureAggregates = { partnerRules: [], products: [], productPassages: [], topFlows: [] };
  for (const r of rows) {
    if (r.kind === 'partner_rule') {
      agg.partnerRules.push({
        partner: partnerName(r.pi!),
        rule: r.label as FreightRule,
        valueKusd: r.value,
        flows: Number(r.flows),
      });
    } else if (r.kind === 'product') {
      agg.products.push({ product: r.pk!, valueKusd: r.value, seaValueKusd: r.sea_value ?? 0 });
    } else if (r.kind === 'product_passage') {
      agg.productPassages.push({ product: r.pk!, passage: r.label!, valueKusd: r.value });
    } else {
      const [passage, rule] = r.label!.split('|');
      agg.topFlows.push({
        passage,
        partner: partnerName(r.pi!),
        product: r.pk!,
        valueKusd: r.value,
        rule: rule as FreightRule,
      });
    }
  }
  return agg;
}
