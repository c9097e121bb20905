import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ChokepointError } from '../../errors.ts';
import { isObject, parseJsonText, stringAt, type JsonObject } from './jsonText.ts';
import {
  countryOf,
  type OwnershipDocument,
  type OwnershipEntity,
  type OwnershipLink,
} from './ownershipDocument.ts';

/**
 * GLEIF API responses (https://api.gleif.org/api/v1, JSON:API): level 1 `lei-records` (legal name, legal address
 * country) and level 2 `relationship-records` (start node = the child, end node = the parent); or golden-copy XML
 * files (LEI-CDF `lei:LEIRecord`, RR-CDF `rr:RelationshipRecord`). One file or several (a folder of responses,
 * as the GLEIF client test data are laid out).
 *
 * GLEIF level 2 records accounting consolidation, which implies control but states no share: every link is
 * control without a known share. IS_DIRECTLY_CONSOLIDATED_BY links enter as they are; an
 * IS_ULTIMATELY_CONSOLIDATED_BY link only when the ultimate parent is not already reached through the direct
 * links of the import (it would otherwise be a second path to the same parent), and then to the top of the child's
 * direct chain, since the ultimate parent consolidates the direct parents too; fund relationships
 * (IS_FUND-MANAGED_BY, IS_SUBFUND_OF, IS_FEEDER_TO) are control too. Inactive relationships and reporting
 * exceptions are left out and counted in the warnings.
 */
export interface GleifInput {
  name: string;
  text: string;
}

export function parseGleif(inputs: readonly GleifInput[]): OwnershipDocument {
  const entities = new Map<string, OwnershipEntity>();
  const direct: OwnershipLink[] = [];
  const ultimate: OwnershipLink[] = [];
  const warnings: string[] = [];
  let exceptions = 0;
  let inactive = 0;
  const addEntity = (lei: string, name: string, country: unknown, place: { file: string; field: string }) => {
    entities.set(lei, {
      id: lei,
      name: name.trim(),
      country: countryOf(country, place),
      kind: 'company',
      identifiers: [`LEI:${lei}`],
    });
  };
  const addRelationship = (
    child: string,
    parent: string,
    relType: string,
    status: unknown,
    source: string,
  ) => {
    if (status !== undefined && status !== 'ACTIVE') {
      inactive++;
      return;
    }
    const link: OwnershipLink = { ownerId: parent, ownedId: child, share: null, interest: relType, source };
    (relType === 'IS_ULTIMATELY_CONSOLIDATED_BY' ? ultimate : direct).push(link);
  };
  for (const input of inputs) {
    if (input.text.trimStart().startsWith('<')) {
      exceptions += readGoldenCopyXml(input, addEntity, addRelationship);
      continue;
    }
    const doc = parseJsonText(input.text, input.name);
    if (!isObject(doc) || !('data' in doc))
      throw new ChokepointError('bad_file', 'a GLEIF API response has a data member', {
        file: input.name,
        field: '/data',
      });
    const resources = Array.isArray(doc.data) ? doc.data : doc.data === null ? [] : [doc.data];
    resources.forEach((r: unknown, i: number) => {
      const pointer = Array.isArray(doc.data) ? `/data/${i}` : '/data';
      if (!isObject(r))
        throw new ChokepointError('bad_file', 'a resource is not an object', {
          file: input.name,
          field: pointer,
        });
      const type = stringAt(r, 'type', input.name, pointer);
      const attributes = isObject(r.attributes) ? r.attributes : {};
      if (type === 'lei-records') {
        const lei = stringAt(r, 'id', input.name, pointer);
        const entity = isObject(attributes.entity) ? attributes.entity : {};
        const legalName = isObject(entity.legalName) ? entity.legalName.name : undefined;
        if (typeof legalName !== 'string' || !legalName.trim())
          throw new ChokepointError('bad_file', `LEI record ${lei} has no legal name`, {
            file: input.name,
            field: `${pointer}/attributes/entity/legalName/name`,
          });
        const address = isObject(entity.legalAddress) ? entity.legalAddress : {};
        addEntity(lei, legalName, address.country ?? entity.jurisdiction, {
          file: input.name,
          field: `${pointer}/attributes/entity/legalAddress/country`,
        });
      } else if (type === 'relationship-records') {
        const rel = isObject(attributes.relationship) ? attributes.relationship : null;
        if (!rel)
          throw new ChokepointError('bad_file', 'a relationship record has no relationship', {
            file: input.name,
            field: `${pointer}/attributes/relationship`,
          });
        const node = (key: string) => {
          const n = isObject(rel[key]) ? (rel[key] as JsonObject) : {};
          return stringAt(n, 'id', input.name, `${pointer}/attributes/relationship/${key}`);
        };
        const child = node('startNode');
        const parent = node('endNode');
        const relType = stringAt(rel, 'type', input.name, `${pointer}/attributes/relationship`);
        addRelationship(child, parent, relType, rel.status, `${input.name} ${pointer}`);
      } else if (type === 'reporting-exceptions') {
        exceptions++;
      }
    });
  }
  const dedupe = (links: OwnershipLink[]) => {
    const seen = new Map<string, OwnershipLink>();
    for (const l of links) {
      const key = `${l.ownerId}\u0000${l.ownedId}\u0000${l.interest}`;
      if (!seen.has(key)) seen.set(key, l);
    }
    return [...seen.values()];
  };
  const directLinks = dedupe(direct);
  const parentsOf = new Map<string, string[]>();
  for (const l of directLinks) parentsOf.set(l.ownedId, [...(parentsOf.get(l.ownedId) ?? []), l.ownerId]);
  const reaches = (from: string, to: string) => {
    const seen = new Set<string>();
    const stack = [...(parentsOf.get(from) ?? [])];
    while (stack.length) {
      const p = stack.pop()!;
      if (p === to) return true;
      if (seen.has(p)) continue;
      seen.add(p);
      stack.push(...(parentsOf.get(p) ?? []));
    }
    return false;
  };
  const topOf = (child: string): string[] => {
    const tops = new Set<string>();
    const seen = new Set<string>([child]);
    const stack = [child];
    while (stack.length) {
      const c = stack.pop()!;
      const parents = parentsOf.get(c) ?? [];
      if (parents.length === 0) tops.add(c);
      for (const p of parents) {
        if (seen.has(p)) continue;
        seen.add(p);
        stack.push(p);
      }
    }
    return [...tops];
  };
  // The ultimate parent consolidates the whole chain above the child: it is linked to the top of the child's direct
  // chain (the child itself when the import has no direct parent for it).
  const ultimateLinks = dedupe(
    dedupe(ultimate)
      .filter((l) => !reaches(l.ownedId, l.ownerId))
      .flatMap((l) =>
        topOf(l.ownedId)
          .filter((top) => top !== l.ownerId)
          .map((top) =>
            top === l.ownedId ? l : { ...l, ownedId: top, source: `${l.source} (above ${l.ownedId})` },
          ),
      ),
  );
  if (inactive) warnings.push(`${inactive} inactive relationship record(s) left out`);
  if (exceptions) warnings.push(`${exceptions} reporting exception(s) (no parent reported) read, not links`);
  const files = inputs.map((i) => i.name);
  return {
    format: 'gleif',
    files,
    entities: [...entities.values()],
    links: [...directLinks, ...ultimateLinks],
    warnings,
  };
}

