import { ChokepointError } from '../../errors.ts';
import { isObject, parseJsonText, stringAt, type JsonObject } from './jsonText.ts';
import {
  countryOf,
  type EntityKind,
  type OwnershipDocument,
  type OwnershipEntity,
  type OwnershipLink,
} from './ownershipDocument.ts';

/**
 * Beneficial Ownership Data Standard (https://standard.openownership.org) statements as JSON (an array, or an
 * object with `statements`): version 0.4 (`recordId`, `recordType`, `recordDetails`; the last statement of a
 * record wins, `recordStatus: closed` removes it) and versions 0.1–0.3 (`statementID`, `statementType`,
 * `replacesStatements`).
 *
 * Which links enter the graph:
 * - direct interests (and interests whose directness is unknown); shareholding and votingRights give a share, the
 *   larger of the two lower bounds (FEFTA counts shares or voting rights), percentages divided by 100;
 * - an indirect relationship only when the chain it summarises is not in the file (its componentRecords are
 *   absent), so a chain is not counted twice;
 * - a nominee is not an owner (the link is left out, with a warning); a nominator holds the nomination
 *   arrangement whole (share 1), so the chain passes through the arrangement to the person behind it;
 * - other interests (board seats, trusts, other influence or control) are control without a known share;
 * - an unspecified interested party (unknown, exempt, no beneficial owner) is left out with a warning.
 */
const shareInterests = new Set(['shareholding', 'votingRights', 'voting-rights']);

interface Share {
  low: number | null;
  high: number | null;
}

function shareOf(share: unknown): Share {
  if (!isObject(share)) return { low: null, high: null };
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v / 100 : null);
  const low = num(share.exact) ?? num(share.minimum) ?? num(share.exclusiveMinimum);
  const high = num(share.exact) ?? num(share.maximum) ?? num(share.exclusiveMaximum);
  return { low, high };
}

function kindOfEntityType(type: unknown): EntityKind {
  const t = isObject(type) ? type.type : type;
  if (t === 'state') return 'state';
  if (t === 'stateBody') return 'stateBody';
  if (t === 'arrangement') return 'arrangement';
  return 'company';
}

function identifiersOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out = new Set<string>();
  for (const i of list) {
    if (isObject(i) && typeof i.id === 'string' && !i.uri)
      out.add(`${String(i.scheme ?? i.schemeName ?? 'id')}:${i.id}`);
  }
  return [...out];
}

interface Statement {
  id: string;
  type: 'entity' | 'person' | 'relationship';
  details: JsonObject;
  pointer: string;
  version: '0.4' | 'older';
}

function statementsOf(doc: unknown, file: string): Statement[] {
  const list = Array.isArray(doc)
    ? doc
    : isObject(doc) && Array.isArray(doc.statements)
      ? doc.statements
      : null;
  if (!list)
    throw new ChokepointError('bad_file', 'a BODS file is an array of statements', { file, field: '/' });
  const records = new Map<string, Statement>();
  const replaced = new Set<string>();
  list.forEach((s: unknown, i: number) => {
    const pointer = `/${i}`;
    if (!isObject(s))
      throw new ChokepointError('bad_file', 'a statement is not an object', { file, field: pointer });
    if ('recordType' in s) {
      const id = stringAt(s, 'recordId', file, pointer);
      const type = stringAt(s, 'recordType', file, pointer);
      if (type !== 'entity' && type !== 'person' && type !== 'relationship')
        throw new ChokepointError('bad_file', `recordType "${type}" is not entity, person or relationship`, {
          file,
          field: `${pointer}/recordType`,
        });
      if (s.recordStatus === 'closed') {
        records.delete(id);
        return;
      }
      if (!isObject(s.recordDetails))
        throw new ChokepointError('bad_file', 'recordDetails is missing', {
          file,
          field: `${pointer}/recordDetails`,
        });
      records.delete(id); // the later statement of a record replaces the earlier one, and moves to the end
      records.set(id, { id, type, details: s.recordDetails, pointer, version: '0.4' });
      return;
    }
    const id = stringAt(s, 'statementID', file, pointer);
    const statementType = stringAt(s, 'statementType', file, pointer);
    const type =
      statementType === 'entityStatement'
        ? 'entity'
        : statementType === 'personStatement'
          ? 'person'
          : statementType === 'ownershipOrControlStatement'
            ? 'relationship'
            : null;
    if (!type)
      throw new ChokepointError('bad_file', `statementType "${statementType}" is not a BODS statement type`, {
        file,
        field: `${pointer}/statementType`,
      });
    if (Array.isArray(s.replacesStatements)) for (const r of s.replacesStatements) replaced.add(String(r));
    records.set(id, { id, type, details: s, pointer, version: 'older' });
  });
  return [...records.values()].filter((s) => !replaced.has(s.id));
}

