import type { Marking } from '../../analysis/marking.ts';
import {
  estimateTier2Countries,
  inputMix,
  type CountryEstimate,
} from '../../analysis/network/hiddenTiers.ts';
import { minCompanies } from '../../analysis/network/disclosure.ts';
import { ChokepointError } from '../../errors.ts';
import { countryByIso3 } from '../reference/countries.ts';
import { productDossier } from '../screening/productDossier.ts';
import type { ScreenServices } from '../screening/screen.ts';
import type { LoadedNetwork, NetworkView } from './networkAnalysis.ts';

/**
 * Likely tier-2 countries behind a tier-1 supplier in `country` for product `hs` (src/analysis/network/
 * hiddenTiers.ts): k's inputs from the tier-2 lines companies reported (outside the ministry only inputs named
 * by ≥ 3 companies, weighted among themselves), and the country's imports of each input by partner in the trade dataset
 * (the product dossier's query). Marked as an estimate with its basis.
 */
export interface HiddenTierEstimate {
  hs: string;
  country: string;
  year: number;
  view: NetworkView;
  synthetic: boolean;
  estimate: true;
  inputs: { hs6: string; weight: number; companies: number; withTrade: boolean }[];
  /** Part of the input mix with trade data behind the estimate (0–1). */
  covered: number;
  countries: CountryEstimate[];
  basis: { en: string; ja: string };
  dataset: string | null;
  marking: Marking;
}

export async function hiddenTierEstimate(
  services: ScreenServices,
  n: LoadedNetwork,
  request: { hs: string; country: string; year: number; dataset?: string },
): Promise<HiddenTierEstimate> {
  const country = request.country.toUpperCase();
  if (!countryByIso3(country))
    throw new ChokepointError('bad_input', `"${request.country}" is not an ISO3 country`, {
      field: 'country',
    });
  const g = n.graph;
  const p = g.products.indexOf(request.hs);
  let mix = p < 0 ? [] : inputMix(g, p);
  if (n.view === 'aggregate') {
    // Inputs of ≥ 3 companies only, their weights taken relative to each other: with no total shown, the
    // shown weights say nothing of the inputs left out (no complementary cell to suppress).
    const shown = mix.filter((m) => m.companies >= minCompanies);
    const sum = shown.reduce((s, m) => s + m.weight, 0);
    mix = shown.map((m) => ({ ...m, weight: m.weight / sum }));
  }
  const importShares = new Map<string, { partner: string; share: number }[]>();
  let dataset: string | null = null;
  for (const input of mix) {
    try {
      const dossier = await productDossier(services, {
        reporter: country,
        hs6: input.hs6,
        year: request.year,
        dataset: request.dataset,
      });
      dataset = dossier.provenance.dataset;
      const year = dossier.years.find((y) => y.year === request.year);
      if (year)
        importShares.set(
          input.hs6,
          year.suppliers.map((s) => ({ partner: s.partner, share: s.share })),
        );
    } catch (error) {
      // No import of the input in the data: it has no weight in the estimate (its `withTrade` says so).
      if (!(error instanceof ChokepointError) || !['no_data', 'not_found'].includes(error.code)) throw error;
    }
  }
  const { countries, covered } = estimateTier2Countries(mix, importShares);
  const inputs = mix.map((m) => ({
    hs6: m.hs6,
    weight: m.weight,
    companies: m.companies,
    withTrade: importShares.has(m.hs6),
  }));
  const names = inputs.map((i) => i.hs6).join(', ') || '—';
  return {
    hs: request.hs,
    country,
    year: request.year,
    view: n.view,
    synthetic: n.synthetic,
    estimate: true,
    inputs,
    covered,
    countries,
    basis: {
      en: `Estimate: inputs of ${request.hs} as reported in companies' tier-2 lines (${names}); ${country}'s imports of them by partner in ${request.year}${dataset ? ` (${dataset})` : ''}. Assumes the tier-1 supplier sources like its country's importers.`,
      ja: `推計: ${request.hs} の投入品は企業が報告した2次調達行による（${names}）。${country} のそれらの${request.year}年の相手国別輸入${dataset ? `（${dataset}）` : ''}から算出。1次仕入先が自国の輸入者と同様に調達すると仮定。`,
    },
    dataset,
    marking: n.marking,
  };
}