const xmlParser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => ['LEIRecord', 'RelationshipRecord', 'Exception'].includes(name),
});

/**
 * A golden-copy XML file: LEI-CDF records (LEI, legal name, legal address country) and RR-CDF relationship
 * records (start node = the child, end node = the parent, type, status). Returns the number of reporting
 * exceptions read (not links). A record without its LEI or nodes is an error naming the record.
 */
function readGoldenCopyXml(
  input: GleifInput,
  addEntity: (lei: string, name: string, country: unknown, place: { file: string; field: string }) => void,
  addRelationship: (child: string, parent: string, relType: string, status: unknown, source: string) => void,
): number {
  const valid = XMLValidator.validate(input.text);
  if (valid !== true)
    throw new ChokepointError('bad_file', `not well-formed XML: ${valid.err.msg}`, {
      file: input.name,
      line: valid.err.line,
    });
  const doc = xmlParser.parse(input.text) as Record<string, JsonObject>;
  const text = (v: unknown) =>
    typeof v === 'string' ? v.trim() : isObject(v) && typeof v['#text'] === 'string' ? v['#text'].trim() : '';
  const leiRecords = (isObject(doc.LEIData?.LEIRecords) ? doc.LEIData.LEIRecords.LEIRecord : []) as unknown[];
  (Array.isArray(leiRecords) ? leiRecords : []).forEach((r, i) => {
    const at = `LEIRecord[${i}]`;
    const rec = isObject(r) ? r : {};
    const lei = text(rec.LEI);
    const entity = isObject(rec.Entity) ? rec.Entity : {};
    const name = text(entity.LegalName);
    if (!lei || !name)
      throw new ChokepointError('bad_file', 'an LEI record needs its LEI and legal name', {
        file: input.name,
        field: at,
      });
    const address = isObject(entity.LegalAddress) ? entity.LegalAddress : {};
    addEntity(lei, name, text(address.Country), {
      file: input.name,
      field: `${at}/Entity/LegalAddress/Country`,
    });
  });
  const relRecords = (
    isObject(doc.RelationshipData?.RelationshipRecords)
      ? doc.RelationshipData.RelationshipRecords.RelationshipRecord
      : []
  ) as unknown[];
  (Array.isArray(relRecords) ? relRecords : []).forEach((r, i) => {
    const at = `RelationshipRecord[${i}]`;
    const rel = isObject(r) && isObject(r.Relationship) ? r.Relationship : {};
    const node = (key: string) => (isObject(rel[key]) ? text((rel[key] as JsonObject).NodeID) : '');
    const child = node('StartNode');
    const parent = node('EndNode');
    const relType = text(rel.RelationshipType);
    if (!child || !parent || !relType)
      throw new ChokepointError('bad_file', 'a relationship record needs its start node, end node and type', {
        file: input.name,
        field: `${at}/Relationship`,
      });
    addRelationship(child, parent, relType, text(rel.RelationshipStatus) || undefined, `${input.name} ${at}`);
  });
  const exceptions = isObject(doc.ReportingExceptionData?.ReportingExceptions)
    ? doc.ReportingExceptionData.ReportingExceptions.Exception
    : [];
  return Array.isArray(exceptions) ? exceptions.length : 0;
}
