import fs from 'node:fs';
import path from 'node:path';
import type { DataDir } from '../catalog/dataDir.ts';
import { Catalog, provenanceOf, type Provenance } from '../catalog/catalog.ts';
import { hsFileName, type HsCode } from '../importers/hs.ts';
import { ChokepointError } from '../../errors.ts';
import { mapHsCode, type HsRevision } from './concordance.ts';

export interface HsLabelHit {
  text: string;
  /** The code whose label was used: the code asked for, or a parent (6 → 4 → 2) when it had none. */
  code: string;
  revision: HsRevision;
  /** False when the label is a parent's or another revision's. */
  exact: boolean;
}

export interface HsLabels {
  /** The label of a code in a language, or undefined when neither the code nor any parent is known. */
  hsLabel(code: string, lang: 'en' | 'ja', revision?: HsRevision): string | undefined;
  lookup(code: string, lang: 'en' | 'ja', revision?: HsRevision): HsLabelHit | undefined;
  has(code: string, revision?: HsRevision): boolean;
  provenance: Provenance;
}

/** A subheading's label that names no product by itself: "その他のもの", "その他の…", "Other", "Other: …". */
const residualLabel = /^(その他|other\b)/i;

/**
 * Builds the lookup from HS codes (the 'hs' dataset's content). `hsLabel` puts a subheading whose label is a
 * residual ("その他のもの") after its heading's label, so that it names the product.
 */
export function hsLabelsFrom(codes: HsCode[], provenance: Provenance): HsLabels {
  const index = new Map<string, HsCode>();
  for (const c of codes) index.set(`${c.revision}:${c.code}`, c);
  const other = (r: HsRevision): HsRevision => (r === 'HS22' ? 'HS17' : 'HS22');
  const labelOf = (code: string, revision: HsRevision, lang: 'en' | 'ja'): string | undefined => {
    const hit = index.get(`${revision}:${code}`);
    return hit ? (lang === 'ja' ? hit.ja : hit.en) : undefined;
  };
  const lookup = (raw: string, lang: 'en' | 'ja', revision: HsRevision = 'HS22'): HsLabelHit | undefined => {
    const code = raw.trim();
    if (!/^\d{2}(\d{2}(\d{2})?)?$/.test(code)) return undefined;
    const own = labelOf(code, revision, lang);
    if (own) return { text: own, code, revision, exact: true };
    // Another revision's label is used only where the concordance says the subheading did not change.
    const alt = other(revision);
    if (!mapHsCode(code, revision, alt).changed) {
      const text = labelOf(code, alt, lang);
      if (text) return { text, code, revision: alt, exact: false };
    }
    for (const parent of [code.slice(0, 4), code.slice(0, 2)]) {
      if (parent.length >= code.length) continue;
      for (const r of [revision, alt]) {
        const text = labelOf(parent, r, lang);
        if (text) return { text, code: parent, revision: r, exact: false };
      }
    }
    return undefined;
  };
  return {
    lookup,
    hsLabel: (code, lang, revision) => {
      const hit = lookup(code, lang, revision);
      if (!hit || hit.code.length !== 6 || !residualLabel.test(hit.text)) return hit?.text;
      // "その他のもの" alone names no product: the heading says which (250490 → 天然黒鉛 ▸ その他のもの).
      const heading = lookup(hit.code.slice(0, 4), lang, hit.revision);
      return heading?.code.length === 4 ? `${heading.text} ▸ ${hit.text}` : hit.text;
    },
    has: (code, revision = 'HS22') => index.has(`${revision}:${code.trim()}`),
    provenance,
  };
}

/** Loads the 'hs' dataset (chokepoint data fetch hs); throws not_found naming the command when absent. */
export function loadHsLabels(dataDir: DataDir, datasetId = 'hs'): HsLabels {
  const entry = new Catalog(dataDir).find(datasetId);
  if (!entry) {
    throw new ChokepointError('not_found', `no HS nomenclature${dataDir.whereForMessages}: run "chokepoint data fetch hs"`, {
      field: 'dataset',
    });
  }
  const file = path.join(dataDir.datasetDir(entry), hsFileName);
  const codes = JSON.parse(fs.readFileSync(file, 'utf8')) as HsCode[];
  return hsLabelsFrom(codes, provenanceOf(entry));
}
