import { ChokepointError } from '../../errors.ts';
import type { Marking } from '../../analysis/marking.ts';

/**
 * Export-control records (cases, decisions, informs, prior reports, acquisition attempts …) are sensitive by
 * default (PRODUCT.md §3.10): level 1 (取扱注意) unless another marking is given. A marking below level 1 is a
 * declassification: refused unless the writer gives a reason of at least 10 characters (the route also requires
 * the `declassify` permission, authorizeMarkingChange), so a screen of a named counterparty is never public by
 * accident. The reason goes to the audit entry.
 */
export const defaultExportControlMarking: Marking = { level: 1, compartments: [], releasableTo: null };

export interface MarkingChoice {
  marking?: Marking;
  /** Why the record may be marked below level 1 (≥ 10 characters). */
  belowDefaultReason?: string;
}

export function exportControlMarking(choice: MarkingChoice = {}): Marking {
  const { marking } = choice;
  if (!marking) return defaultExportControlMarking;
  if (!(marking.level >= 0 && marking.level <= 3))
    throw new ChokepointError('bad_input', 'a marking level is 0–3', { field: 'marking' });
  if (marking.level < 1 && (choice.belowDefaultReason?.trim().length ?? 0) < 10)
    throw new ChokepointError(
      'bad_input',
      'export-control records are marked level 1 (取扱注意) or higher; a lower marking needs the declassify permission and a reason of at least 10 characters',
      { field: 'marking' },
    );
  return marking;
}
