import YAML from 'yaml';

/**
 * The scenario editor's form and its translation to and from the scenario file format (docs/scenarios.md).
 * The form covers the common shocks; anything it cannot show (ranges, exposure tables, propagation settings)
 * keeps the scenario in the YAML text view, which is always the saved form. The API validates either way.
 */
export type ShockType = 'export-cut' | 'chokepoint-closure' | 'disaster';

export interface ShockForm {
  type: ShockType;
  /** export-cut: exporter (ISO3, BACI code or name). */
  exporter: string;
  /** export-cut: HS6 codes separated by commas or spaces, or "all". */
  products: string;
  to: 'reporter' | 'all';
  /** chokepoint-closure: passage ids. */
  passages: string[];
  /** disaster: the country. */
  country: string;
  /** Share cut, 0–100 %. */
  sharePercent: number;
  /** Months from the start of the horizon. */
  start: number;
  /** Months. */
  duration: number;
}

export interface ScenarioForm {
  name: string;
  nameJa: string;
  reporter: string;
  /** Base trade year; empty = newest in the dataset. */
  year: string;
  /** Months simulated. */
  horizon: number;
  shocks: ShockForm[];
  /** Days of annual imports held as stock, for every product. */
  stockDefault: number;
  stockProducts: { product: string; days: number }[];
  /** "all", or countries / a group id separated by commas. */
  partners: string;
  likeMinded: string;
  likeMindedFirst: boolean;
  /** Largest share of a partner's exports to third countries it can divert, 0–100 %. */
  substitutionSharePercent: number;
  rampUp: number;
  draws: number;
  seed: number;
}

export function newShock(type: ShockType = 'export-cut'): ShockForm {
  return {
    type,
    exporter: 'CHN',
    products: '',
    to: 'reporter',
    passages: [],
    country: '',
    sharePercent: 100,
    start: 0,
    duration: 6,
  };
}

/**
 * The like-minded partners a new form proposes: the LIKE_MINDED country group (src/data/reference/groups.ts).
 * "Like-minded first" with no like-minded partner would change nothing (issue 27).
 */
export const likeMindedGroup = 'LIKE_MINDED';

/** Ticking "like-minded first" with the partner field empty fills it with the group; the rest is left as typed. */
export function withLikeMindedFirst(form: ScenarioForm, checked: boolean): Partial<ScenarioForm> {
  return checked && form.likeMinded.trim() === ''
    ? { likeMindedFirst: true, likeMinded: likeMindedGroup }
    : { likeMindedFirst: checked };
}

export function newScenarioForm(): ScenarioForm {
  return {
    name: '',
    nameJa: '',
    reporter: 'JPN',
    year: '',
    horizon: 12,
    shocks: [newShock()],
    stockDefault: 0,
    stockProducts: [],
    partners: 'all',
    likeMinded: likeMindedGroup,
    likeMindedFirst: true,
    substitutionSharePercent: 10,
    rampUp: 3,
    draws: 200,
    seed: 1,
  };
}

/** Products split on commas or spaces; countries on commas only ("United States"). */
const list = (text: string, separators = /[\s,、，]+/) =>
  text
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);

/** A list field ("all", a group id, or several names) as the file wants it. */
function countriesValue(text: string): string | string[] | undefined {
  const items = list(text, /[,、，]+/);
  if (items.length === 0) return undefined;
  if (items.length !== 1) return items;
  const one = items[0];
  if (one.toLowerCase() === 'all') return 'all';
  // A group id (LIKE_MINDED, G7): capitals, digits and underscores, not an ISO3 code nor a BACI number.
  if (/^[A-Z0-9_]+$/.test(one) && !/^[A-Z]{3}$/.test(one) && !/^\d+$/.test(one)) return one;
  return items;
}

