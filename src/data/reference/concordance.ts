/**
 * HS 2017 ↔ HS 2022 concordance for the subheadings whose scope changed in the headings below. Authored by us
 * from the WCO correlation tables "HS 2017 – HS 2022" (Table I, HS 2017 → HS 2022; World Customs Organization,
 * 2021). Codes outside the listed changes are the same subheading in both revisions (mapped 1:1 unchanged).
 *
 * Covered headings: every HS 2017 subheading of these headings that HS 2022 changed is listed (tested against
 * the two code lists in the mirror).
 */
export const concordanceHeadings = ['2844', '8103', '8106', '8107', '8109', '8112', '8517', '8541'] as const;

export type HsRevision = 'HS17' | 'HS22';

function isCovered(code: string): boolean {
  return concordanceHeadings.some((h) => code.startsWith(h) || h.startsWith(code));
}

// prettier-ignore
/** HS 2017 subheading → the HS 2022 subheadings its goods moved to. */
const hs17ToHs22: Readonly<Record<string, readonly string[]>> = Object.freeze({
  // Radioactive elements: 2844.40 split by isotope (tritium; actinium-225 etc.; other alloys …; n.e.c.).
  '284440': ['284441', '284442', '284443', '284444'],
  // Tantalum: crucibles separated from other articles.
  '810390': ['810391', '810399'],
  // Bismuth: split by purity (> 99.99 % or not).
  '810600': ['810610', '810690'],
  // Cadmium moved from heading 8107 into 8112 (8112.61 waste and scrap, 8112.69 other).
  '810720': ['811269'],
  '810730': ['811261'],
  '810790': ['811269'],
  // Zirconium: split by hafnium content (less than 1 part hafnium to 500 parts zirconium, or not).
  '810920': ['810921', '810929'],
  '810930': ['810931', '810939'],
  '810990': ['810991', '810999'],
  // Gallium, germanium, hafnium, indium, niobium, rhenium, vanadium: hafnium (8112.31/39) and rhenium
  // (8112.41/49) get their own subheadings; 8112.92/99 keep gallium, germanium, indium, niobium, vanadium.
  '811292': ['811292', '811231', '811241'],
  '811299': ['811299', '811239', '811249'],
  // Telephones for cellular networks: smartphones (8517.13) separated from others (8517.14).
  '851712': ['851713', '851714'],
  // Parts of communication apparatus: aerials and reflectors (8517.71) separated from other parts (8517.79).
  '851770': ['851771', '851779'],
  // Photosensitive devices: LEDs, photovoltaic cells (not in modules / in modules) and others separated.
  '854140': ['854141', '854142', '854143', '854149'],
  '854150': ['854151', '854159'],
});

const hs22ToHs17: ReadonlyMap<string, string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [from, tos] of Object.entries(hs17ToHs22)) {
    for (const to of tos) map.set(to, [...(map.get(to) ?? []), from]);
  }
  return map;
})();

export type Relation = '1:1' | '1:n' | 'n:1' | 'n:n';

export interface CodeMapping {
  from: { code: string; revision: HsRevision };
  to: HsRevision;
  codes: string[];
  /** 1:n — the goods split over several codes; n:1 — merged with others' goods; n:n both. */
  relation: Relation;
  /** False when the code is the same subheading in both revisions. */
  changed: boolean;
  /**
   * True when the code's heading is one this table covers; false means "unchanged" is assumed, not checked
   * (HS 2022 changed other headings too: 0307, 4403, 8549 … are not in this table).
   */
  covered: boolean;
}

function targets(code: string, from: HsRevision): string[] {
  if (from === 'HS17') return [...(hs17ToHs22[code] ?? [code])];
  return hs22ToHs17.get(code) ?? [code];
}

/**
 * Maps an HS6 code from one revision to the other. A 1:n or n:1 result means the figures of the two revisions
 * are not comparable code by code: callers must flag it (e.g. "811292 in HS 2017 includes hafnium and rhenium").
 * Codes of 2 or 4 digits map to themselves, except headings whose content moved (8107 → part of 8112).
 */
export function mapHsCode(code: string, from: HsRevision, to: HsRevision): CodeMapping {
  const c = code.trim();
  if (from === to || c.length !== 6) {
    const changed = from === 'HS17' && to === 'HS22' && c === '8107';
    return {
      from: { code: c, revision: from },
      to,
      codes: changed ? ['8112'] : [c],
      relation: changed ? 'n:1' : '1:1',
      changed,
      covered: from === to || isCovered(c),
    };
  }
  const codes = targets(c, from);
  // How many codes of the source revision share each target: more than one means goods were merged.
  const fanIn = Math.max(...codes.map((t) => targets(t, to).length));
  const split = codes.length > 1;
  const merged = fanIn > 1;
  const relation: Relation = split && merged ? 'n:n' : split ? '1:n' : merged ? 'n:1' : '1:1';
  const changed = split || merged || codes[0] !== c;
  return { from: { code: c, revision: from }, to, codes, relation, changed, covered: isCovered(c) };
}

/** The HS 2017 codes whose scope changed in HS 2022 (keys of the table). */
export function changedHs17Codes(): string[] {
  return Object.keys(hs17ToHs22);
}
