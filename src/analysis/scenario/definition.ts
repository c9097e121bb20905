import type { ConcordanceDefinition } from './concordance.ts';
import { ChokepointError, reasonError, type ErrorParams } from '../../errors.ts';
import type { ErrorReason } from '../../errorReasons.ts';
import { fixed, type Range } from './random.ts';

/**
 * A supply-disruption scenario (PRODUCT.md §3.4) as validated from a YAML/JSON file, a form or the API.
 * Times are months from the start of the scenario (1 month = 365/12 days); uncertain figures are ranges
 * [low, high] drawn uniformly in the Monte Carlo run.
 */
export interface CountryRef {
  iso3: string;
  /** BACI / Comtrade numeric codes of the country. */
  codes: number[];
  en: string;
  ja: string;
}

export interface ExportCut {
  type: 'export-cut';
  exporter: CountryRef;
  /** HS6 codes, or 'all' the exporter's products. */
  products: string[] | 'all';
  /** Share of the exports cut, 0–1. */
  share: Range;
  start: number;
  duration: Range;
  /** Cut to the reporter only, or to every importer (then other importers compete for substitutes). */
  to: 'reporter' | 'all';
  field: string;
}

export interface ChokepointClosure {
  type: 'chokepoint-closure';
  passages: string[];
  /** Share of traffic stopped, 0–1 (1 = closed). */
  share: Range;
  start: number;
  duration: Range;
  field: string;
}

export interface Disaster {
  type: 'disaster';
  country: CountryRef;
  /** Share of all the country's exports lost, 0–1. */
  share: Range;
  start: number;
  duration: Range;
  field: string;
}

export type Shock = ExportCut | ChokepointClosure | Disaster;

/** Share of the imports from a partner (of one product, or all) that passes a passage. */
export interface PassageExposure {
  passage: string;
  partner: CountryRef;
  product: string | 'all';
  share: number;
}

export interface SubstitutionRules {
  /** Partners allowed to ramp up: every exporter, or those listed. */
  partners: 'all' | CountryRef[];
  likeMinded: CountryRef[];
  /** Take like-minded partners' capacity before others'. */
  likeMindedFirst: boolean;
  /** Largest share of a partner's exports to third countries it can divert to the reporter. */
  share: Range;
  /** Months for a partner to reach that share (linear ramp); also the time the disrupted supply takes to return. */
  rampUp: Range;
}

export interface PropagationSettings {
  /** io-table dataset id (default: the newest). */
  ioTable?: string;
  /**
   * Concordance HS6 → IO sectors: the id of a shipped concordance or of an imported one (a dataset of kind
   * 'concordance', marked like any dataset), or the definition itself, inline and bounded in size. Never a file:
   * a scenario comes from users, and the server reads no file a request names.
   */
  concordance?: string | ConcordanceDefinition;
  /** Yen (or the table's currency) per US dollar to convert trade values into table units. */
  exchangeRate: number;
  /** Industry's own inventories of each input, days of use (ARIO). */
  inventoryDays: Range;
}

export interface ScenarioDefinition {
  name: string;
  nameJa?: string;
  description?: string;
  reporter: CountryRef;
  /** Base trade year (default: the newest in the dataset). */
  year?: number;
  /** Months simulated. */
  horizon: number;
  shocks: Shock[];
  /** National stockpile, days of imports, per product; `defaultDays` for the others. */
  stockpiles: { defaultDays: Range; products: Record<string, Range> };
  substitution: SubstitutionRules;
  exposure: PassageExposure[];
  propagation: PropagationSettings;
  monteCarlo: { draws: number; seed: number };
}

export interface ScenarioLookup {
  country(text: string): CountryRef | undefined;
  /** Members of a named country group (e.g. like-minded), or undefined if there is no such group. */
  group?(name: string): CountryRef[] | undefined;
  /** Known passage names (suez, malacca, ormuz, …). */
  passages: readonly string[];
}

