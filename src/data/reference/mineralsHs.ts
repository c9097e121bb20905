/**
 * USGS Mineral Commodity Summaries commodities → the HS6 codes (HS 2017) whose world trade is compared with
 * their production (mine ▸ refine ▸ trade). `stage` says which production USGS reports: 'mine' (ore or
 * mineral content) or 'refine' (refinery, smelter or plant output). When the traded code is a refined form and
 * the production a mine stage (nickel mined in Indonesia, refined elsewhere), the comparison shows where
 * refining sits — that is the point of the view, not an error.
 * Codes follow the crosswalk of the critical-materials extract (baci-critical-minerals/critical_codes.json:
 * exact, dominant or proxy) and the HS 2017 nomenclature; `match` carries that confidence.
 */
export interface MineralHs {
  /** USGS commodity name as in MCS2025_World_Data.csv (trimmed). */
  commodity: string;
  /** Regular expression on the USGS TYPE column selecting the production series. */
  type: RegExp;
  stage: 'mine' | 'refine';
  hs6: string[];
  match: 'exact' | 'dominant' | 'proxy';
  note?: string;
}

export const mineralsHs: readonly MineralHs[] = Object.freeze([
  { commodity: 'Antimony', type: /^Mine production/, stage: 'mine', hs6: ['811010'], match: 'exact', note: 'trade code is unwrought antimony' },
  { commodity: 'Barite', type: /^Mine production/, stage: 'mine', hs6: ['251110'], match: 'exact' },
  { commodity: 'Bauxite', type: /^Mine production/, stage: 'mine', hs6: ['260600'], match: 'dominant' },
  { commodity: 'Beryllium', type: /^Mine production/, stage: 'mine', hs6: ['811212'], match: 'exact' },
  { commodity: 'Boron', type: /./, stage: 'mine', hs6: ['252800'], match: 'proxy' },
  { commodity: 'Chromium', type: /^Mine production/, stage: 'mine', hs6: ['261000'], match: 'exact' },
  { commodity: 'Cobalt', type: /^Mine production, cobalt content/, stage: 'mine', hs6: ['282200', '810520'], match: 'proxy' },
  { commodity: 'Copper', type: /^Refinery production/, stage: 'refine', hs6: ['740311'], match: 'exact', note: 'refined cathode' },
  { commodity: 'Feldspar', type: /^Mine production/, stage: 'mine', hs6: ['252910'], match: 'exact' },
  { commodity: 'Fluorspar', type: /^Mine production/, stage: 'mine', hs6: ['252922'], match: 'dominant' },
  { commodity: 'Gallium', type: /^Primary production/, stage: 'refine', hs6: ['811292'], match: 'proxy', note: 'HS 811292 also holds germanium, indium and others' },
  { commodity: 'Gemanium', type: /refinery production/i, stage: 'refine', hs6: ['811292'], match: 'proxy', note: 'USGS spells it “Gemanium”; HS 811292 also holds gallium' },
  { commodity: 'Graphite', type: /^Mine production/, stage: 'mine', hs6: ['250410', '250490'], match: 'exact' },
  { commodity: 'Helium', type: /^Production/, stage: 'refine', hs6: ['280429'], match: 'proxy' },
  { commodity: 'Lithium', type: /^Mine production/, stage: 'mine', hs6: ['283691', '282520'], match: 'proxy', note: 'trade codes are refined compounds' },
  { commodity: 'Magnesium metal', type: /smelter/i, stage: 'refine', hs6: ['810411'], match: 'exact' },
  { commodity: 'Manganese', type: /^Mine production/, stage: 'mine', hs6: ['260200'], match: 'dominant' },
  { commodity: 'Molybdenum', type: /^Mine production/, stage: 'mine', hs6: ['261310', '810294'], match: 'dominant' },
  { commodity: 'Nickel', type: /^Mine production/, stage: 'mine', hs6: ['750210'], match: 'exact', note: 'trade code is refined nickel; production is mine output' },
  { commodity: 'Niobium', type: /^Mine production/, stage: 'mine', hs6: ['720293'], match: 'dominant' },
  { commodity: 'Phosphate rock', type: /^Mine production/, stage: 'mine', hs6: ['251010'], match: 'dominant' },
  { commodity: 'Platinum-Group metals', type: /Platinum content/, stage: 'mine', hs6: ['711011'], match: 'exact' },
  { commodity: 'Platinum-Group metals', type: /Palladium content/, stage: 'mine', hs6: ['711021'], match: 'exact' },
  { commodity: 'Rare earths', type: /^Mine production/, stage: 'mine', hs6: ['280530', '284690'], match: 'proxy' },
  { commodity: 'Silicon', type: /silicon metal/i, stage: 'refine', hs6: ['280469'], match: 'dominant' },
  { commodity: 'Strontium', type: /^Mine production/, stage: 'mine', hs6: ['283692'], match: 'proxy' },
  { commodity: 'Tantalum', type: /^Mine production/, stage: 'mine', hs6: ['810320'], match: 'exact' },
  { commodity: 'Titanium & titanium dioxide', type: /^Sponge Metal Production/i, stage: 'refine', hs6: ['810820'], match: 'exact', note: 'titanium sponge' },
  { commodity: 'Tungsten', type: /^Mine production/, stage: 'mine', hs6: ['810194', '261100'], match: 'dominant' },
  { commodity: 'Vanadium', type: /^Mine production/, stage: 'mine', hs6: ['720292'], match: 'dominant' },
  { commodity: 'Arsenic', type: /^Plant production/, stage: 'refine', hs6: ['280480'], match: 'exact' },
]);

export function mineralsForHs(hs6: string): MineralHs[] {
  return mineralsHs.filter((m) => m.hs6.includes(hs6));
}
