import fs from 'node:fs';
import path from 'node:path';
import { ChokepointError } from '../../errors.ts';
import type { Catalog, CatalogEntry } from '../catalog/catalog.ts';
import { ownershipGraphOf, type OwnershipGraph } from '../../analysis/ownership/ownershipGraph.ts';
import type { OwnershipDocument, OwnershipEntity, OwnershipLink } from './ownershipDocument.ts';
import { ownershipDatasetId, ownershipFileName } from './ownershipImport.ts';

/** An imported ownership dataset read back: its document, the typed-array graph and a lookup by id or identifier. */
export interface LoadedOwnership {
  entry: CatalogEntry;
  doc: OwnershipDocument;
  graph: OwnershipGraph;
  /** Per graph link (owners-of order), the link of the document it came from. */
  linkOf: OwnershipLink[];
  indexOf: Map<string, number>;
  find(ref: string): number | undefined;
}

let cached: { file: string; loaded: LoadedOwnership } | undefined;

export function loadOwnership(catalog: Catalog, datasetId = ownershipDatasetId): LoadedOwnership {
  const entry = catalog.find(datasetId);
  if (!entry || entry.extra?.format === undefined)
    throw new ChokepointError(
      'no_data',
      `no ownership dataset "${datasetId}": import one (chokepoint ownership import FILE --format bods|gleif|csv)`,
      { field: 'dataset' },
    );
  const file = path.join(catalog.dataDir.datasetDir(entry), ownershipFileName);
  if (cached?.file === file) return cached.loaded;
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as OwnershipDocument;
  const indexOf = new Map(doc.entities.map((e, i) => [e.id, i]));
  const byIdentifier = new Map<string, number>();
  doc.entities.forEach((e: OwnershipEntity, i) => {
    for (const id of e.identifiers) {
      byIdentifier.set(id.toUpperCase(), i);
      byIdentifier.set(id.slice(id.indexOf(':') + 1).toUpperCase(), i);
    }
  });
  const rows = doc.links.map((l) => ({
    owner: indexOf.get(l.ownerId)!,
    owned: indexOf.get(l.ownedId)!,
    share: l.share ?? Number.NaN,
  }));
  const graph = ownershipGraphOf(doc.entities.length, rows);
  // The graph orders links by owned entity, stably: replay that order to map each graph link to its source.
  const order = rows.map((_, i) => i).sort((a, b) => rows[a].owned - rows[b].owned || a - b);
  const linkOf = order.map((i) => doc.links[i]);
  const loaded: LoadedOwnership = {
    entry,
    doc,
    graph,
    linkOf,
    indexOf,
    find: (ref) => indexOf.get(ref) ?? byIdentifier.get(ref.trim().toUpperCase()),
  };
  cached = { file, loaded };
  return loaded;
}
