import { provenanceOf, type Provenance } from '../catalog/catalog.ts';
import type { Row } from '../analytics/store.ts';
import { countryByBaciCode } from '../reference/countries.ts';
import type { ScreenServices } from '../screening/screen.ts';
import { codeList, hsList, resolveParty, tradeScope, type Party } from './tradeScope.ts';
import { passThrough, type PassThrough } from '../../analysis/risks/passThrough.ts';
import { ChokepointError } from '../../errors.ts';

/**
 * Leakage through firms of like-minded countries, as far as trade shows it (src/analysis/risks/passThrough.ts): for
 * each product, the reporter's exports to the partners of a group (default LIKE_MINDED) and the share of those that
 * would reach the countries of concern if each partner passed the product on in proportion to its own exports.
 */
export interface LeakageRequest {
  dataset?: string;
  reporter: string;
  /** The partners sold to (default LIKE_MINDED). */
  via?: string;
  /** The destination of concern (default CONCERN). */
  concern?: string;
  year: number;
  hs: string[];
}

export interface LeakageItem extends PassThrough {
  hs6: string;
}

export interface LeakageReport {
  reporter: Party;
  via: Party;
  concern: Party;
  year: number;
  items: LeakageItem[];
  provenance: Provenance;
}

interface FlowRow extends Row {
  k: string;
  i: number;
  j: number;
  v: number;
}

export async function leakageReport(
  services: ScreenServices,
  request: LeakageRequest,
): Promise<LeakageReport> {
  if (!request.hs.length)
    throw new ChokepointError('bad_input', 'name at least one HS code', { field: 'hs' });
  for (const [n, code] of request.hs.entries()) {
    if (!/^\d{6}$/.test(code))
      throw new ChokepointError('unknown_code', `HS code "${code}" is not six digits`, { field: `hs[${n}]` });
  }
  const scope = tradeScope(services, request.year, request.dataset);
  const reporter = await resolveParty(services, request.reporter, 'reporter');
  const via = await resolveParty(services, request.via ?? 'LIKE_MINDED', 'via');
  const concern = await resolveParty(services, request.concern ?? 'CONCERN', 'concern');
  const reporterSet = new Set(reporter.members);
  const partners = via.codes.filter((c) => !reporter.codes.includes(c));
  // Every flow of the products leaving the reporter or the partners.
  const rows = await services.analytics.query<FlowRow>(
    `SELECT k, i, j, sum(v) AS v FROM ${scope.source}
     WHERE t = $1 AND k IN (${hsList(request.hs)}) AND i IN (${codeList([...reporter.codes, ...partners])})
     GROUP BY k, i, j HAVING sum(v) > 0`,
    [scope.year],
  );
  const iso = (code: number) => countryByBaciCode(code)?.iso3 ?? String(code);
  const viaSet = new Set(via.members.filter((m) => !reporterSet.has(m)));
  const concernSet = new Set(concern.members.filter((m) => !reporterSet.has(m)));
  const items = request.hs.map((hs6): LeakageItem => {
    const byPartner = new Map<
      string,
      { fromReporter: number; partnerExports: number; partnerExportsToConcern: number }
    >();
    const slot = (p: string) =>
      byPartner.get(p) ??
      byPartner.set(p, { fromReporter: 0, partnerExports: 0, partnerExportsToConcern: 0 }).get(p)!;
    for (const r of rows) {
      if (r.k !== hs6) continue;
      const [from, to] = [iso(r.i), iso(r.j)];
      const usd = r.v * 1000;
      if (reporterSet.has(from) && viaSet.has(to)) slot(to).fromReporter += usd;
      if (viaSet.has(from)) {
        slot(from).partnerExports += usd;
        if (concernSet.has(to)) slot(from).partnerExportsToConcern += usd;
      }
    }
    const partnersOf = [...byPartner]
      .filter(([, p]) => p.fromReporter > 0)
      .map(([partner, p]) => ({ partner, ...p }));
    return { hs6, ...passThrough(partnersOf) };
  });
  return {
    reporter,
    via: { ...via, members: [...viaSet] },
    concern: { ...concern, members: [...concernSet] },
    year: scope.year,
    items,
    provenance: provenanceOf(scope.entry),
  };
}
