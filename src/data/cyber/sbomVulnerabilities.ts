import { ChokepointError } from '../../errors.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import type { StateDb } from '../state/db.ts';
import { applyVex, type VexStatement } from '../../analysis/cyber/vex.ts';
import type { MatchResult } from '../../analysis/cyber/osvIndex.ts';
import { loadOsvIndex, osvDatasetId } from './osvDatabase.ts';
import { kevDatasetId, loadKev } from './kevCatalog.ts';
import { getSbom, sbomComponents, sbomVex, type SbomSummary } from './sbomStore.ts';

/**
 * The vulnerabilities of a stored SBOM: its components matched against the imported OSV database with
 * ecosystem-correct ranges, each flagged when one of its ids or aliases is in the imported KEV catalog, VEX
 * statements applied (suppressed rows are kept with `suppressed: true`).
 */
export interface SbomVulnerability {
  component: string;
  purl: string;
  version: string;
  vulnId: string;
  aliases: string[];
  summary: string;
  severity: string | null;
  kev: boolean;
  kevDateAdded: string | null;
  knownRansomwareCampaignUse: string | null;
  fixedIn: string[];
  ecosystem: string;
  suppressed: boolean;
  vex: VexStatement | null;
}

export interface SbomVulnerabilityReport {
  sbom: SbomSummary;
  vulnerabilities: SbomVulnerability[];
  withdrawn: { component: string; vulnId: string; withdrawn: string }[];
  unchecked: MatchResult['unchecked'];
  unevaluated: MatchResult['unevaluated'];
  componentsChecked: number;
  osv: { dataset: string; version: string; records: number };
  kev: { dataset: string; version: string } | null;
}

export async function sbomVulnerabilities(options: {
  db: StateDb;
  dataDir: DataDir;
  catalog: Catalog;
  sbomId: string;
  osvDataset?: string;
  kevDataset?: string;
}): Promise<SbomVulnerabilityReport> {
  const { db, dataDir, catalog, sbomId } = options;
  const sbom = await getSbom(db, sbomId);
  if (!sbom) throw new ChokepointError('not_found', `no SBOM ${sbomId}`, { field: 'sbom' });
  const osvEntry = catalog.find(options.osvDataset ?? osvDatasetId);
  if (!osvEntry)
    throw new ChokepointError(
      'no_data',
      'no OSV database is imported: run `chokepoint osv import DIR_OR_ZIP` first',
      {
        field: 'osv',
      },
    );
  const index = await loadOsvIndex(dataDir, osvEntry);
  const kevEntry = catalog.find(options.kevDataset ?? kevDatasetId);
  const kev = kevEntry ? loadKev(dataDir, kevEntry) : new Map();
  const result = index.match(await sbomComponents(db, sbomId));
  const withVex = applyVex(result.matches, await sbomVex(db, sbomId));
  const vulnerabilities = withVex.map((m) => {
    const hit = [m.vulnId, ...m.aliases].map((id) => kev.get(id)).find((x) => x !== undefined);
    return {
      component: m.component,
      purl: m.purl,
      version: m.version,
      vulnId: m.vulnId,
      aliases: m.aliases,
      summary: m.summary,
      severity: m.severity,
      kev: hit !== undefined,
      kevDateAdded: hit?.dateAdded ?? null,
      knownRansomwareCampaignUse: hit?.knownRansomwareCampaignUse ?? null,
      fixedIn: m.fixedIn,
      ecosystem: m.ecosystem,
      suppressed: m.suppressed,
      vex: m.vex,
    };
  });
  return {
    sbom,
    vulnerabilities,
    withdrawn: result.withdrawn.map((m) => ({
      component: m.component,
      vulnId: m.vulnId,
      withdrawn: m.withdrawn!,
    })),
    unchecked: result.unchecked,
    unevaluated: result.unevaluated,
    componentsChecked: result.componentsChecked,
    osv: { dataset: osvEntry.id, version: osvEntry.version, records: osvEntry.rows },
    kev: kevEntry ? { dataset: kevEntry.id, version: kevEntry.version } : null,
  };
}
