import type { Catalog } from '../catalog/catalog.ts';
import type { StateDb } from '../state/db.ts';
import { assessFdi, type FdiAssessment, type RuleStep } from '../../analysis/investment/feftaAssessment.ts';
import type { FeftaRules } from '../../analysis/investment/feftaRules.ts';
import { ownersOfEntity } from '../ownership/ownersService.ts';
import type { OwnersReport } from '../ownership/ownersReport.ts';
import type { FdiCaseInput } from './caseSchema.ts';
import type { FdiCase } from '../../analysis/investment/feftaAssessment.ts';

/**
 * `fdi assess`: the FEFTA rule path for a case, with the investor's ownership chain when the case names its
 * entity in an ownership dataset. The chain can only make the verdict stricter: a state or state-controlled owner
 * makes the investor state-owned (no 一般免除), foreign ultimate owners' effective share raises the foreign voting
 * share of a domestic investor; countries of concern and screening-list hits anywhere in the chain are added to
 * the reasons for the reviewer (FEFTA itself names no countries).
 */
export interface OwnershipSummary {
  dataset: string;
  entity: string;
  owners: {
    id: string;
    name: string;
    country: string | null;
    effectiveShare: number;
    attributedShare: number;
  }[];
  stateControlled: boolean;
  foreignShare: number;
  concern: { id: string; name: string; country: string | null }[];
  listHits: { id: string; name: string; hits: OwnersReport['chain'][number]['flags']['listHits'] }[];
  screened: boolean;
  cycles: number;
}

export type FdiAssessmentReport = FdiAssessment & { rules: string; ownership: OwnershipSummary | null };

export async function assessCase(
  catalog: Catalog,
  db: StateDb | undefined,
  rules: FeftaRules,
  input: FdiCaseInput & FdiCase,
): Promise<FdiAssessmentReport> {
  const ownerSteps: RuleStep[] = [];
  let summary: OwnershipSummary | null = null;
  const investor = { ...input.investor };
  if (input.investor.ownershipEntity && db) {
    const report = await ownersOfEntity(catalog, db, input.investor.ownershipEntity, {
      dataset: input.investor.ownershipDataset,
      maxPaths: 50,
    });
    const chain = report.chain;
    const stateControlled = report.entity.flags.state || report.entity.flags.stateControlled;
    const foreignShare = report.owners
      .filter((o) => o.country !== null && o.country !== 'JPN')
      .reduce((s, o) => s + o.attributedShare, 0);
    summary = {
      dataset: report.dataset,
      entity: report.entity.id,
      owners: report.owners.map((o) => ({
        id: o.id,
        name: o.name,
        country: o.country,
        effectiveShare: o.effectiveShare,
        attributedShare: o.attributedShare,
      })),
      stateControlled,
      foreignShare,
      concern: chain
        .filter((e) => e.flags.countryOfConcern)
        .map((e) => ({ id: e.id, name: e.name, country: e.country })),
      listHits: chain
        .filter((e) => e.flags.listHits.length)
        .map((e) => ({ id: e.id, name: e.name, hits: e.flags.listHits })),
      screened: report.screened,
      cycles: report.cycles.length,
    };
    const cite = 'ownership chain (docs/investment.md)';
    if (stateControlled) {
      investor.stateOwned = true;
      ownerSteps.push({
        rule: 'owner:state-controlled',
        en: `${report.entity.name} is a state body or controlled by a state through its ownership chain: treated as state-owned`,
        ja: `${report.entity.name}は国家またはその支配下にある（国有企業等として扱う）`,
        cite,
      });
    }
    if (investor.country === 'JPN' && foreignShare > (investor.foreignVotingShare ?? 0)) {
      investor.foreignVotingShare = Math.min(1, foreignShare);
      ownerSteps.push({
        rule: 'owner:foreign-share',
        en: `foreign ultimate owners hold ${(foreignShare * 100).toFixed(2)} % (attributed) of ${report.entity.name}`,
        ja: `外国の最終的な所有者の保有比率 ${(foreignShare * 100).toFixed(2)} %`,
        cite,
      });
    }
    for (const e of summary.concern)
      ownerSteps.push({
        rule: 'owner:country-of-concern',
        en: `${e.name} (${e.country}) in the ownership chain is in a country of concern`,
        ja: `資本関係に懸念国（${e.country}）の主体 ${e.name} がある`,
        cite: 'country group CONCERN',
      });
    for (const e of summary.listHits)
      ownerSteps.push({
        rule: 'owner:list-hit',
        en: `${e.name} in the ownership chain matches ${e.hits.map((h) => `${h.list} ${h.name} (${h.score.toFixed(2)})`).join(', ')}`,
        ja: `資本関係の ${e.name} が審査リストに該当`,
        cite: 'screening lists (export control)',
      });
  }
  const verdict = assessFdi(rules, { ...input, investor });
  return {
    ...verdict,
    reasons: [...ownerSteps, ...verdict.reasons],
    rules: rules.version,
    ownership: summary,
  };
}
