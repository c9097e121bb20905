import { analyseName } from '../partyMatch/analyseName.ts';

/**
 * Where a screening hit stands after the decisions taken on it. Decisions are append-only and the newest is in
 * force: 'match' confirms the hit, 'escalate' passes it up, 'no-match' dismisses it — but only while the list entry
 * is as it was when dismissed (same fingerprint): a changed entry (new alias, new country, new concern) opens the
 * hit again, so a dismissal never hides what the list now says.
 */
export type Decision = 'match' | 'no-match' | 'escalate';

export interface HitDecision {
  id: number;
  decision: Decision;
  reason: string;
  decidedBy: string | null;
  decidedAt: string;
  entryFingerprint: string;
}

export type HitStatus = 'open' | 'confirmed' | 'escalated' | 'dismissed';

export interface HitState {
  status: HitStatus;
  decision?: HitDecision;
  /** True when a dismissal no longer holds because the entry changed since. */
  reopened: boolean;
}

export function hitState(decision: HitDecision | undefined, entryFingerprint: string): HitState {
  if (!decision) return { status: 'open', reopened: false };
  if (decision.decision === 'match') return { status: 'confirmed', decision, reopened: false };
  if (decision.decision === 'escalate') return { status: 'escalated', decision, reopened: false };
  return decision.entryFingerprint === entryFingerprint
    ? { status: 'dismissed', decision, reopened: false }
    : { status: 'open', decision, reopened: true };
}

/**
 * The key a decision is kept under: the party's comparable name (legal forms, case, width and script variants
 * folded) and its country, so that "Acme Trading Co., Ltd." and "ACME TRADING LIMITED" in Japan share decisions.
 */
export function partyKey(name: string, country?: string): string {
  return `${analyseName(name).joined}|${(country ?? '').toUpperCase()}`;
}
