import { ChokepointError, type Place } from '../../errors.ts';
import { resolveCountry } from '../reference/countries.ts';

/**
 * What every ownership importer (BODS, GLEIF, CSV) produces: entities and the direct links between them, each
 * link naming where it was read, plus the warnings a reader should see (parents not described in the file,
 * shares held in one entity summing above 100 %, statements left out and why). Stored as the dataset's
 * ownership.json.
 */
export type OwnershipFormat = 'bods' | 'gleif' | 'csv';
export const ownershipFormats: readonly OwnershipFormat[] = ['bods', 'gleif', 'csv'];

export type EntityKind = 'person' | 'company' | 'state' | 'stateBody' | 'arrangement' | 'unknown';
export const entityKinds: readonly EntityKind[] = [
  'person',
  'company',
  'state',
  'stateBody',
  'arrangement',
  'unknown',
];

export interface OwnershipEntity {
  id: string;
  name: string;
  /** ISO3, or null when the file does not say. */
  country: string | null;
  kind: EntityKind;
  /** scheme:id pairs (LEI:…, GB-COH:…) a user may look the entity up by. */
  identifiers: string[];
  /** True when the file says the entity's shares are publicly listed. */
  listed?: boolean;
}

export interface OwnershipLink {
  ownerId: string;
  ownedId: string;
  /** Direct share 0–1 (the lower bound of a published range); null = control without a known share. */
  share: number | null;
  /** Upper bound of a published range, when it differs from `share`. */
  shareMax?: number | null;
  /** What the link is: shareholding, votingRights, boardMember, IS_DIRECTLY_CONSOLIDATED_BY, nominator … */
  interest: string;
  /** Where it was read: "file line 4" or "file /3". */
  source: string;
}

export interface OwnershipDocument {
  format: OwnershipFormat;
  files: string[];
  entities: OwnershipEntity[];
  links: OwnershipLink[];
  warnings: string[];
}

/** ISO3 of a code or name as ownership files write it (ISO2, ISO 3166-2 such as US-DE, ISO3, a name). */
export function countryOf(text: unknown, place: Place): string | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const trimmed = text.trim();
  const code = /^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$/.test(trimmed) ? trimmed.slice(0, 2) : trimmed;
  const country = resolveCountry(code);
  if (!country) throw new ChokepointError('bad_file', `unknown country "${trimmed}"`, place);
  return country.iso3;
}

/**
 * Checks that every link joins two entities of the document and that shares lie in 0–1; adds a placeholder for an
 * entity named only by a link (GLEIF parents whose LEI record is not in the import, BODS 0.2 relationship files
 * without their entity statements) and warns about it, and warns where the shares held in one entity sum above 1.
 */
export function completeDocument(doc: OwnershipDocument): OwnershipDocument {
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const warnings = [...doc.warnings];
  const entities = [...doc.entities];
  for (const link of doc.links) {
    if (link.share !== null && !(link.share >= 0 && link.share <= 1))
      throw new ChokepointError('bad_file', `share ${link.share} is not between 0 and 1 (${link.source})`, {
        file: doc.files[0],
        field: 'share',
      });
    for (const id of [link.ownerId, link.ownedId]) {
      if (!byId.has(id)) {
        const placeholder: OwnershipEntity = {
          id,
          name: id,
          country: null,
          kind: 'unknown',
          identifiers: [],
        };
        byId.set(id, placeholder);
        entities.push(placeholder);
        warnings.push(`${id} is named by a link (${link.source}) but not described in the import`);
      }
    }
  }
  const held = new Map<string, number>();
  for (const link of doc.links) held.set(link.ownedId, (held.get(link.ownedId) ?? 0) + (link.share ?? 0));
  for (const [id, total] of held) {
    if (total > 1 + 1e-9)
      warnings.push(
        `the shares held in ${byId.get(id)!.name} (${id}) sum to ${(total * 100).toFixed(1)} %, above 100 %`,
      );
  }
  return { ...doc, entities, warnings };
}