function entityOf(s: Statement, file: string): OwnershipEntity {
  const d = s.details;
  const where = { file, field: s.pointer };
  if (s.type === 'person') {
    const names = Array.isArray(d.names) ? d.names.filter(isObject) : [];
    const nationalities = Array.isArray(d.nationalities) ? d.nationalities.filter(isObject) : [];
    const name =
      names.map((n) => n.fullName).find((n): n is string => typeof n === 'string') ?? '(unnamed person)';
    return {
      id: s.id,
      name,
      country: countryOf(nationalities[0]?.code, where),
      kind: 'person',
      identifiers: identifiersOf(d.identifiers),
    };
  }
  const jurisdiction = isObject(d.jurisdiction)
    ? d.jurisdiction
    : isObject(d.incorporatedInJurisdiction)
      ? d.incorporatedInJurisdiction
      : {};
  const listing = isObject(d.publicListing) ? d.publicListing.hasPublicListing === true : undefined;
  return {
    id: s.id,
    name: typeof d.name === 'string' && d.name.trim() ? d.name.trim() : '(unnamed entity)',
    country: countryOf(jurisdiction.code, where),
    kind: kindOfEntityType(d.entityType),
    identifiers: identifiersOf(d.identifiers),
    ...(listing === undefined ? {} : { listed: listing }),
  };
}

function partyId(ref: unknown): string | null {
  if (typeof ref === 'string') return ref;
  if (!isObject(ref)) return null;
  for (const key of ['describedByEntityStatement', 'describedByPersonStatement']) {
    if (typeof ref[key] === 'string') return ref[key] as string;
  }
  return null;
}

export function parseBods(text: string, file: string): OwnershipDocument {
  const statements = statementsOf(parseJsonText(text, file), file);
  const entities = statements.filter((s) => s.type !== 'relationship').map((s) => entityOf(s, file));
  const known = new Set(statements.map((s) => s.id));
  const links: OwnershipLink[] = [];
  const warnings: string[] = [];
  for (const s of statements.filter((x) => x.type === 'relationship')) {
    const d = s.details;
    const where = `${file} ${s.pointer}`;
    const subject = partyId(d.subject);
    if (!subject)
      throw new ChokepointError('bad_file', 'the relationship names no subject', {
        file,
        field: `${s.pointer}/subject`,
      });
    const party = partyId(d.interestedParty);
    if (!party) {
      const reason =
        isObject(d.interestedParty) && isObject(d.interestedParty.unspecified)
          ? d.interestedParty.unspecified.reason
          : isObject(d.interestedParty)
            ? d.interestedParty.reason
            : undefined;
      warnings.push(
        `${where}: interested party unspecified (${String(reason ?? 'no reason given')}), left out`,
      );
      continue;
    }
    const interests = Array.isArray(d.interests) ? d.interests.filter(isObject) : [];
    const direct = interests.filter((i) => i.directOrIndirect !== 'indirect');
    if (interests.length && direct.length === 0) {
      const components = Array.isArray(d.componentRecords) ? d.componentRecords.map(String) : [];
      if (components.length && components.every((c) => known.has(c))) continue; // the chain itself is in the file
    }
    const used = direct.length ? direct : interests;
    if (used.some((i) => i.type === 'nominee')) {
      warnings.push(`${where}: ${party} is a nominee of ${subject}, not an owner: left out`);
      continue;
    }
    let low: number | null = null;
    let high: number | null = null;
    for (const i of used.filter((x) => shareInterests.has(String(x.type)))) {
      const sh = shareOf(i.share);
      if (sh.low !== null) low = Math.max(low ?? 0, sh.low);
      if (sh.high !== null) high = Math.max(high ?? 0, sh.high);
    }
    const types = [...new Set(used.map((i) => String(i.type ?? 'unknown')))];
    if (low === null && types.includes('nominator')) low = high = 1;
    links.push({
      ownerId: party,
      ownedId: subject,
      share: low,
      ...(high !== null && high !== low ? { shareMax: high } : {}),
      interest: types.join('+') || 'unknown',
      source: where,
    });
  }
  return { format: 'bods', files: [file], entities, links, warnings };
}
