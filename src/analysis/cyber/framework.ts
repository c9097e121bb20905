/**
 * A requirement catalogue ("framework") in chokepoint's one format: ids, texts in Japanese and English, levels
 * (★3, ★4 … or a single level), categories, the measures that close a gap, the source of every requirement, and
 * mappings to other catalogues. Shipped catalogues and imported ones (CISO Assistant libraries, an official file
 * in this format) are all of this shape (docs/cyber.md, "Catalogue format").
 */
export interface Localized {
  ja?: string;
  en?: string;
}

export interface FrameworkLevel {
  id: string;
  /** Higher rank = stricter level; a level includes every requirement of the levels ranked below it. */
  rank: number;
  name: Localized;
  /** How conformity is established at this level, when the scheme says. */
  assessment?: 'self' | 'third-party';
  description?: Localized;
  /** Number of requirements the publisher says the level has (for checking a shipped or imported list). */
  publishedCount?: number;
}

export interface FrameworkCategory {
  id: string;
  name: Localized;
}

export interface Requirement {
  id: string;
  category: string;
  /** The lowest level that requires it (the level's id). */
  level: string;
  text: Localized;
  /** What closes the gap when it is not implemented. */
  measures: Localized[];
  /** Where the requirement is stated (document, section, page). */
  source: string;
}

export interface FrameworkSource {
  title: string;
  publisher?: string;
  date?: string;
  url?: string;
}

export interface Framework {
  id: string;
  title: Localized;
  version: string;
  publisher: string;
  sources: FrameworkSource[];
  levels: FrameworkLevel[];
  categories: FrameworkCategory[];
  requirements: Requirement[];
  /** What the shipped catalogue lacks and why (e.g. texts not yet public), so an official file can replace it. */
  missing: string[];
  mappings?: { requirement: string; framework: string; target: string }[];
  notes?: string;
}

export const answerValues = ['implemented', 'partial', 'not_implemented', 'not_applicable'] as const;
export type AnswerValue = (typeof answerValues)[number];

export interface Answer {
  answer: AnswerValue;
  /** References to evidence files (names or ids of uploaded files), never their content. */
  evidence?: string[];
  comment?: string;
}

/** Levels from the least to the most demanding. */
export const levelsByRank = (f: Framework): FrameworkLevel[] => [...f.levels].sort((a, b) => a.rank - b.rank);

/** Problems that make a catalogue unusable, each naming the field: duplicate ids, unknown levels or categories. */
export function frameworkProblems(f: Framework): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(f.id))
    problems.push({ field: 'id', message: 'an id is 1–64 characters of a–z, 0–9, ".", "_", "-"' });
  if (f.levels.length === 0)
    problems.push({ field: 'levels', message: 'a catalogue needs at least one level' });
  const levelIds = new Set<string>();
  f.levels.forEach((l, i) => {
    if (levelIds.has(l.id)) problems.push({ field: `levels[${i}].id`, message: `duplicate level "${l.id}"` });
    levelIds.add(l.id);
  });
  const categoryIds = new Set<string>();
  f.categories.forEach((c, i) => {
    if (categoryIds.has(c.id))
      problems.push({ field: `categories[${i}].id`, message: `duplicate category "${c.id}"` });
    categoryIds.add(c.id);
  });
  const requirementIds = new Set<string>();
  f.requirements.forEach((r, i) => {
    if (requirementIds.has(r.id))
      problems.push({ field: `requirements[${i}].id`, message: `duplicate requirement "${r.id}"` });
    requirementIds.add(r.id);
    if (!levelIds.has(r.level))
      problems.push({ field: `requirements[${i}].level`, message: `unknown level "${r.level}"` });
    if (!categoryIds.has(r.category))
      problems.push({ field: `requirements[${i}].category`, message: `unknown category "${r.category}"` });
    if (!r.text.ja && !r.text.en)
      problems.push({ field: `requirements[${i}].text`, message: 'a requirement needs a text (ja or en)' });
    if (!r.source)
      problems.push({ field: `requirements[${i}].source`, message: 'a requirement cites its source' });
  });
  return problems;
}
