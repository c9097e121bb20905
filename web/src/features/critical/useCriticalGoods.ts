import { useMemo } from 'react';
import { useGet, useGetWhen } from '../../api/useGet.ts';
import { criticalScreenQuery, goodRisks } from './goodRisks.ts';
import type { CriticalGood } from './types.ts';

/**
 * The registry of critical goods and the screen of a reporter and year filtered to them, joined into each good's
 * headline risks, and the product codes the screen's dataset holds (`held`, null until known). `saved` puts an edited good in place and screens again (the critical filter follows the registry).
 */
export function useCriticalGoods(reporter: string, year: number) {
  const registry = useGet('GET /api/critical-goods');
  const screened = useGet('GET /api/screens', { query: criticalScreenQuery(reporter, year) });
  const goods = registry.data?.items ?? null;
  // A screen that failed shows none (not the one before).
  const screen = screened.error ? null : screened.data;
  const risks = useMemo(() => (goods ? goodRisks(goods, screen?.items ?? []) : []), [goods, screen]);
  // The codes the screen's dataset holds: a product outside them is not in this dataset rather than not imported.
  const dataset = screen?.provenance.dataset ?? '';
  const products = useGetWhen(!!dataset, 'GET /api/datasets/{id}/products', { path: { id: dataset } });
  const held = useMemo(() => (products.data ? new Set(products.data.products) : null), [products.data]);
  const saved = (g: CriticalGood) => {
    registry.update((r) => ({ ...r, items: r.items.map((x) => (x.id === g.id ? g : x)) }));
    screened.reload();
  };
  return {
    goods,
    screen,
    risks,
    held,
    saved,
    error: registry.error?.message ?? null,
    screenError: screened.error?.message ?? null,
  };
}
