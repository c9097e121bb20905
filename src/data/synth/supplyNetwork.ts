import type { SupplyColumns } from '../../analysis/network/supplyGraph.ts';
import { countryByBaciCode } from '../reference/countries.ts';
import { baciCountryCodes, generatedProductCodes, rng } from './baci.ts';
import type { SupplierRow } from '../network/validateSubmission.ts';

/**
 * A SYNTHETIC multi-company supply network — never real companies or suppliers — for demos and the benchmark
 * (bench/networkSpof.ts), in the columns of src/analysis/network/supplyGraph.ts. Shape, not figures, imitates
 * what companies report:
 * - products: `products` HS6 codes (the generated BACI-style codes of synth/baci.ts, or the caller's), bought by
 *   companies with Zipf popularity (a few inputs such as chips and magnets are bought by many);
 * - each product has its own small pool of tier-1 makers and a smaller pool of tier-2 input producers (so
 *   different companies' tier-1s converge upstream: hidden concentration), drawn Zipf within the pool;
 * - supplier countries: Zipf over the largest traders first (synth/baci.ts order), or, when `countryWeights`
 *   gives a product's real exporter shares (e.g. from BACI), drawn by those shares;
 * - a company buys 1–3 products from 1–4 tier-1 suppliers each (shares: a random split of 80–100 % of its
 *   purchases, the rest unknown; with an edge target, further passes add products until it is reached); about half of the tier-1 lines carry 1–3 tier-2 lines known to the company.
 * Deterministic: the same options give the same network (sfc32 seeded by splitmix32).
 */
export const supplyNetworkGenerator = 'chokepoint-synth-supply-network/1';

export interface SupplyNetworkOptions {
  companies: number;
  /** Stop adding companies' lines once this many edges exist (default: as many as the companies make). */
  edges?: number;
  seed?: number;
  products?: number;
  /** A product's supplier countries (ISO3) with weights, e.g. its exporters' shares in real trade. */
  countryWeights?: (hs6: string) => { country: string; weight: number }[] | undefined;
}

/** The largest suppliers of manufactured inputs first (then every other BACI country). */
const supplierCountries = [
  'CHN',
  'USA',
  'DEU',
  'JPN',
  'KOR',
  'TWN',
  'VNM',
  'MYS',
  'THA',
  'IND',
  'MEX',
  'ITA',
  'FRA',
  'NLD',
  'SGP',
  'IDN',
  'CAN',
  'GBR',
  'PHL',
  'AUS',
  'CHE',
  'BEL',
  'ESP',
  'POL',
  'CZE',
  'BRA',
  'TUR',
  'SWE',
];

const syllables = [
  'ka',
  'to',
  'ri',
  'me',
  'su',
  'no',
  'ha',
  'yu',
  'ze',
  'lo',
  'pa',
  'vi',
  'ga',
  'ne',
  'shi',
  'mo',
  'ra',
  'de',
  'bu',
  'ki',
  'fo',
  'wa',
  'te',
  'jo',
];
const trades = [
  'Metals',
  'Chemical',
  'Electronics',
  'Materials',
  'Precision',
  'Mining',
  'Polymers',
  'Components',
  'Alloys',
  'Ceramics',
];

/**
 * A made-up supplier name, distinct per index and marked SYNTHETIC ("Karime Metals SYNTHETIC"): invented words
 * rather than numbers, which the party matcher would take for one supplier spelt differently. The index is
 * spread by a multiplicative hash, so neighbouring suppliers do not differ by one syllable.
 */
export function supplierName(index: number): string {
  const n = syllables.length;
  const code = Math.imul(index + 1, 0x9e3779b1) >>> 0;
  const spread = code % (n * n * n * trades.length);
  const word = [0, 1, 2].map((k) => syllables[Math.floor(spread / n ** k) % n]).join('');
  return `${word[0].toUpperCase()}${word.slice(1)} ${trades[Math.floor(spread / n ** 3) % trades.length]} SYNTHETIC`;
}

const zipfIndex = (random: () => number, n: number, s = 1.1): number => {
  // Inverse-CDF draw of a truncated Zipf rank by rejection-free approximation: rank ≈ n^u skewed by s.
  const u = random();
  return Math.min(n - 1, Math.floor(Math.pow(n + 1, Math.pow(u, s)) - 1));
};

