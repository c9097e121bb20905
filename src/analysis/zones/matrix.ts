import type { EntryIndicators } from './indicators.ts';

/**
 * Where an entry sits on the zone matrix (advantage versus dependence): x = advantage (RCA for goods with
 * trade data, else RTA; 1 = world average), y = supply concentration the reporter faces — its import HHI from
 * the screen when known, else the HHI of world exports, else the HHI of world patents in the field.
 */
export interface MatrixPoint {
  advantage: number | null;
  concentration: number | null;
  concentrationSource: 'import-hhi' | 'world-export-hhi' | 'world-patent-hhi' | null;
}

export function matrixPoint(ind: EntryIndicators & { patentHhi?: number | null }): MatrixPoint {
  if (ind.importHhi !== null)
    return { advantage: ind.advantage, concentration: ind.importHhi, concentrationSource: 'import-hhi' };
  if (ind.worldExportHhi !== null)
    return {
      advantage: ind.advantage,
      concentration: ind.worldExportHhi,
      concentrationSource: 'world-export-hhi',
    };
  if (ind.patentHhi !== undefined && ind.patentHhi !== null)
    return {
      advantage: ind.advantage,
      concentration: ind.patentHhi,
      concentrationSource: 'world-patent-hhi',
    };
  return { advantage: ind.advantage, concentration: null, concentrationSource: null };
}
