import type { StateDb } from '../state/db.ts';
import type { Marking } from '../../analysis/marking.ts';
import { OsvIndex } from '../../analysis/cyber/osvIndex.ts';
import type { Reader } from '../security/readContext.ts';
import { componentsWithPurl } from './sbomStore.ts';

/**
 * For the early-warning system: given a (new) KEV entry's CVE, the stored SBOM components it hits and the
 * organisations (suppliers) whose SBOMs they are in. A CVE reaches a component through the OSV records that list
 * it as an alias (KEV itself names vendors and products, not packages); each record's ranges decide whether the
 * component's version is affected.
 */
export interface KevHit {
  cve: string;
  vulnId: string;
  sbomId: string;
  sbomName: string;
  organisationId: string | null;
  component: string;
  purl: string;
  version: string;
  fixedIn: string[];
  marking: Marking;
}

export async function componentsHitByCve(
  db: StateDb,
  osv: OsvIndex,
  cve: string,
  reader?: Reader,
): Promise<KevHit[]> {
  const records = osv.recordsWithAlias(cve).filter((r) => !r.withdrawn);
  if (records.length === 0) return [];
  const small = new OsvIndex(records);
  const components = await componentsWithPurl(db, reader);
  const result = small.match(components.map((c, i) => ({ ...c, ref: String(i) })));
  return result.matches.map((m) => {
    const c = components[Number(m.ref)];
    return {
      cve,
      vulnId: m.vulnId,
      sbomId: c.sbomId,
      sbomName: c.sbomName,
      organisationId: c.organisationId,
      component: c.name,
      purl: m.purl,
      version: m.version,
      fixedIn: m.fixedIn,
      marking: c.marking,
    };
  });
}
