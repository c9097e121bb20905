import { countryByBaciCode, countryByIso3, countryName } from '../reference/countries.ts';
import { resolveScreen, type ScreenProvenance, type ScreenServices } from './screen.ts';
import type { Row } from '../analytics/store.ts';
import { SqlBuilder } from '../analytics/sqlBuilder.ts';
import type { BoundSql } from '../analytics/boundSql.ts';
import type { SqlStep } from '../analytics/dialect.ts';
import { ChokepointError } from '../../errors.ts';

/**
 * What one partner supplies a reporter (API /api/countries/:iso3/supplies, the web's country view): every HS6
 * the reporter imports from the partner in a year, with the partner's value and share of the reporter's imports
 * of it, the partner's rank among the suppliers, and the top supplier; plus the partner's share of the
 * reporter's imports of all screened products (every HS6 the reporter imports in the dataset).
 *
 *   share_k = M[r, k, X] / Σ_p M[r, k, p]        totalShare = Σ_k M[r, k, X] / Σ_k Σ_p M[r, k, p]
 *
 * For a group reporter (EU27 …) flows between its members are not imports (PRODUCT.md §3.2), so a member of the
 * group cannot be its partner.
 */
export interface PartnerSupply {
  hs6: string;
  labelEn: string;
  labelJa: string;
  /** The reporter's imports of the product from the partner (USD). */
  valueUsd: number;
  /** The reporter's imports of the product from everyone (USD). */
  importValueUsd: number;
  share: number;
  /** 1 = the partner is the top supplier (ties broken by BACI code, as in the screen). */
  rank: number;
  suppliers: number;
  topSupplier: string;
  topShare: number;
  majority: boolean;
  critical: string[];
}

export interface CountrySupplies {
  partner: { iso3: string; en: string; ja: string };
  reporter: string;
  reporterMembers: string[];
  year: number;
  /** Products the reporter imports in the year (from anyone). */
  screened: number;
  /** The reporter's imports of all screened products (USD) and the part from the partner. */
  totalImportUsd: number;
  fromPartnerUsd: number;
  totalShare: number;
  /** Products where the partner is the top supplier, and where it supplies more than the majority threshold. */
  topSupplierCount: number;
  majorityCount: number;
  majorityThreshold: number;
  /** Products supplied by the partner, largest value first. */
  items: PartnerSupply[];
  provenance: ScreenProvenance;
}

export interface CountrySuppliesRequest {
  partner: string;
  reporter: string;
  year: number;
  dataset?: string;
}

interface SupplyRow extends Row {
  hs6: string;
  total: number;
  partner_v: number;
  /** Suppliers ranked before the partner (larger value, or equal value and smaller code). */
  ahead: number;
  suppliers: number;
  top_code: number;
  top_v: number;
}

/**
 * The query over the trade store (t, i exporter, j importer, k HS6, v thousand USD), built once for both engines:
 * one row per product the reporter imports in the year, largest partner value first. The partner's codes count as
 * one supplier (its first code), like one ISO3. No window functions (ClickHouse 18.16 has none): the top supplier
 * and the partner's rank come from joins of each product's suppliers with its largest value and the partner's.
 */
export function countrySuppliesSql(
  b: SqlBuilder,
  source: string,
  year: number,
  members: readonly number[],
  partnerCodes: readonly number[],
): BoundSql {
  if (!members.length || !partnerCodes.length)
    throw new Error('countrySuppliesSql needs reporter members and partner codes');
  const d = b.dialect;
  const partner = b.int(partnerCodes[0]);
  const steps: SqlStep[] = [
    {
      // Two levels: the level reading the (Distributed) table only tests membership; a parameter in its SELECT
      // list breaks ClickHouse 18.16's rewrite for the shards ("Not found column … in block").
      name: 'imp',
      materialize: 'materialized',
      sql: () => `
      SELECT k, supplier, sum(${d.toBigint('v * 1000')}) AS sv
        FROM (SELECT k, v, ${d.cast(`CASE WHEN from_partner THEN ${partner} ELSE i END`, 'int')} AS supplier
                FROM (SELECT k, i, v, ${b.inList('i', partnerCodes, 'int[]')} AS from_partner
                        FROM ${source}
                       WHERE t = ${b.int(year)} AND ${b.inList('j', members, 'int[]')}
                         AND NOT (${b.inList('i', members, 'int[]')})) flows) by_supplier
       GROUP BY k, supplier HAVING sum(${d.toBigint('v * 1000')}) > 0`,
    },
    { name: 'tops', sql: (ref) => `SELECT k, max(sv) AS largest FROM ${ref('imp')} GROUP BY k` },
    {
      name: 'partner_values',
      sql: (ref) => `SELECT k, sv AS partner_sv FROM ${ref('imp')} WHERE supplier = ${partner}`,
    },
  ];
  // One join per level (ClickHouse 18.16); a product without the partner gets partner value 0. Values are summed
  // as whole dollars (BACI's thousands carry three decimals): ClickHouse computes `imp` once per reader, and float
  // sums gathered from the shards in another order can differ in the last bit, so `sv = largest` would miss.
  return b.done(
    d.withSteps(
      steps,
      (ref) => `
    SELECT k AS hs6, sum(sv) / 1000.0 AS total, max(coalesce(partner_sv, 0)) / 1000.0 AS partner_v,
           ${d.countIf(`sv > coalesce(partner_sv, 0) OR (sv = coalesce(partner_sv, 0) AND supplier < ${partner})`)} AS ahead,
           count(*) AS suppliers, min(CASE WHEN sv = largest THEN supplier END) AS top_code, max(largest) / 1000.0 AS top_v
      FROM (SELECT * FROM (SELECT * FROM ${ref('imp')} ${d.leftJoin} ${ref('tops')} USING (k)) with_top
              ${d.leftJoin} ${ref('partner_values')} USING (k)) with_partner
     GROUP BY k
     ORDER BY partner_v DESC, k`,
    ),
  );
}

