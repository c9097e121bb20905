import type { Marking } from '../marking.ts';
import { ChokepointError } from '../../errors.ts';
import { validateAdjustment, type Adjustment } from './adjustments.ts';

/**
 * A decision taken in answer to an inject (PRODUCT.md §3.5 decision log): the options considered, the action
 * chosen, the rationale, who owns it and the follow-up; optionally what it changes in the scenario (adjustments.ts)
 * so that the scenario can be run again with it. Marked at least like the inject it answers.
 */
export interface Decision {
  id: string;
  sessionId: string;
  injectId: string;
  team: string;
  userId: string | null;
  optionsConsidered: string[];
  action: string;
  adjustment: Adjustment | null;
  rationale: string;
  owner: string;
  followUp: string;
  marking: Marking;
  createdAt: string;
}

export type DecisionInput = Pick<
  Decision,
  'injectId' | 'optionsConsidered' | 'action' | 'adjustment' | 'rationale' | 'owner' | 'followUp'
>;

const text = (v: unknown, field: string, max: number, required: boolean): string => {
  if (v === undefined || v === null) {
    if (required) throw new ChokepointError('bad_input', 'is required', { field });
    return '';
  }
  if (typeof v !== 'string') throw new ChokepointError('bad_input', 'must be text', { field });
  const t = v.trim();
  if (required && !t) throw new ChokepointError('bad_input', 'must not be empty', { field });
  if (t.length > max) throw new ChokepointError('bad_input', `must be at most ${max} characters`, { field });
  return t;
};

/** Checks a decision as sent by a player (WebSocket frame or HTTP body), naming the field of any error. */
export function validateDecision(raw: unknown): DecisionInput {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new ChokepointError('bad_input', 'a decision must be an object', { field: 'decision' });
  const d = raw as Record<string, unknown>;
  const options = d.optionsConsidered ?? [];
  if (!Array.isArray(options) || options.length > 20)
    throw new ChokepointError('bad_input', 'must be a list of at most 20 options', {
      field: 'optionsConsidered',
    });
  return {
    injectId: text(d.injectId, 'injectId', 64, true),
    optionsConsidered: options.map((o, i) => text(o, `optionsConsidered[${i}]`, 500, true)),
    action: text(d.action, 'action', 2000, true),
    adjustment:
      d.adjustment === undefined || d.adjustment === null
        ? null
        : validateAdjustment(d.adjustment, 'adjustment'),
    rationale: text(d.rationale, 'rationale', 4000, false),
    owner: text(d.owner, 'owner', 200, false),
    followUp: text(d.followUp, 'followUp', 2000, false),
  };
}