const daysPerMonth = 365 / 12;

type Raw = Record<string, unknown>;

class Reader {
  constructor(readonly file?: string) {}

  fail(field: string, message: string): never {
    throw new ChokepointError('bad_input', message, { file: this.file, field });
  }

  /** Fails with a reason the web app translates (src/errorReasons.ts); the message is its English text. */
  failBecause(field: string, reason: ErrorReason, params: ErrorParams = {}): never {
    throw reasonError('bad_input', reason, params, { file: this.file, field });
  }

  object(value: unknown, field: string): Raw {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      this.failBecause(field, 'value.object');
    return value as Raw;
  }

  known(obj: Raw, field: string, keys: string[]): void {
    for (const k of Object.keys(obj)) {
      if (!keys.includes(k))
        this.failBecause(field ? `${field}.${k}` : k, 'value.unknown_field', { expected: keys.join(', ') });
    }
  }

  string(value: unknown, field: string): string {
    if (typeof value !== 'string' || value.trim() === '') this.failBecause(field, 'value.non_empty_text');
    return value.trim();
  }

  number(value: unknown, field: string, min: number, max = Infinity): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.failBecause(field, 'value.number');
    if (value < min || value > max) {
      if (max === Infinity) this.failBecause(field, 'value.at_least', { min, got: value });
      this.failBecause(field, 'value.between', { min, max, got: value });
    }
    return value;
  }

  /** A number, or [low, high]. */
  range(
    value: unknown,
    field: string,
    min: number,
    max = Infinity,
    unit?: (v: unknown, f: string) => number,
  ): Range {
    const one = unit ?? ((v: unknown, f: string) => this.number(v, f, min, max));
    if (Array.isArray(value)) {
      if (value.length !== 2) this.failBecause(field, 'value.range');
      const low = one(value[0], `${field}[0]`);
      const high = one(value[1], `${field}[1]`);
      if (low > high) this.failBecause(field, 'value.range_order', { low, high });
      return { low, high };
    }
    return fixed(one(value, field));
  }

  /** A duration in months: a number (months) or text "6 months", "180 days", "2 weeks". */
  months(value: unknown, field: string): number {
    let months: number;
    if (typeof value === 'number') months = value;
    else if (typeof value === 'string') {
      const m = /^\s*(-?[0-9]+(?:\.[0-9]+)?)\s*(months?|days?|weeks?|years?|[mdwy])?\s*$/i.exec(value);
      if (!m) this.failBecause(field, 'value.not_duration', { text: value });
      const n = Number(m[1]);
      const u = (m[2] ?? 'months').toLowerCase()[0];
      months = u === 'd' ? n / daysPerMonth : u === 'w' ? (7 * n) / daysPerMonth : u === 'y' ? 12 * n : n;
    } else this.failBecause(field, 'value.duration');
    if (!Number.isFinite(months) || months < 0)
      this.failBecause(field, 'value.not_negative', { got: String(value) });
    return months;
  }

  share(value: unknown, field: string): Range {
    return this.range(value, field, 0, 1, (v, f) => {
      if (typeof v === 'string' && /^\s*[0-9.]+\s*%\s*$/.test(v))
        return this.number(Number(v.replace('%', '')) / 100, f, 0, 1);
      return this.number(v, f, 0, 1);
    });
  }
}

function countryOf(r: Reader, lookup: ScenarioLookup, value: unknown, field: string): CountryRef {
  const text = typeof value === 'number' ? String(value) : r.string(value, field);
  const c = lookup.country(text);
  if (!c) r.failBecause(field, 'value.unknown_country', { text });
  return c;
}

function countriesOf(r: Reader, lookup: ScenarioLookup, value: unknown, field: string): CountryRef[] {
  if (typeof value === 'string' && lookup.group?.(value)) return lookup.group(value)!;
  if (!Array.isArray(value)) r.fail(field, 'must be a list of countries or the name of a country group');
  return value.map((v, i) => countryOf(r, lookup, v, `${field}[${i}]`));
}

