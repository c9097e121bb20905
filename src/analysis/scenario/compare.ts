import type { Ranged } from './random.ts';
import type { ScenarioResult } from './run.ts';

/**
 * Side-by-side comparison of scenario results: the same figures in columns, one per result, aligned by product
 * and by sector (a product or sector absent from a result gets null in its column).
 */
export interface ComparedResult {
  label: string;
  result: ScenarioResult;
}

export interface ScenarioComparison {
  columns: { label: string; name: string; nameJa?: string; year: number; horizonMonths: number }[];
  totals: { metric: 'lost' | 'replaced' | 'stockDrawn' | 'unmet'; values: Ranged[] }[];
  economy: {
    metric: 'leontiefValueAddedLoss' | 'arioValueAddedLoss' | 'ghoshOutputLoss' | 'arioOutputLoss';
    values: (Ranged | null)[];
  }[];
  products: {
    product: string;
    lost: (Ranged | null)[];
    unmet: (Ranged | null)[];
    timeToSurvive: (number | null)[];
    binding: (boolean | null)[];
  }[];
  sectors: {
    code: string;
    en: string;
    ja: string;
    arioValueAddedLoss: (Ranged | null)[];
    leontiefValueAddedLoss: (Ranged | null)[];
  }[];
}

export function compareScenarios(items: ComparedResult[]): ScenarioComparison {
  const products = [...new Set(items.flatMap((i) => i.result.products.map((p) => p.product)))].sort();
  const sectorList = items.find((i) => i.result.economy)?.result.economy?.sectors ?? [];
  const totals = (['lost', 'replaced', 'stockDrawn', 'unmet'] as const).map((metric) => ({
    metric,
    values: items.map((i) => i.result.totals[metric]),
  }));
  const economy = (
    ['leontiefValueAddedLoss', 'arioValueAddedLoss', 'ghoshOutputLoss', 'arioOutputLoss'] as const
  ).map((metric) => ({
    metric,
    values: items.map((i) => i.result.economy?.[metric] ?? null),
  }));
  return {
    columns: items.map((i) => ({
      label: i.label,
      name: i.result.name,
      nameJa: i.result.nameJa,
      year: i.result.year,
      horizonMonths: i.result.horizonMonths,
    })),
    totals,
    economy,
    products: products.map((product) => {
      const found = items.map((i) => i.result.products.find((p) => p.product === product));
      return {
        product,
        lost: found.map((p) => p?.lost ?? null),
        unmet: found.map((p) => p?.unmet ?? null),
        timeToSurvive: found.map((p) => p?.timeToSurvive.value ?? null),
        binding: found.map((p) => (p ? p.binding : null)),
      };
    }),
    sectors: sectorList.map((s) => {
      const found = items.map((i) => i.result.economy?.sectors.find((x) => x.code === s.code));
      return {
        code: s.code,
        en: s.en,
        ja: s.ja,
        arioValueAddedLoss: found.map((x) => x?.arioValueAddedLoss ?? null),
        leontiefValueAddedLoss: found.map((x) => x?.leontiefValueAddedLoss ?? null),
      };
    }),
  };
}
