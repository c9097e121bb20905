import type { ScenarioDefinition } from '../scenario/definition.ts';
import { midpoint, type Range } from '../scenario/random.ts';
import { ChokepointError } from '../../errors.ts';
import type { Bilingual } from './exercise.ts';

/**
 * What a decision changes in the scenario, so that the facilitator can run it again with the decisions applied
 * and show the outcome beside the original (PRODUCT.md §3.5). Each kind is expressed with what the scenario
 * model has (docs/scenarios.md); where that is an approximation, `adjustScenario` says so in its notes:
 * - stockpile release: `days` more national stock cover (days of the product's annual imports);
 * - substitution from like-minded partners: the partners join `substitution.likeMinded` (taken first) and the
 *   share of their exports to others they may divert rises to `share` when given;
 * - demand restraint: the reporter needs `share` less of the product while the shock lasts. The model has no
 *   demand term, so this is stock cover of share × (longest shock duration) — the imports not needed — and shows
 *   in the results as stock drawn, not as less lost;
 * - rerouting: a `share` of the traffic of closed passages finds another route; closures cut (1 − share) of what
 *   they cut before. The longer voyage is not modelled (no delay, no freight cost).
 */
export type Adjustment =
  | { kind: 'stockpile-release'; products: string[] | 'all'; days: number }
  | { kind: 'like-minded-substitution'; partners: string[]; share: number | null }
  | { kind: 'demand-restraint'; products: string[] | 'all'; share: number }
  | { kind: 'rerouting'; passages: string[] | 'all'; share: number };

export const adjustmentKinds = [
  'stockpile-release',
  'like-minded-substitution',
  'demand-restraint',
  'rerouting',
] as const satisfies readonly Adjustment['kind'][];

export const adjustmentNames: Record<Adjustment['kind'], Bilingual> = {
  'stockpile-release': { ja: '備蓄の放出', en: 'stockpile release' },
  'like-minded-substitution': { ja: '同志国からの代替調達', en: 'substitution from like-minded partners' },
  'demand-restraint': { ja: '需要抑制', en: 'demand restraint' },
  rerouting: { ja: '輸送経路の変更', en: 'rerouting' },
};

const daysPerMonth = 365 / 12;
type Raw = Record<string, unknown>;

const rangeValue = (r: Range): number | [number, number] => (r.low === r.high ? r.low : [r.low, r.high]);
const shift = (r: Range, by: number): Range => ({ low: r.low + by, high: r.high + by });
const scale = (r: Range, by: number): Range => ({ low: r.low * by, high: r.high * by });

function object(value: unknown): Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Raw) } : {};
}

/** Checks one adjustment as it comes from a decision (JSON), naming the field. */
export function validateAdjustment(raw: unknown, field: string): Adjustment {
  const fail = (f: string, message: string): never => {
    throw new ChokepointError('bad_input', message, { field: `${field}${f}` });
  };
  const a = object(raw);
  const share = (v: unknown, f: string) =>
    typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? v : fail(f, 'must be a share 0–1');
  const list = (v: unknown, f: string, pattern: RegExp, what: string): string[] | 'all' => {
    if (v === 'all') return 'all';
    if (!Array.isArray(v) || v.length === 0 || v.length > 200)
      return fail(f, `must be "all" or a list of ${what}`);
    return v.map((x, i) =>
      typeof x === 'string' && pattern.test(x) ? x : fail(`${f}[${i}]`, `"${String(x)}" is not ${what}`),
    );
  };
  switch (a.kind) {
    case 'stockpile-release': {
      const days = a.days;
      if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0 || days > 3650)
        return fail('.days', 'must be days of cover, more than 0 and at most 3650');
      return { kind: a.kind, products: list(a.products, '.products', /^[0-9]{6}$/, 'HS6 codes'), days };
    }
    case 'like-minded-substitution': {
      const partners = list(a.partners, '.partners', /^[A-Z]{3}$/, 'ISO3 country codes');
      if (partners === 'all') return fail('.partners', 'name the partners (ISO3 codes)');
      return {
        kind: a.kind,
        partners,
        share: a.share === undefined || a.share === null ? null : share(a.share, '.share'),
      };
    }
    case 'demand-restraint':
      return {
        kind: a.kind,
        products: list(a.products, '.products', /^[0-9]{6}$/, 'HS6 codes'),
        share: share(a.share, '.share'),
      };
    case 'rerouting':
      return {
        kind: a.kind,
        passages: list(a.passages, '.passages', /^[a-z_]{2,20}$/, 'passage names'),
        share: share(a.share, '.share'),
      };
    default:
      return fail('.kind', `unknown adjustment "${String(a.kind)}" (expected ${adjustmentKinds.join(', ')})`);
  }
}

/**
 * The scenario file (as parsed, `raw`) with the adjustments applied, read against its validated `definition`
 * (ranges, groups resolved). Returns the new file content and a note per adjustment on how it was modelled.
 */