function productOf(r: Reader, value: unknown, field: string): string {
  const text = typeof value === 'number' ? String(value).padStart(6, '0') : r.string(value, field);
  if (!/^[0-9]{6}$/.test(text)) r.failBecause(field, 'value.hs6', { text });
  return text;
}

/** Bounds of an inline concordance: far above any real one (the shipped HS → 13-sector map has 97 keys). */
export const inlineConcordanceLimits = { entries: 20_000, textLength: 500 };

const referencePattern = /^[a-z0-9][a-z0-9._-]{0,63}$/;

function concordanceOf(r: Reader, value: unknown): string | ConcordanceDefinition {
  const field = 'propagation.concordance';
  if (typeof value === 'string') {
    const ref = r.string(value, field);
    if (!referencePattern.test(ref)) {
      r.fail(
        field,
        `"${ref.slice(0, 80)}" is not a concordance id (a shipped or imported concordance, e.g. hs-io-japan-13); ` +
          'a file is imported first (chokepoint io concordance FILE) or given inline',
      );
    }
    return ref;
  }
  const def = r.object(value, field);
  r.known(def, field, ['id', 'table', 'source', 'groups', 'map']);
  const text = (v: unknown, f: string) => {
    const t = r.string(v, f);
    if (t.length > inlineConcordanceLimits.textLength)
      r.fail(f, `must be at most ${inlineConcordanceLimits.textLength} characters`);
    return t;
  };
  const entries = (v: unknown, f: string) => {
    const o = r.object(v, f);
    const n = Object.keys(o).length;
    if (n > inlineConcordanceLimits.entries)
      r.fail(
        f,
        `has ${n} entries; an inline concordance may have at most ${inlineConcordanceLimits.entries}`,
      );
    return o;
  };
  const map: Record<string, string> = {};
  for (const [k, v] of Object.entries(entries(def.map, `${field}.map`)))
    map[k] = typeof v === 'number' ? String(v) : text(v, `${field}.map.${k}`);
  let groups: Record<string, string[]> | undefined;
  if (def.groups !== undefined) {
    groups = {};
    let members = 0;
    for (const [name, list] of Object.entries(entries(def.groups, `${field}.groups`))) {
      if (!Array.isArray(list)) r.fail(`${field}.groups.${name}`, 'must be a list of HS prefixes or @groups');
      members += list.length;
      if (members > inlineConcordanceLimits.entries)
        r.fail(`${field}.groups`, `may list at most ${inlineConcordanceLimits.entries} members in all`);
      groups[name] = list.map((m, i) => text(m, `${field}.groups.${name}[${i}]`));
    }
  }
  return {
    id: text(def.id, `${field}.id`),
    table: text(def.table, `${field}.table`),
    source: text(def.source, `${field}.source`),
    ...(groups ? { groups } : {}),
    map,
  };
}

