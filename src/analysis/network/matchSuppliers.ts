import { PartyIndex } from '../partyMatch/partyIndex.ts';
import { prepareParty } from '../partyMatch/party.ts';
import type { ExplanationItem } from '../partyMatch/scoreParty.ts';

/**
 * Supplier lines of a new submission matched to the supplier entities already known (docs/network.md § Supplier
 * entities), with the export-control party matcher (src/analysis/partyMatch: yente logic-v2 scores, country
 * disagreement −0.2). An entity is a legal supplier in one country:
 *   score ≥ autoMerge and same country   → the line joins the entity at once;
 *   propose ≤ score < autoMerge           → the line gets its own new entity and a proposal to merge it into the
 *                                           best candidate, which a person confirms or rejects;
 *   otherwise                              → a new entity.
 * Lines of the same submission with the same name (spacing, case, legal form aside) and country share one entity.
 */
export const autoMergeScore = 0.9;
export const proposeScore = 0.7;

export interface KnownEntity {
  id: string;
  name: string;
  country: string;
}

export interface IncomingSupplier {
  ref: string;
  name: string;
  country: string;
}

export interface SupplierMatch {
  ref: string;
  /** An existing entity the line joins, or null: a new entity keyed by `newKey`. */
  entity: string | null;
  newKey: string;
  score: number | null;
  proposal: { entity: string; score: number; explanation: ExplanationItem[] } | null;
}

export function matchSuppliers(
  known: readonly KnownEntity[],
  incoming: readonly IncomingSupplier[],
): SupplierMatch[] {
  const index = new PartyIndex(known.map((k) => ({ id: k.id, names: [k.name], countries: [k.country] })));
  const countryOf = new Map(known.map((k) => [k.id, k.country]));
  const decided = new Map<string, SupplierMatch>();
  return incoming.map((line) => {
    const prepared = prepareParty({ id: line.ref, names: [line.name], countries: [line.country] });
    const newKey = `${[...prepared.joinedNames].sort().join('|') || line.name}\u0000${line.country}`;
    const same = decided.get(newKey);
    if (same) return { ...same, ref: line.ref };
    const [best] = index.size ? index.screen(prepared, { threshold: proposeScore, limit: 1 }) : [];
    const match: SupplierMatch =
      best && best.score >= autoMergeScore && countryOf.get(best.entryId) === line.country
        ? { ref: line.ref, entity: best.entryId, newKey, score: best.score, proposal: null }
        : {
            ref: line.ref,
            entity: null,
            newKey,
            score: best?.score ?? null,
            proposal: best
              ? { entity: best.entryId, score: best.score, explanation: best.explanation }
              : null,
          };
    decided.set(newKey, match);
    return match;
  });
}
