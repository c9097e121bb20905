import type { AdjustmentKind } from './designForm.ts';

/** The decision form's fields and the frame's `decision` (docs/exercises.md § Decisions). */
export interface DecisionFields {
  options: string;
  action: string;
  rationale: string;
  owner: string;
  followUp: string;
  adjustment: AdjustmentKind | '';
  /** Days of cover (stockpile release), share 0–1 (restraint, rerouting, substitution), partners ISO3. */
  days: string;
  share: string;
  partners: string;
}

export const emptyDecision: DecisionFields = {
  options: '',
  action: '',
  rationale: '',
  owner: '',
  followUp: '',
  adjustment: '',
  days: '30',
  share: '0.2',
  partners: '',
};

function adjustmentOf(f: DecisionFields) {
  switch (f.adjustment) {
    case '':
      return null;
    case 'stockpile-release':
      return { kind: f.adjustment, products: 'all', days: Number(f.days) };
    case 'demand-restraint':
      return { kind: f.adjustment, products: 'all', share: Number(f.share) };
    case 'rerouting':
      return { kind: f.adjustment, passages: 'all', share: Number(f.share) };
    case 'like-minded-substitution':
      return {
        kind: f.adjustment,
        partners: f.partners
          .split(/[,、，\s]+/)
          .map((p) => p.trim().toUpperCase())
          .filter(Boolean),
        share: f.share.trim() ? Number(f.share) : null,
      };
  }
}

export function decisionOf(injectId: string, f: DecisionFields) {
  return {
    injectId,
    optionsConsidered: f.options
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean),
    action: f.action,
    rationale: f.rationale,
    owner: f.owner,
    followUp: f.followUp,
    adjustment: adjustmentOf(f),
  };
}