const round = (v: number, digits = 6) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The form as a scenario document (plain object in the file format). */
export function formToDocument(form: ScenarioForm): Record<string, unknown> {
  const doc: Record<string, unknown> = { name: form.name };
  if (form.nameJa.trim()) doc.nameJa = form.nameJa;
  doc.reporter = form.reporter;
  if (form.year.trim()) doc.year = /^\d+$/.test(form.year.trim()) ? Number(form.year) : form.year;
  doc.horizon = form.horizon;
  doc.shocks = form.shocks.map((s) => {
    const timing = { share: round(s.sharePercent / 100), start: s.start, duration: s.duration };
    if (s.type === 'export-cut') {
      const products = list(s.products);
      return {
        type: s.type,
        exporter: s.exporter,
        products: products.length === 1 && products[0].toLowerCase() === 'all' ? 'all' : products,
        ...timing,
        to: s.to,
      };
    }
    if (s.type === 'chokepoint-closure') return { type: s.type, passages: s.passages, ...timing };
    return { type: s.type, country: s.country, ...timing };
  });
  const stockpiles: Record<string, unknown> = { default: form.stockDefault };
  if (form.stockProducts.length > 0)
    stockpiles.products = Object.fromEntries(form.stockProducts.map((p) => [p.product, p.days]));
  doc.stockpiles = stockpiles;
  const substitution: Record<string, unknown> = { partners: countriesValue(form.partners) ?? 'all' };
  const likeMinded = countriesValue(form.likeMinded);
  if (likeMinded !== undefined && likeMinded !== 'all') substitution.likeMinded = likeMinded;
  substitution.likeMindedFirst = form.likeMindedFirst;
  substitution.share = round(form.substitutionSharePercent / 100);
  substitution.rampUp = form.rampUp;
  doc.substitution = substitution;
  doc.monteCarlo = { draws: form.draws, seed: form.seed };
  return doc;
}

export function formToYaml(form: ScenarioForm): string {
  return YAML.stringify(formToDocument(form));
}

const daysPerMonth = 365 / 12;

/** A duration as months: 6, "6 months", "180 days", "2 years"; undefined when the form cannot hold it. */
function monthsOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(months?|days?|years?|weeks?)?\s*$/i.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'months').toLowerCase();
  if (unit.startsWith('day')) return round(n / daysPerMonth, 4);
  if (unit.startsWith('week')) return round((n * 7) / daysPerMonth, 4);
  if (unit.startsWith('year')) return n * 12;
  return n;
}

/** Days of cover: a number of days or a duration text ("2 months"). */
function daysOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const months = monthsOf(v);
  return months === undefined ? undefined : round(months * daysPerMonth, 2);
}

/** A share (0–1 or "50%") as a percentage. */
function percentOf(v: unknown): number | undefined {
  if (v === undefined) return 100;
  if (typeof v === 'number' && Number.isFinite(v)) return round(v * 100, 4);
  if (typeof v === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(v);
    if (m) return Number(m[1]);
  }
  return undefined;
}

const countriesText = (v: unknown): string | undefined =>
  v === undefined
    ? ''
    : typeof v === 'string'
      ? v
      : Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')
        ? v.join(', ')
        : undefined;

/**
 * Scenario text → form, or the reason the form cannot show it (then the text view edits it). Syntax and
 * semantic errors are left to the API, which names the field; this only decides whether the form can hold it.
 */