/** Validates a parsed scenario file; every error names its field as a path (`shocks[0].duration`). */
export function validateScenario(raw: unknown, lookup: ScenarioLookup, file?: string): ScenarioDefinition {
  const r: Reader = new Reader(file);
  const top = r.object(raw, '');
  r.known(top, '', [
    'name',
    'nameJa',
    'description',
    'reporter',
    'year',
    'horizon',
    'shocks',
    'stockpiles',
    'substitution',
    'exposure',
    'propagation',
    'monteCarlo',
  ]);
  const horizon = top.horizon === undefined ? 12 : r.months(top.horizon, 'horizon');
  if (horizon <= 0 || horizon > 120)
    r.fail('horizon', `must be more than 0 and at most 120 months (got ${horizon})`);
  if (!Array.isArray(top.shocks) || top.shocks.length === 0) r.fail('shocks', 'must list at least one shock');
  const timing = (s: Raw, f: string) => ({
    start: s.start === undefined ? 0 : r.months(s.start, `${f}.start`),
    duration: r.range(s.duration, `${f}.duration`, 0, Infinity, (v, g) => r.months(v, g)),
  });
  const shocks: Shock[] = top.shocks.map((value, i): Shock => {
    const f = `shocks[${i}]`;
    const s = r.object(value, f);
    if (s.duration === undefined) r.failBecause(`${f}.duration`, 'value.required');
    const type = r.string(s.type, `${f}.type`);
    if (type === 'export-cut') {
      r.known(s, f, ['type', 'exporter', 'products', 'share', 'start', 'duration', 'to']);
      const products =
        s.products === undefined || s.products === 'all'
          ? 'all'
          : Array.isArray(s.products) && s.products.length > 0
            ? s.products.map((p, j) => productOf(r, p, `${f}.products[${j}]`))
            : r.fail(`${f}.products`, 'must be "all" or a non-empty list of HS6 codes');
      const to = (s.to === undefined ? 'reporter' : r.string(s.to, `${f}.to`)) as 'reporter' | 'all';
      if (to !== 'reporter' && to !== 'all') r.fail(`${f}.to`, 'must be "reporter" or "all"');
      return {
        type,
        exporter: countryOf(r, lookup, s.exporter, `${f}.exporter`),
        products,
        share: s.share === undefined ? fixed(1) : r.share(s.share, `${f}.share`),
        ...timing(s, f),
        to,
        field: f,
      };
    }
    if (type === 'chokepoint-closure') {
      r.known(s, f, ['type', 'passages', 'share', 'start', 'duration']);
      const list = typeof s.passages === 'string' ? [s.passages] : s.passages;
      if (!Array.isArray(list) || list.length === 0)
        r.fail(`${f}.passages`, 'must list at least one passage');
      const passages = list.map((p, j) => {
        const name = r.string(p, `${f}.passages[${j}]`).toLowerCase();
        if (!lookup.passages.includes(name))
          r.fail(`${f}.passages[${j}]`, `unknown passage "${name}" (known: ${lookup.passages.join(', ')})`);
        return name;
      });
      return {
        type,
        passages,
        share: s.share === undefined ? fixed(1) : r.share(s.share, `${f}.share`),
        ...timing(s, f),
        field: f,
      };
    }
    if (type === 'disaster') {
      r.known(s, f, ['type', 'country', 'share', 'start', 'duration']);
      return {
        type,
        country: countryOf(r, lookup, s.country, `${f}.country`),
        share: r.share(s.share, `${f}.share`),
        ...timing(s, f),
        field: f,
      };
    }
    return r.fail(
      `${f}.type`,
      `unknown shock type "${type}" (expected export-cut, chokepoint-closure or disaster)`,
    );
  });

  const stock = top.stockpiles === undefined ? {} : r.object(top.stockpiles, 'stockpiles');
  r.known(stock, 'stockpiles', ['default', 'products']);
  const stockDays = (v: unknown, f: string) =>
    r.range(v, f, 0, Infinity, (x, g) => r.months(x, g) * daysPerMonth);
  const daysOf = (v: unknown, f: string) =>
    typeof v === 'number' || (Array.isArray(v) && v.every((x) => typeof x === 'number'))
      ? r.range(v, f, 0)
      : stockDays(v, f);
  const stockProducts: Record<string, Range> = {};
  if (stock.products !== undefined) {
    for (const [k, v] of Object.entries(r.object(stock.products, 'stockpiles.products'))) {
      stockProducts[productOf(r, k, `stockpiles.products.${k}`)] = daysOf(v, `stockpiles.products.${k}`);
    }
  }

  const sub = top.substitution === undefined ? {} : r.object(top.substitution, 'substitution');
  r.known(sub, 'substitution', ['partners', 'likeMinded', 'likeMindedFirst', 'share', 'rampUp']);
  const substitution: SubstitutionRules = {
    partners:
      sub.partners === undefined || sub.partners === 'all'
        ? 'all'
        : countriesOf(r, lookup, sub.partners, 'substitution.partners'),
    likeMinded:
      sub.likeMinded === undefined ? [] : countriesOf(r, lookup, sub.likeMinded, 'substitution.likeMinded'),
    likeMindedFirst: sub.likeMindedFirst === undefined ? true : sub.likeMindedFirst === true,
    share: sub.share === undefined ? fixed(0.1) : r.share(sub.share, 'substitution.share'),
    rampUp:
      sub.rampUp === undefined
        ? fixed(3)
        : r.range(sub.rampUp, 'substitution.rampUp', 0, Infinity, (v, g) => r.months(v, g)),
  };

  const exposure: PassageExposure[] = [];
  if (top.exposure !== undefined) {
    if (!Array.isArray(top.exposure))
      r.fail('exposure', 'must be a list of {passage, partner, product, share}');
    top.exposure.forEach((value, i) => {
      const f = `exposure[${i}]`;
      const e = r.object(value, f);
      r.known(e, f, ['passage', 'partner', 'product', 'share']);
      const passage = r.string(e.passage, `${f}.passage`).toLowerCase();
      if (!lookup.passages.includes(passage)) r.fail(`${f}.passage`, `unknown passage "${passage}"`);
      exposure.push({
        passage,
        partner: countryOf(r, lookup, e.partner, `${f}.partner`),
        product:
          e.product === undefined || e.product === 'all' ? 'all' : productOf(r, e.product, `${f}.product`),
        share: r.number(e.share, `${f}.share`, 0, 1),
      });
    });
  }

  const prop = top.propagation === undefined ? {} : r.object(top.propagation, 'propagation');
  r.known(prop, 'propagation', ['ioTable', 'concordance', 'exchangeRate', 'inventoryDays']);
  const mc = top.monteCarlo === undefined ? {} : r.object(top.monteCarlo, 'monteCarlo');
  r.known(mc, 'monteCarlo', ['draws', 'seed']);
  const year = top.year === undefined ? undefined : r.number(top.year, 'year', 1988, 2100);
  if (year !== undefined && !Number.isInteger(year)) r.fail('year', 'must be a whole year');

  return {
    name: r.string(top.name, 'name'),
    nameJa: top.nameJa === undefined ? undefined : r.string(top.nameJa, 'nameJa'),
    description: top.description === undefined ? undefined : r.string(top.description, 'description'),
    reporter: countryOf(r, lookup, top.reporter ?? 'JPN', 'reporter'),
    year,
    horizon,
    shocks,
    stockpiles: {
      defaultDays: stock.default === undefined ? fixed(0) : daysOf(stock.default, 'stockpiles.default'),
      products: stockProducts,
    },
    substitution,
    exposure,
    propagation: {
      ioTable: prop.ioTable === undefined ? undefined : r.string(prop.ioTable, 'propagation.ioTable'),
      concordance: prop.concordance === undefined ? undefined : concordanceOf(r, prop.concordance),
      // Bank of Japan, 2011 average interbank rate ≈ 79.8 yen per dollar: the year of the default Japanese table.
      exchangeRate:
        prop.exchangeRate === undefined
          ? 79.8
          : r.number(prop.exchangeRate, 'propagation.exchangeRate', 1e-9),
      inventoryDays:
        prop.inventoryDays === undefined
          ? fixed(30)
          : daysOf(prop.inventoryDays, 'propagation.inventoryDays'),
    },
    monteCarlo: {
      draws: mc.draws === undefined ? 200 : r.number(mc.draws, 'monteCarlo.draws', 0, 100_000),
      seed: mc.seed === undefined ? 1 : r.number(mc.seed, 'monteCarlo.seed', 0),
    },
  };
}
