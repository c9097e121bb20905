/**
 * VEX statements (Vulnerability Exploitability eXchange; CISA "Minimum Requirements for VEX", 2023: status
 * not_affected / affected / fixed / under_investigation, a justification required for not_affected) applied to
 * vulnerability matches. CycloneDX carries them as `vulnerabilities[].analysis.state`
 * (CycloneDX 1.4–1.6 "impactAnalysisState"), mapped to the CISA statuses as the CycloneDX VEX guide does:
 * not_affected and false_positive → not_affected; resolved and resolved_with_pedigree → fixed; exploitable →
 * affected; in_triage → under_investigation.
 *
 * A match is suppressed when a statement for the same vulnerability (its id or any alias) and the same component
 * (bom-ref, or purl) says not_affected or fixed; other statuses are attached to it. Suppressed matches are
 * returned too, with the statement, so nothing disappears unexplained.
 */
export type VexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';

export interface VexStatement {
  vulnId: string;
  /** The component: its bom-ref in the SBOM, or a purl (without qualifiers compared as written). */
  ref: string | null;
  purl: string | null;
  status: VexStatus;
  justification: string | null;
  detail: string | null;
}

const cyclonedxStates: Record<string, VexStatus> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
};

/** The CISA status of a CycloneDX analysis state; undefined for a state CycloneDX does not define. */
export function vexStatusOfCycloneDx(state: string): VexStatus | undefined {
  return cyclonedxStates[state];
}

export interface VexApplicable {
  ref: string;
  purl: string;
  vulnId: string;
  aliases: string[];
}

export type WithVex<T> = T & { vex: VexStatement | null; suppressed: boolean };

/** Purl without qualifiers and subpath, for comparing a statement's purl with a component's. */
const purlCore = (p: string) => p.split('#')[0].split('?')[0];

export function applyVex<T extends VexApplicable>(
  matches: readonly T[],
  statements: readonly VexStatement[],
): WithVex<T>[] {
  const byVuln = new Map<string, VexStatement[]>();
  for (const s of statements) {
    const list = byVuln.get(s.vulnId) ?? [];
    list.push(s);
    byVuln.set(s.vulnId, list);
  }
  return matches.map((m) => {
    const candidates = [m.vulnId, ...m.aliases].flatMap((id) => byVuln.get(id) ?? []);
    const statement =
      candidates.find((s) => s.ref !== null && s.ref === m.ref) ??
      candidates.find((s) => s.purl !== null && purlCore(s.purl) === purlCore(m.purl)) ??
      null;
    return {
      ...m,
      vex: statement,
      suppressed: statement !== null && (statement.status === 'not_affected' || statement.status === 'fixed'),
    };
  });
}