export function syntheticSupplyNetwork(options: SupplyNetworkOptions): SupplyColumns {
  const random = rng(options.seed ?? 24);
  const allCodes = generatedProductCodes();
  const productCount = Math.min(options.products ?? 1000, allCodes.length);
  const products: string[] = [];
  for (let i = 0; i < productCount; i++)
    products.push(allCodes[Math.floor((i * allCodes.length) / productCount)]);
  const largestFirst = [
    ...supplierCountries,
    ...baciCountryCodes.map((c) => countryByBaciCode(c)?.iso3).filter((c): c is string => Boolean(c)),
  ].filter((c, i, all) => all.indexOf(c) === i);
  const countries: string[] = [];
  const countryIndex = new Map<string, number>();
  const countryOf = (iso3: string) => {
    let i = countryIndex.get(iso3);
    if (i === undefined) countryIndex.set(iso3, (i = countries.push(iso3) - 1));
    return i;
  };
  // Supplier entities: per product a pool of tier-1 makers and of tier-2 producers, each in one country.
  const entities: string[] = [];
  const entityCountry: number[] = [];
  const pickCountry = (hs6: string): number => {
    const weights = options.countryWeights?.(hs6);
    if (weights?.length) {
      const total = weights.reduce((s, w) => s + w.weight, 0);
      let u = random() * total;
      for (const w of weights) if ((u -= w.weight) <= 0) return countryOf(w.country);
      return countryOf(weights[weights.length - 1].country);
    }
    return countryOf(largestFirst[zipfIndex(random, Math.min(60, largestFirst.length))]);
  };
  const pool = (hs6: string, size: number): number[] =>
    Array.from({ length: size }, () => {
      entityCountry.push(pickCountry(hs6));
      return entities.push(supplierName(entities.length)) - 1;
    });
  const tier1Pools = products.map((p) => pool(p, 8 + Math.floor(random() * 40)));
  const tier2Pools = products.map((p) => pool(p, 3 + Math.floor(random() * 10)));
  const ports = countries.map((c) => `${c.slice(0, 2)}P01 (SYNTHETIC)`);

  const target = options.edges ?? Number.POSITIVE_INFINITY;
  const cap = Number.isFinite(target) ? target : options.companies * 40;
  const company = new Int32Array(cap);
  const entity = new Int32Array(cap);
  const ownProduct = new Int32Array(cap);
  const site = new Int32Array(cap);
  const port = new Int32Array(cap);
  const country = new Int32Array(cap);
  const tier = new Uint8Array(cap);
  const parent = new Int32Array(cap);
  const share = new Float64Array(cap);
  let n = 0;
  const split = (k: number, total: number): number[] => {
    const raw = Array.from({ length: k }, () => 0.1 + random());
    const sum = raw.reduce((s, x) => s + x, 0);
    return raw.map((x) => (x / sum) * total);
  };
  const add = (c: number, e: number, p: number, t: number, par: number, s: number) => {
    company[n] = c;
    entity[n] = e;
    ownProduct[n] = p;
    // Two sites per supplier entity; a third of the lines name no site.
    site[n] = random() < 0.33 ? -1 : e * 2 + (random() < 0.7 ? 0 : 1);
    port[n] = random() < 0.5 ? -1 : entityCountry[e];
    country[n] = entityCountry[e];
    tier[n] = t;
    parent[n] = par;
    share[n] = s;
    return n++;
  };
  const companies = Array.from(
    { length: options.companies },
    (_x, c) => `synth-co-${String(c + 1).padStart(6, '0')}`,
  );
  // Every company once; with an edge target, further passes add products to companies until it is reached.
  const passes = Number.isFinite(target) ? 8 : 1;
  const boughtBefore = new Set<number>();
  for (let i = 0; i < options.companies * passes && n < cap; i++) {
    const c = i % options.companies;
    const bought = new Set<number>();
    const m = 1 + Math.floor(random() * 3);
    while (bought.size < m) bought.add(zipfIndex(random, productCount));
    for (const p of bought) {
      // A product once per company (its shares add up to at most 1).
      if (boughtBefore.has(c * productCount + p)) continue;
      boughtBefore.add(c * productCount + p);
      const k1 = 1 + Math.floor(random() * 4);
      const chosen = new Set<number>();
      while (chosen.size < Math.min(k1, tier1Pools[p].length))
        chosen.add(tier1Pools[p][zipfIndex(random, tier1Pools[p].length)]);
      const shares = split(chosen.size, 0.8 + 0.2 * random());
      [...chosen].forEach((e, i) => {
        if (n >= cap) return;
        const line = add(c, e, p, 1, -1, shares[i]);
        if (random() < 0.5) {
          const k2 = 1 + Math.floor(random() * 3);
          const ups = new Set<number>();
          while (ups.size < Math.min(k2, tier2Pools[p].length))
            ups.add(tier2Pools[p][zipfIndex(random, tier2Pools[p].length)]);
          const input = zipfIndex(random, productCount);
          const upShares = split(ups.size, 0.7 + 0.3 * random());
          [...ups].forEach((u, j) => {
            if (n < cap) add(c, u, input, 2, line, upShares[j]);
          });
        }
      });
    }
  }
  const cut = <T extends Int32Array | Uint8Array | Float64Array>(a: T) => a.subarray(0, n) as T;
  return {
    companies,
    entities,
    products,
    sites: Array.from({ length: entities.length * 2 }, (_x, i) => `${entities[i >> 1]}|site ${(i & 1) + 1}`),
    ports,
    countries,
    company: cut(company),
    entity: cut(entity),
    ownProduct: cut(ownProduct),
    site: cut(site),
    port: cut(port),
    country: cut(country),
    tier: cut(tier),
    parent: cut(parent),
    share: cut(share),
  };
}

/** Each company's lines of a SYNTHETIC network as submission supplier rows, by company index (one pass). */
export function syntheticSubmissionRows(cols: SupplyColumns): Map<number, SupplierRow[]> {
  const byCompany = new Map<number, SupplierRow[]>();
  for (let e = 0; e < cols.company.length; e++) {
    let rows = byCompany.get(cols.company[e]);
    if (!rows) byCompany.set(cols.company[e], (rows = []));
    rows.push({
      row: rows.length + 2,
      ref: `L${e}`,
      tier: cols.tier[e],
      via: cols.parent[e] < 0 ? null : `L${cols.parent[e]}`,
      ownSite: null,
      name: cols.entities[cols.entity[e]],
      country: cols.countries[cols.country[e]],
      site: cols.site[e] < 0 ? null : cols.sites[cols.site[e]].split('|')[1],
      port: cols.port[e] < 0 ? null : cols.ports[cols.port[e]],
      hs6: cols.products[cols.ownProduct[e]],
      share: cols.share[e],
      alternatives: null,
      leadTimeDays: null,
      inventoryDays: null,
    });
  }
  return byCompany;
}
