import { isAffected, type OsvAffected, type OsvRecord } from './osv.ts';
import { osvPackageOf, parsePurl, PurlError } from './purl.ts';

/**
 * Matching an SBOM's components against OSV records: records are indexed by (ecosystem, package name) once, so
 * each component costs one map look-up plus the range checks of the few records naming its package (a 10,000
 * component SBOM against 200,000 records: bench/sbomVulns.ts). Names are compared in the ecosystem's
 * normal form (npm lower-case, PyPI per PEP 503); an ecosystem with releases (`Debian:11`) is indexed under its
 * base name, so a `deb` purl meets the records of every release (the release is reported with the match).
 */
export interface SbomComponentRef {
  ref: string;
  name: string;
  version: string | null;
  purl: string | null;
}

export interface VulnMatch {
  ref: string;
  component: string;
  purl: string;
  version: string;
  ecosystem: string;
  vulnId: string;
  aliases: string[];
  summary: string;
  severity: string | null;
  withdrawn: string | null;
  fixedIn: string[];
  how: 'version-list' | 'range';
}

export interface UnmatchedComponent {
  ref: string;
  component: string;
  reason: string;
}

export interface MatchResult {
  matches: VulnMatch[];
  /** Withdrawn records that would have matched: kept apart, never counted as vulnerabilities. */
  withdrawn: VulnMatch[];
  /** Components that could not be checked, with why (no purl, a purl OSV has no ecosystem for, no version). */
  unchecked: UnmatchedComponent[];
  /** Record × component pairs whose ranges could not be evaluated (unknown order, GIT ranges, odd versions). */
  unevaluated: { ref: string; vulnId: string; reason: string }[];
  componentsChecked: number;
}

export const normalName = (ecosystem: string, name: string): string => {
  const base = ecosystem.split(':')[0];
  if (base === 'npm' || base === 'NuGet') return name.toLowerCase();
  if (base === 'PyPI') return name.toLowerCase().replace(/[-_.]+/g, '-');
  return name;
};
const keyOf = (ecosystem: string, name: string) =>
  `${ecosystem.split(':')[0]}\u0000${normalName(ecosystem, name)}`;

export class OsvIndex {
  private readonly byPackage = new Map<string, { record: OsvRecord; affected: OsvAffected }[]>();
  private readonly byAlias = new Map<string, OsvRecord[]>();
  size = 0;

  constructor(records: Iterable<OsvRecord> = []) {
    for (const r of records) this.add(r);
  }

  add(record: OsvRecord): void {
    this.size++;
    for (const id of [record.id, ...record.aliases]) {
      const list = this.byAlias.get(id);
      if (list) list.push(record);
      else this.byAlias.set(id, [record]);
    }
    for (const affected of record.affected) {
      const key = keyOf(affected.ecosystem, affected.name);
      let list = this.byPackage.get(key);
      if (!list) this.byPackage.set(key, (list = []));
      list.push({ record, affected });
    }
  }

  /** The records whose id or aliases include `id` (a CVE, a GHSA id …). */
  recordsWithAlias(id: string): OsvRecord[] {
    return this.byAlias.get(id) ?? [];
  }

  /** Every record naming this ecosystem and package (any release). */
  recordsFor(ecosystem: string, name: string): { record: OsvRecord; affected: OsvAffected }[] {
    return this.byPackage.get(keyOf(ecosystem, name)) ?? [];
  }

  match(components: readonly SbomComponentRef[]): MatchResult {
    const result: MatchResult = {
      matches: [],
      withdrawn: [],
      unchecked: [],
      unevaluated: [],
      componentsChecked: 0,
    };
    for (const c of components) {
      if (!c.purl) {
        result.unchecked.push({ ref: c.ref, component: c.name, reason: 'no purl' });
        continue;
      }
      let pkg: { ecosystem: string; name: string } | undefined;
      let version: string | null;
      try {
        const purl = parsePurl(c.purl);
        pkg = osvPackageOf(purl);
        version = purl.version ?? c.version;
      } catch (error) {
        if (!(error instanceof PurlError)) throw error;
        result.unchecked.push({ ref: c.ref, component: c.name, reason: `bad purl: ${error.message}` });
        continue;
      }
      if (!pkg) {
        result.unchecked.push({
          ref: c.ref,
          component: c.name,
          reason: `no OSV ecosystem for ${c.purl.split('/')[0]}`,
        });
        continue;
      }
      if (!version) {
        result.unchecked.push({ ref: c.ref, component: c.name, reason: 'no version' });
        continue;
      }
      result.componentsChecked++;
      const seen = new Set<string>();
      for (const { record, affected } of this.recordsFor(pkg.ecosystem, pkg.name)) {
        if (seen.has(record.id)) continue;
        const verdict = isAffected(affected, version);
        if (!verdict.affected) {
          if (verdict.unevaluated)
            result.unevaluated.push({ ref: c.ref, vulnId: record.id, reason: verdict.unevaluated });
          continue;
        }
        seen.add(record.id);
        const match: VulnMatch = {
          ref: c.ref,
          component: c.name,
          purl: c.purl,
          version,
          ecosystem: affected.ecosystem,
          vulnId: record.id,
          aliases: record.aliases,
          summary: record.summary,
          severity: record.severity,
          withdrawn: record.withdrawn,
          fixedIn: verdict.fixedIn,
          how: verdict.how,
        };
        (record.withdrawn ? result.withdrawn : result.matches).push(match);
      }
    }
    return result;
  }
}
