import { analyseName, normaliseText, type AnalysedName } from './analyseName.ts';
import { isOnlyLegalForm } from './legalForms.ts';

/**
 * A party as the matcher sees it: a list entry (an end user, a sanctioned entity) or a counterparty being
 * screened. Names are the entry's name and its aliases; countries are ISO 3166 alpha-3 codes; identifiers are
 * registration, tax or LEI numbers as written (compared without spaces and punctuation).
 */
export interface PartyRecord {
  id: string;
  /** The list (dataset) the entry belongs to; empty for a query. */
  list?: string;
  names: string[];
  countries?: string[];
  identifiers?: string[];
}

export interface PreparedName {
  /** The name or alias as written in the list. */
  written: string;
  analysed: AnalysedName;
  /** An acronym in brackets, e.g. "(UTN)": matched only exactly and at most 0.8 (logic-v2 weak_alias_match). */
  weak: boolean;
  /** 0 for the entry's own name, n for its n-th alias (an alias match is said to be one). */
  aliasIndex: number;
}

export interface PreparedParty {
  record: PartyRecord;
  names: PreparedName[];
  /** The joined forms of the (not weak) names: equal joined forms are a literal match, found without scoring. */
  joinedNames: Set<string>;
  countries: string[];
  identifiers: string[];
}

const brackets = /\(([^()]*)\)|\[([^[\]]*)\]/g;
const acronym = /^[a-z0-9&.\-]{2,8}$/;

/**
 * The forms of one written name: lists put a translation or an acronym in brackets ("Green Pine Associated
 * Corporation （青松連合）", "Ummah Tameer E-Nau (UTN)"), so the name outside the brackets and each bracketed
 * part are compared separately; a short Latin part is an acronym (weak). Brackets holding only a legal form
 * ("(株)東芝") stay in the name.
 */
export function nameVariants(written: string): { text: string; weak: boolean }[] {
  const text = normaliseText(written);
  const parts: { text: string; weak: boolean }[] = [];
  const outside = text.replace(brackets, (whole, round?: string, square?: string) => {
    const inner = (round ?? square ?? '').trim();
    if (!inner || isOnlyLegalForm(inner)) return ` ${inner} `;
    parts.push({ text: inner, weak: acronym.test(inner.replace(/\s+/g, '')) });
    return ' ';
  });
  const main = outside.trim();
  return main ? [{ text: main, weak: false }, ...parts] : parts.map((p) => ({ ...p, weak: false }));
}

/** Identifiers compared without case, spaces or punctuation: "808 000 714" = "808000714". */
export function normaliseIdentifier(id: string): string {
  return id
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function prepareParty(record: PartyRecord): PreparedParty {
  const names: PreparedName[] = [];
  const seen = new Set<string>();
  record.names.forEach((written, aliasIndex) => {
    for (const variant of nameVariants(written)) {
      const analysed = analyseName(variant.text);
      if (analysed.tokens.length === 0) continue;
      const key = `${variant.weak ? 'w' : 's'}:${analysed.joined}`;
      if (seen.has(key)) continue;
      seen.add(key);
      names.push({ written, analysed, weak: variant.weak, aliasIndex });
    }
  });
  return {
    record,
    names,
    joinedNames: new Set(names.filter((n) => !n.weak).map((n) => n.analysed.joined)),
    countries: [...new Set((record.countries ?? []).map((c) => c.trim().toUpperCase()).filter(Boolean))],
    identifiers: [...new Set((record.identifiers ?? []).map(normaliseIdentifier).filter(Boolean))],
  };
}
