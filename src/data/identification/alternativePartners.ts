import { provenanceOf, type Provenance } from '../catalog/catalog.ts';
import type { Row } from '../analytics/store.ts';
import { countryByBaciCode } from '../reference/countries.ts';
import { builtInGroups, type CountryGroup } from '../reference/groups.ts';
import { listGroups, recordGroupsUsed } from '../reference/groupStore.ts';
import type { ScreenServices } from '../screening/screen.ts';
import { codeList, resolveParty, tradeScope, type Party } from './tradeScope.ts';
import type { Direction } from './coercionReport.ts';
import { rankAlternatives, type RankedAlternative } from '../../analysis/coercion/alternatives.ts';
import { ChokepointError } from '../../errors.ts';
import { joinMarkings, publicMarking, type Marking } from '../../analysis/marking.ts';

/**
 * The alternative-market finder (analysis: src/analysis/coercion/alternatives.ts): for one product, the other
 * importers a reporter could sell to when a coercer closes its market (direction 'exports'), or the other exporters
 * it could buy from when the coercer cuts supply ('imports'), ranked by the market not yet served by the reporter,
 * with growth over `years`, the reporter's and the coercer's parts, and the partner's membership of the groups the
 * seed's partnership policy names (like-minded countries, G7, Quad, IPEF, AZEC, Group A, the Global South).
 */
export interface AlternativesRequest {
  dataset?: string;
  reporter: string;
  coercer?: string;
  year: number;
  hs6: string;
  direction: Direction;
  /** Growth over this many years (default 3, or what the dataset holds). */
  years?: number;
  minGrowth?: number;
  limit?: number;
}

/** Values in USD; `groups`: the partnership groups the partner belongs to. */
export interface AlternativePartner extends RankedAlternative {
  groups: string[];
}

export interface AlternativesReport {
  reporter: Party;
  coercer: Party;
  hs6: string;
  year: number;
  /** The earlier year growth is measured from, null when the dataset has none. */
  fromYear: number | null;
  direction: Direction;
  items: AlternativePartner[];
  /** The join of the markings of the stored partnership groups named in `groups`. */
  groupsMarking: Marking;
  provenance: Provenance;
}

interface FlowRow extends Row {
  t: number;
  i: number;
  j: number;
  v: number;
}

const partnershipGroups = ['LIKE_MINDED', 'G7', 'QUAD', 'IPEF', 'AZEC', 'GROUP_A', 'GLOBAL_SOUTH'];

export async function alternativePartners(
  services: ScreenServices,
  request: AlternativesRequest,
): Promise<AlternativesReport> {
  if (!/^\d{6}$/.test(request.hs6))
    throw new ChokepointError('unknown_code', `HS code "${request.hs6}" is not six digits`, { field: 'hs6' });
  const scope = tradeScope(services, request.year, request.dataset);
  const reporter = await resolveParty(services, request.reporter, 'reporter');
  const coercer = await resolveParty(services, request.coercer ?? 'CONCERN', 'coercer');
  const years = request.years ?? 3;
  if (!Number.isInteger(years) || years < 1 || years > 20)
    throw new ChokepointError('bad_input', 'years must be a whole number from 1 to 20', { field: 'years' });
  const earlier =
    (scope.entry.years ?? [])
      .filter((y) => y < scope.year && y >= scope.year - years)
      .sort((a, b) => a - b)[0] ?? null;
  const rows = await services.analytics.query<FlowRow>(
    `SELECT t, i, j, sum(v) AS v FROM ${scope.source} WHERE k = $1 AND t IN (${codeList(earlier === null ? [scope.year] : [scope.year, earlier])})
     GROUP BY t, i, j HAVING sum(v) > 0`,
    [request.hs6],
  );
  const iso = (code: number) => countryByBaciCode(code)?.iso3 ?? String(code);
  const reporterSet = new Set(reporter.members);
  const coercerSet = new Set(coercer.members.filter((m) => !reporterSet.has(m)));
  const exports = request.direction === 'exports';
  // Candidates: importers (exports direction) or exporters (imports), neither the reporter nor the coercer.
  const candidates = new Map<
    string,
    { value: number; earlierValue: number; withReporter: number; withCoercer: number }
  >();
  for (const r of rows) {
    const [candidate, counterpart] = exports ? [iso(r.j), iso(r.i)] : [iso(r.i), iso(r.j)];
    if (reporterSet.has(candidate) || coercerSet.has(candidate)) continue;
    const c = candidates.get(candidate) ?? { value: 0, earlierValue: 0, withReporter: 0, withCoercer: 0 };
    const usd = r.v * 1000;
    if (r.t === scope.year) {
      c.value += usd;
      if (reporterSet.has(counterpart)) c.withReporter += usd;
      if (coercerSet.has(counterpart)) c.withCoercer += usd;
    } else c.earlierValue += usd;
    candidates.set(candidate, c);
  }
  const ranked = rankAlternatives(
    [...candidates].map(([country, c]) => ({
      country,
      ...c,
      earlierValue: earlier === null ? null : c.earlierValue,
    })),
    earlier === null ? 0 : scope.year - earlier,
    { minGrowth: request.minGrowth, limit: request.limit ?? 25 },
  );
  const groups: readonly CountryGroup[] = services.state ? await listGroups(services.state) : builtInGroups;
  const named = groups.filter((g) => partnershipGroups.includes(g.id));
  recordGroupsUsed(named);
  return {
    reporter,
    coercer: { ...coercer, members: [...coercerSet] },
    hs6: request.hs6,
    year: scope.year,
    fromYear: earlier,
    direction: request.direction,
    items: ranked.map((r) => ({
      ...r,
      groups: named.filter((g) => g.members.includes(r.country)).map((g) => g.id),
    })),
    groupsMarking: joinMarkings([
      publicMarking,
      ...named.map((g) => (g as { marking?: Marking }).marking ?? publicMarking),
    ]),
    provenance: provenanceOf(scope.entry),
  };
}