export function textToForm(text: string): { form: ScenarioForm } | { unsupported: string } {
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (e) {
    return { unsupported: (e as Error).message.split('\n')[0] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { unsupported: '(top level)' };
  const doc = raw as Record<string, unknown>;
  const known = [
    'name',
    'nameJa',
    'reporter',
    'year',
    'horizon',
    'shocks',
    'stockpiles',
    'substitution',
    'monteCarlo',
  ];
  const extra = Object.keys(doc).find((k) => !known.includes(k));
  if (extra) return { unsupported: extra };
  const form = newScenarioForm();
  form.name = typeof doc.name === 'string' ? doc.name : '';
  form.nameJa = typeof doc.nameJa === 'string' ? doc.nameJa : '';
  form.reporter = doc.reporter === undefined ? 'JPN' : String(doc.reporter);
  form.year = doc.year === undefined ? '' : String(doc.year);
  const horizon = doc.horizon === undefined ? 12 : monthsOf(doc.horizon);
  if (horizon === undefined) return { unsupported: 'horizon' };
  form.horizon = horizon;
  if (!Array.isArray(doc.shocks)) return { unsupported: 'shocks' };
  const shocks: ShockForm[] = [];
  for (const [i, value] of doc.shocks.entries()) {
    const f = `shocks[${i}]`;
    if (!value || typeof value !== 'object') return { unsupported: f };
    const s = value as Record<string, unknown>;
    const type = s.type;
    if (type !== 'export-cut' && type !== 'chokepoint-closure' && type !== 'disaster')
      return { unsupported: `${f}.type` };
    const shock = newShock(type);
    const share = percentOf(s.share);
    if (share === undefined) return { unsupported: `${f}.share` };
    shock.sharePercent = share;
    const start = s.start === undefined ? 0 : monthsOf(s.start);
    if (start === undefined) return { unsupported: `${f}.start` };
    shock.start = start;
    const duration = monthsOf(s.duration);
    if (duration === undefined) return { unsupported: `${f}.duration` };
    shock.duration = duration;
    if (type === 'export-cut') {
      shock.exporter = s.exporter === undefined ? '' : String(s.exporter);
      if (s.products === undefined || s.products === 'all') shock.products = 'all';
      else if (Array.isArray(s.products)) shock.products = s.products.map(String).join(', ');
      else return { unsupported: `${f}.products` };
      shock.to = s.to === 'all' ? 'all' : 'reporter';
    } else if (type === 'chokepoint-closure') {
      const passages = typeof s.passages === 'string' ? [s.passages] : s.passages;
      if (!Array.isArray(passages)) return { unsupported: `${f}.passages` };
      shock.passages = passages.map((p) => String(p).toLowerCase());
    } else {
      shock.country = s.country === undefined ? '' : String(s.country);
    }
    shocks.push(shock);
  }
  form.shocks = shocks;
  const stock = (doc.stockpiles ?? {}) as Record<string, unknown>;
  const stockDefault = stock.default === undefined ? 0 : daysOf(stock.default);
  if (stockDefault === undefined) return { unsupported: 'stockpiles.default' };
  form.stockDefault = stockDefault;
  for (const [product, v] of Object.entries((stock.products ?? {}) as Record<string, unknown>)) {
    const days = daysOf(v);
    if (days === undefined) return { unsupported: `stockpiles.products.${product}` };
    form.stockProducts.push({ product, days });
  }
  const sub = (doc.substitution ?? {}) as Record<string, unknown>;
  const partners = countriesText(sub.partners);
  const likeMinded = countriesText(sub.likeMinded);
  if (partners === undefined) return { unsupported: 'substitution.partners' };
  if (likeMinded === undefined) return { unsupported: 'substitution.likeMinded' };
  form.partners = partners || 'all';
  form.likeMinded = likeMinded;
  form.likeMindedFirst = sub.likeMindedFirst === undefined ? true : sub.likeMindedFirst === true;
  const subShare = sub.share === undefined ? 10 : percentOf(sub.share);
  if (subShare === undefined) return { unsupported: 'substitution.share' };
  form.substitutionSharePercent = subShare;
  const rampUp = sub.rampUp === undefined ? 3 : monthsOf(sub.rampUp);
  if (rampUp === undefined) return { unsupported: 'substitution.rampUp' };
  form.rampUp = rampUp;
  const mc = (doc.monteCarlo ?? {}) as Record<string, unknown>;
  form.draws = typeof mc.draws === 'number' ? mc.draws : 200;
  form.seed = typeof mc.seed === 'number' ? mc.seed : 1;
  return { form };
}

/**
 * The form field an API error names: `shocks[0].products[1]` → `shocks[0].products`,
 * `stockpiles.products.811292` → `stockpiles.products`, `shocks[0]` → `shocks[0].type`; a field the form does
 * not show (propagation, exposure …) gives undefined and the error is shown by the YAML text.
 */
export const formFields = [
  'name',
  'nameJa',
  'reporter',
  'year',
  'horizon',
  'shocks',
  'stockpiles.default',
  'stockpiles.products',
  'substitution.partners',
  'substitution.likeMinded',
  'substitution.likeMindedFirst',
  'substitution.share',
  'substitution.rampUp',
  'monteCarlo.draws',
  'monteCarlo.seed',
] as const;

const shockFields = [
  'type',
  'exporter',
  'products',
  'share',
  'start',
  'duration',
  'to',
  'passages',
  'country',
];

export function formFieldOf(errorField: string | undefined): string | undefined {
  if (!errorField) return undefined;
  const shock = /^shocks\[(\d+)\](?:\.([A-Za-z]+))?/.exec(errorField);
  if (shock) {
    const name = shock[2] ?? 'type';
    return shockFields.includes(name) ? `shocks[${shock[1]}].${name}` : `shocks[${shock[1]}].type`;
  }
  if (errorField.startsWith('stockpiles.products')) return 'stockpiles.products';
  const base = errorField.replace(/\[\d+\]$/, '');
  return (formFields as readonly string[]).find((f) => f === base);
}

/** The English and Japanese names written in a scenario text (a saved version's own names), if readable. */
export function namesOf(text: string): { name?: string; nameJa?: string } {
  try {
    const doc = YAML.parse(text) as Record<string, unknown> | null;
    return {
      name: typeof doc?.name === 'string' ? doc.name : undefined,
      nameJa: typeof doc?.nameJa === 'string' ? doc.nameJa : undefined,
    };
  } catch {
    return {};
  }
}