export async function countrySupplies(
  services: ScreenServices,
  request: CountrySuppliesRequest,
): Promise<CountrySupplies> {
  const partnerCountry = countryByIso3(request.partner.trim().toUpperCase());
  if (!partnerCountry || partnerCountry.baciCodes.length === 0) {
    throw new ChokepointError(
      'unknown_code',
      `"${request.partner}" is not the ISO3 code of a country with trade data (e.g. CHN)`,
      {
        field: 'iso3',
      },
    );
  }
  // Resolves the dataset, the year, the reporter (country or group) and the critical goods registry.
  const resolved = await resolveScreen(services, {
    reporter: request.reporter,
    year: request.year,
    dataset: request.dataset,
  });
  if (resolved.reporterMembers.includes(partnerCountry.iso3)) {
    throw new ChokepointError(
      'bad_input',
      resolved.reporter !== partnerCountry.iso3
        ? `${partnerCountry.iso3} is a member of ${resolved.reporter}: flows inside the group are not imports`
        : `the partner must differ from the reporter (${resolved.reporter})`,
      { field: 'iso3' },
    );
  }
  const members = (resolved.input.reporters as { members: number[] }[])[0].members;
  const all = await services.analytics.select<SupplyRow>(
    countrySuppliesSql(
      new SqlBuilder(services.analytics.dialect),
      resolved.input.source,
      request.year,
      members,
      partnerCountry.baciCodes,
    ),
  );
  const rows = all.filter((r) => r.partner_v > 0);
  const majorityThreshold = resolved.provenance.thresholds.majority?.share ?? 0.5;
  const items: PartnerSupply[] = rows.map((r) => {
    const label = services.labels?.label(r.hs6, resolved.entry.hs);
    const share = r.partner_v / r.total;
    return {
      hs6: r.hs6,
      labelEn: label?.en ?? '',
      labelJa: label?.ja ?? '',
      valueUsd: r.partner_v * 1000,
      importValueUsd: r.total * 1000,
      share,
      rank: Number(r.ahead) + 1,
      suppliers: Number(r.suppliers),
      topSupplier: countryByBaciCode(r.top_code)?.iso3 ?? String(r.top_code),
      topShare: r.top_v / r.total,
      majority: share > majorityThreshold,
      critical: resolved.critical?.get(r.hs6) ?? [],
    };
  });
  // Totals over every product the reporter imports (from anyone), in the engine's order of products.
  const totals = { all: all.reduce((sum, r) => sum + r.total, 0), screened: all.length };
  const fromPartner = rows.reduce((sum, r) => sum + r.partner_v, 0);
  return {
    partner: {
      iso3: partnerCountry.iso3,
      en: countryName(partnerCountry, 'en'),
      ja: countryName(partnerCountry, 'ja'),
    },
    reporter: resolved.reporter,
    reporterMembers: resolved.reporterMembers,
    year: request.year,
    screened: totals.screened,
    totalImportUsd: totals.all * 1000,
    fromPartnerUsd: fromPartner * 1000,
    totalShare: totals.all > 0 ? fromPartner / totals.all : 0,
    topSupplierCount: items.filter((i) => i.rank === 1).length,
    majorityCount: items.filter((i) => i.majority).length,
    majorityThreshold,
    items,
    provenance: { ...resolved.provenance, method: 'partner supplies', partner: partnerCountry.iso3 },
  };
}
