import type { Inject } from './exercise.ts';

/**
 * What happens to the injects when the facilitator moves simulated time to `simTime`: every inject not yet
 * handled whose time has come fires, in timeline order, unless its condition fails — it fires only if a decision
 * answering the named earlier inject was (taken: true) or was not (taken: false) recorded by then, of the named
 * adjustment kind when one is given. An inject whose condition fails is skipped for good (the facilitator sees
 * that), so a later decision does not bring it back out of order.
 */
export interface DecisionTaken {
  injectId: string;
  adjustmentKind: string | null;
}

export function dueInjects(
  injects: readonly Inject[],
  handled: ReadonlySet<string>,
  simTime: number,
  decisions: readonly DecisionTaken[],
): { inject: Inject; fires: boolean }[] {
  return injects
    .filter((i) => !handled.has(i.id) && i.at <= simTime + 1e-9)
    .map((inject) => {
      const c = inject.condition;
      if (!c) return { inject, fires: true };
      const taken = decisions.some(
        (d) => d.injectId === c.inject && (c.action === null || d.adjustmentKind === c.action),
      );
      return { inject, fires: taken === c.taken };
    });
}
