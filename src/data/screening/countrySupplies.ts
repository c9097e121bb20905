import { countryByBaciCode, countryByIso3, countryName } from '../reference/countries.ts';
import { resolveScreen, type ScreenProvenance, type ScreenServices } from './screen.ts';
import type { Row } from '../analytics/store.ts';
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
  rank: number | null;
  suppliers: number;
  top_code: number;
  top_v: number;
  all_total: number;
  all_partner: number;
  screened: number;
}

const list = (codes: readonly number[]) => codes.map((c) => String(Math.trunc(c))).join(', ');

/**
 * The SQL over the trade store (t, i exporter, j importer, k HS6, v thousand USD), with parameters $1 the year and
 * $2 the partner's first code.
 */
export function countrySuppliesSql(
  source: string,
  members: readonly number[],
  partnerCodes: readonly number[],
): string {
  if (!members.length || !partnerCodes.length)
    throw new Error('countrySuppliesSql needs reporter members and partner codes');
  // The partner's codes count as one supplier (its first code), like one ISO3.
  const supplier = `CASE WHEN i IN (${list(partnerCodes)}) THEN CAST($2 AS INTEGER) ELSE i END`;
  return `WITH imp AS (
  SELECT k, ${supplier} AS supplier, sum(v) AS v FROM ${source}
  WHERE t = $1 AND j IN (${list(members)}) AND i NOT IN (${list(members)})
  GROUP BY ALL HAVING sum(v) > 0),
ranked AS (
  SELECT k, supplier, v, sum(v) OVER (PARTITION BY k) AS total, count(*) OVER (PARTITION BY k) AS suppliers,
    row_number() OVER (PARTITION BY k ORDER BY v DESC, supplier) AS rank
  FROM imp),
product AS (
  SELECT k, any_value(total) AS total, any_value(suppliers) AS suppliers,
    coalesce(sum(v) FILTER (WHERE supplier = CAST($2 AS INTEGER)), 0) AS partner_v,
    min(rank) FILTER (WHERE supplier = CAST($2 AS INTEGER)) AS rank,
    min(supplier) FILTER (WHERE rank = 1) AS top_code, max(v) AS top_v
  FROM ranked GROUP BY k),
totals AS (SELECT sum(total) AS all_total, sum(partner_v) AS all_partner, count(*) AS screened FROM product)
SELECT p.k AS hs6, p.total, p.partner_v, p.rank, p.suppliers, p.top_code, p.top_v, t.all_total, t.all_partner, t.screened
FROM product p CROSS JOIN totals t
WHERE p.partner_v > 0
ORDER BY p.partner_v DESC, p.k`;
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
  const rows = await services.analytics.query<SupplyRow>(
    countrySuppliesSql(resolved.input.source, members, partnerCountry.baciCodes),
    [request.year, partnerCountry.baciCodes[0]],
  );
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
      rank: Number(r.rank),
      suppliers: Number(r.suppliers),
      topSupplier: countryByBaciCode(r.top_code)?.iso3 ?? String(r.top_code),
      topShare: r.top_v / r.total,
      majority: share > majorityThreshold,
      critical: resolved.critical?.get(r.hs6) ?? [],
    };
  });
  // With no flow from the partner there are no rows: the totals then come from one more small query.
  let totals = rows[0] ? { all: rows[0].all_total, screened: Number(rows[0].screened) } : undefined;
  if (!totals) {
    const [t] = await services.analytics.query<{ all_total: number | null; screened: number }>(
      `SELECT sum(v) AS all_total, count(DISTINCT k) AS screened FROM ${resolved.input.source}
       WHERE t = $1 AND j IN (${list(members)}) AND i NOT IN (${list(members)}) AND v > 0`,
      [request.year],
    );
    totals = { all: t?.all_total ?? 0, screened: Number(t?.screened ?? 0) };
  }
  const fromPartner = rows[0]?.all_partner ?? 0;
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
