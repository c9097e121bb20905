import { ChokepointError } from '../../errors.ts';
import { resolveUltimateOwners, ownersOf } from '../../analysis/ownership/ultimateOwners.ts';
import { ownershipPaths } from '../../analysis/ownership/ownershipPaths.ts';
import type { EntityKind, OwnershipEntity } from './ownershipDocument.ts';
import type { LoadedOwnership } from './ownershipGraphStore.ts';

/**
 * The ultimate owners of one entity with their effective shares and paths, the cycles met, and flags on every
 * entity of the chain: state (a state or state body), state-controlled (its own ultimate owners include a state
 * holding at least half, or controlling it through a link without a share), in a country of concern, and hits on
 * the screening lists (the export-control party matcher, passed in as `screen`).
 */
export interface ChainEntity {
  id: string;
  name: string;
  country: string | null;
  kind: EntityKind;
  flags: {
    state: boolean;
    stateControlled: boolean;
    countryOfConcern: boolean;
    listHits: { list: string; entryId: string; name: string; score: number }[];
  };
}

export interface OwnersReport {
  entity: ChainEntity;
  owners: {
    id: string;
    name: string;
    country: string | null;
    kind: EntityKind;
    /** Effective share 0–1 (sum over paths of the product of known shares). */
    effectiveShare: number;
    /** The same with links of control without a share counted as 1 (ultimateOwners.ts). */
    attributedShare: number;
    /** A path passes through a link of control without a known share. */
    viaControl: boolean;
    paths: { ids: string[]; shares: (number | null)[]; product: number | null }[];
  }[];
  /** Every entity of the chain (the entity and all its direct and indirect owners) with its flags. */
  chain: ChainEntity[];
  /** Direct links among the chain's entities, for drawing. */
  links: { ownerId: string; ownedId: string; share: number | null; interest: string; source: string }[];
  cycles: { ids: string[]; closed: boolean; converged: boolean }[];
  pathsTruncated: boolean;
  /** True when the chain was screened against the lists (lists are present). */
  screened: boolean;
}

export interface OwnersOptions {
  /** ISO3 codes of the countries of concern. */
  concern: ReadonlySet<string>;
  /** Screens one entity against the lists; absent when no list is present. */
  screen?: (entity: OwnershipEntity) => ChainEntity['flags']['listHits'];
  maxPaths?: number;
}

const stateKinds = new Set<EntityKind>(['state', 'stateBody']);

export function ownersReport(loaded: LoadedOwnership, ref: string, options: OwnersOptions): OwnersReport {
  const target = loaded.find(ref);
  if (target === undefined)
    throw new ChokepointError('not_found', `no entity "${ref}" in ownership dataset "${loaded.entry.id}"`, {
      field: 'entity',
    });
  const { graph, doc } = loaded;
  const result = resolveUltimateOwners(graph, [target]);
  const paths = ownershipPaths(graph, target, options.maxPaths ?? 500);
  const chainIdx: number[] = [];
  for (let i = 0; i < graph.entityCount; i++) if (result.resolved[i]) chainIdx.push(i);
  const chainSet = new Set(chainIdx);
  const flagsOf = (i: number): ChainEntity => {
    const e = doc.entities[i];
    const stateOwners = ownersOf(result, i).filter((o) => stateKinds.has(doc.entities[o.owner].kind));
    return {
      id: e.id,
      name: e.name,
      country: e.country,
      kind: e.kind,
      flags: {
        state: stateKinds.has(e.kind),
        stateControlled: stateOwners.some((o) => o.attributed >= 0.5),
        countryOfConcern: e.country !== null && options.concern.has(e.country),
        listHits: options.screen ? options.screen(e) : [],
      },
    };
  };
  const chain = chainIdx.map(flagsOf);
  const links: OwnersReport['links'] = [];
  for (const t of chainIdx) {
    for (let k = graph.ownersStart[t]; k < graph.ownersStart[t + 1]; k++) {
      if (!chainSet.has(graph.ownerIndex[k])) continue;
      const l = loaded.linkOf[k];
      links.push({
        ownerId: l.ownerId,
        ownedId: l.ownedId,
        share: l.share,
        interest: l.interest,
        source: l.source,
      });
    }
  }
  const finite = (x: number) => (Number.isNaN(x) ? null : x);
  return {
    entity: chain[chainIdx.indexOf(target)],
    owners: ownersOf(result, target).map((o) => {
      const e = doc.entities[o.owner];
      return {
        id: e.id,
        name: e.name,
        country: e.country,
        kind: e.kind,
        effectiveShare: o.share,
        attributedShare: o.attributed,
        viaControl: o.viaControl,
        paths: paths.paths
          .filter((p) => p.entities.at(-1) === o.owner)
          .map((p) => ({
            ids: p.entities.map((x) => doc.entities[x].id),
            shares: p.shares.map(finite),
            product: finite(p.product),
          })),
      };
    }),
    chain,
    links,
    cycles: result.cycles.map((c) => ({
      ids: c.members.map((x) => doc.entities[x].id),
      closed: c.closed,
      converged: c.converged,
    })),
    pathsTruncated: paths.truncated,
    screened: options.screen !== undefined,
  };
}
