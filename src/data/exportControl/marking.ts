import { ChokepointError } from '../../errors.ts';
import type { Marking } from '../../analysis/marking.ts';

/**
 * Export-control cases and decisions are sensitive by default (PRODUCT.md §3.10): level 1 (取扱注意) unless a higher
 * marking is given; a lower one is refused, so a screen of a named counterparty is never public by accident.
 */
export const defaultExportControlMarking: Marking = { level: 1, compartments: [], releasableTo: null };

export function exportControlMarking(marking?: Marking): Marking {
  if (!marking) return defaultExportControlMarking;
  if (!(marking.level >= 1 && marking.level <= 3))
    throw new ChokepointError('bad_input', 'export-control records are marked level 1 (取扱注意) or higher', {
      field: 'marking',
    });
  return marking;
}
