import type { Marking } from '../../analysis/marking.ts';
import type { CriticalHsCode } from '../reference/criticalGoods.ts';
import { technologies } from '../reference/technologies.ts';
import { countryByIso3 } from '../reference/countries.ts';
import { badInput } from '../../errors.ts';

/**
 * A public-private dialogue record (官民対話; issue 24): a hearing with a company or a meeting with an industry
 * association — when, who, which organisations, topics, findings and follow-ups — linked to products (HS6),
 * technologies of the registry (data/reference/technologies.ts) and consultation-desk cases.
 */
export const dialogueKinds = ['hearing', 'association-meeting'] as const;
export type DialogueKind = (typeof dialogueKinds)[number];
export const dialogueKindNames: Record<DialogueKind, { ja: string; en: string }> = {
  hearing: { ja: 'ヒアリング', en: 'hearing' },
  'association-meeting': { ja: '業界団体との会合', en: 'industry-association meeting' },
};

export interface Participant {
  name: string;
  organisation: string | null;
  role: string | null;
}

/** HS6 codes a finding proposes to add to a critical good of the registry. */
export interface RegistryProposal {
  good: string;
  hs: CriticalHsCode[];
  note: string | null;
}

export interface FindingInput {
  /** Kept when the record is edited, so that what was done from a finding stays with it. */
  id?: string;
  text: string;
  product: string | null;
  country: string | null;
  registryProposal: RegistryProposal | null;
}

export interface Finding extends Required<FindingInput> {
  id: string;
  registryAppliedAt: string | null;
  registryAppliedBy: string | null;
  scenarioId: string | null;
}

export interface FollowUpInput {
  id?: string;
  action: string;
  owner: string;
  dueOn: string | null;
  done: boolean;
}

export interface FollowUp extends Required<FollowUpInput> {
  id: string;
  doneAt: string | null;
}

export interface DialogueInput {
  heldOn: string;
  kind: DialogueKind;
  title: string;
  participants: Participant[];
  organisations: string[];
  topics: string[];
  products: string[];
  technologies: string[];
  cases: string[];
  summary: string;
  findings: FindingInput[];
  followUps: FollowUpInput[];
  marking: Marking;
}

export interface DialogueSummary {
  id: string;
  heldOn: string;
  kind: DialogueKind;
  title: string;
  organisations: string[];
  topics: string[];
  products: string[];
  technologies: string[];
  findingCount: number;
  openFollowUps: number;
  marking: Marking;
  createdBy: string | null;
  updatedAt: string;
}

export interface DialogueRecord extends Omit<DialogueSummary, 'findingCount' | 'openFollowUps'> {
  participants: Participant[];
  cases: string[];
  summary: string;
  findings: Finding[];
  followUps: FollowUp[];
  createdAt: string;
  updatedBy: string | null;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) =>
  datePattern.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/**
 * Checks what a form or file may get wrong, naming the field: dates, HS6 codes, ISO3 countries, technologies of
 * the registry. Consultation cases are checked by the caller (they live in the state).
 */
export function checkDialogueInput(input: DialogueInput): DialogueInput {
  if (!validDate(input.heldOn))
    throw badInput(`not a date (YYYY-MM-DD): ${input.heldOn}`, { field: 'heldOn' });
  input.products.forEach((p, i) => {
    if (!/^\d{6}$/.test(p)) throw badInput(`not an HS6 code: ${p}`, { field: `products[${i}]` });
  });
  const known = new Set(technologies.map((t) => t.id));
  input.technologies.forEach((t, i) => {
    if (!known.has(t))
      throw badInput(`no technology "${t}" in the registry (known: ${[...known].join(', ')})`, {
        field: `technologies[${i}]`,
      });
  });
  input.findings.forEach((f, i) => {
    if (f.product !== null && !/^\d{6}$/.test(f.product))
      throw badInput(`not an HS6 code: ${f.product}`, { field: `findings[${i}].product` });
    if (f.country !== null && !countryByIso3(f.country))
      throw badInput(`not an ISO3 country code: ${f.country}`, { field: `findings[${i}].country` });
    f.registryProposal?.hs.forEach((h, j) => {
      if (!/^\d{6}$/.test(h.hs6))
        throw badInput(`not an HS6 code: ${h.hs6}`, {
          field: `findings[${i}].registryProposal.hs[${j}].hs6`,
        });
    });
  });
  input.followUps.forEach((f, i) => {
    if (f.dueOn !== null && !validDate(f.dueOn))
      throw badInput(`not a date (YYYY-MM-DD): ${f.dueOn}`, { field: `followUps[${i}].dueOn` });
  });
  return input;
}