export function adjustScenario(
  raw: Raw,
  definition: ScenarioDefinition,
  adjustments: readonly Adjustment[],
): { raw: Raw; notes: Bilingual[] } {
  const out: Raw = { ...raw };
  const stock = object(out.stockpiles);
  const stockProducts = object(stock.products);
  // Stock cover in days per product as the definition has it, raised by each adjustment in turn.
  const cover = new Map<string, Range>(Object.entries(definition.stockpiles.products));
  let defaultCover = definition.stockpiles.defaultDays;
  const notes: Bilingual[] = [];
  const addCover = (products: string[] | 'all', days: number) => {
    if (products === 'all') {
      defaultCover = shift(defaultCover, days);
      for (const [p, r] of cover) cover.set(p, shift(r, days));
    } else for (const p of products) cover.set(p, shift(cover.get(p) ?? defaultCover, days));
  };
  const longestShock = Math.max(0, ...definition.shocks.map((s) => midpoint(s.duration)));
  let shocks = definition.shocks.map((s) => s.share);
  const substitution = object(out.substitution);

  for (const a of adjustments) {
    const what =
      a.kind === 'like-minded-substitution' || a.kind === 'rerouting'
        ? { ja: '', en: '' }
        : productsText(a.products);
    if (a.kind === 'stockpile-release') {
      addCover(a.products, a.days);
      notes.push({
        ja: `備蓄の放出: ${what.ja}に${a.days}日分の在庫を追加`,
        en: `Stockpile release: ${a.days} more days of cover for ${what.en}`,
      });
    } else if (a.kind === 'demand-restraint') {
      const days = a.share * longestShock * daysPerMonth;
      addCover(a.products, days);
      notes.push({
        ja: `需要抑制 ${pct(a.share)}(${what.ja}): 最長の途絶期間 ${longestShock.toFixed(1)} か月の不要となる輸入 ${days.toFixed(0)} 日分を在庫として計上(結果では在庫取り崩しに表れる)`,
        en: `Demand restraint of ${pct(a.share)} for ${what.en}: the imports not needed over the longest shock (${longestShock.toFixed(1)} months), ${days.toFixed(0)} days, counted as stock cover (shows as stock drawn)`,
      });
    } else if (a.kind === 'like-minded-substitution') {
      const current = definition.substitution.likeMinded.map((c) => c.iso3);
      const listed = Array.isArray(substitution.likeMinded) ? (substitution.likeMinded as string[]) : current;
      substitution.likeMinded = [...new Set([...listed, ...a.partners])];
      substitution.likeMindedFirst = true;
      if (a.share !== null) {
        const s = definition.substitution.share;
        substitution.share = rangeValue({ low: Math.max(s.low, a.share), high: Math.max(s.high, a.share) });
      }
      notes.push({
        ja: `同志国からの代替調達: ${a.partners.join(', ')} を優先${a.share === null ? '' : `、転用可能な輸出の割合 ${pct(a.share)}`}`,
        en: `Substitution from like-minded partners ${a.partners.join(', ')}, taken first${a.share === null ? '' : `, up to ${pct(a.share)} of their exports to others`}`,
      });
    } else {
      let reached = 0;
      shocks = shocks.map((share, i) => {
        const s = definition.shocks[i];
        if (s.type !== 'chokepoint-closure') return share;
        if (a.passages !== 'all' && !s.passages.some((p) => a.passages.includes(p))) return share;
        reached++;
        return scale(share, 1 - a.share);
      });
      notes.push(
        reached === 0
          ? {
              ja: '輸送経路の変更: シナリオに該当する海峡封鎖がなく、変化なし',
              en: 'Rerouting: the scenario closes none of these passages; nothing changes',
            }
          : {
              ja: `輸送経路の変更: 封鎖された航路の貨物の ${pct(a.share)} が迂回(航海の延長は考慮しない)`,
              en: `Rerouting: ${pct(a.share)} of the closed passages' traffic takes another route (the longer voyage is not modelled)`,
            },
      );
    }
  }
  for (const [p, r] of cover) stockProducts[p] = rangeValue(r);
  if (Object.keys(stockProducts).length) stock.products = stockProducts;
  stock.default = rangeValue(defaultCover);
  out.stockpiles = stock;
  if (Object.keys(substitution).length) out.substitution = substitution;
  if (Array.isArray(raw.shocks)) {
    out.shocks = raw.shocks.map((s, i) =>
      shocks[i] === definition.shocks[i].share ? s : { ...object(s), share: rangeValue(shocks[i]) },
    );
  }
  return { raw: out, notes };
}

const pct = (share: number) => `${(share * 100).toFixed(0)}%`;
const productsText = (products: string[] | 'all'): Bilingual =>
  products === 'all'
    ? { ja: '全品目', en: 'all products' }
    : { ja: products.join(', '), en: products.join(', ') };
