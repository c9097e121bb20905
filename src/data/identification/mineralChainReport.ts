import { provenanceOf, type Provenance } from '../catalog/catalog.ts';
import type { Row } from '../analytics/store.ts';
import { countryByBaciCode } from '../reference/countries.ts';
import { mineralChains, type MineralChain } from '../reference/mineralChains.ts';
import {
  exporterShares,
  productionRows,
  productionShares,
  worldExportRows,
  type ProductionShares,
} from '../screening/mineralsTrade.ts';
import type { ScreenServices } from '../screening/screen.ts';
import { codeList, hsList, resolveParty, tradeScope, type Party } from './tradeScope.ts';
import { stageChain, type StageChain } from '../../analysis/minerals/stageChain.ts';
import { ChokepointError } from '../../errors.ts';
import type { Note } from '../tech/zoneAssessment.ts';

/**
 * Mine ▸ refine ▸ trade for each of the seed's seven minerals and one reporter: concentration at mining and
 * refining (USGS Mineral Commodity Summaries world production, where it has the series), in world trade of the
 * refined product (annual trade), and in the reporter's imports of it, side by side (src/analysis/minerals/
 * stageChain.ts). A stage without data says why; nothing is estimated.
 */
export interface MineralChainRequest {
  dataset?: string;
  reporter: string;
  year: number;
  /** Only these chains (ids of mineralChains.ts). */
  minerals?: string[];
}

export interface MineralChainView extends StageChain {
  mineral: string;
  ja: string;
  en: string;
  refinedHs: string[];
  production: {
    mining: Omit<ProductionShares, 'producers'> | null;
    refining: Omit<ProductionShares, 'producers'> | null;
  };
  /** The reporter's imports of the refined product, USD. */
  reporterImportsUsd: number;
  notes: Note[];
}

export interface MineralChainReport {
  reporter: Party;
  year: number;
  items: MineralChainView[];
  provenance: { trade: Provenance; production: Provenance | null };
}

interface ImportRow extends Row {
  k: string;
  i: number;
  v: number;
}

const amountsOf = (shares: { iso3: string; value: number }[]) =>
  shares.map((s) => ({ country: s.iso3, amount: s.value }));

export async function mineralChainReport(
  services: ScreenServices,
  request: MineralChainRequest,
): Promise<MineralChainReport> {
  const chains: MineralChain[] = request.minerals?.length
    ? request.minerals.map((id) => {
        const chain = mineralChains.find((c) => c.id === id);
        if (!chain)
          throw new ChokepointError(
            'not_found',
            `no mineral "${id}" (known: ${mineralChains.map((c) => c.id).join(', ')})`,
            { field: 'mineral' },
          );
        return chain;
      })
    : [...mineralChains];
  const scope = tradeScope(services, request.year, request.dataset);
  const reporter = await resolveParty(services, request.reporter, 'reporter');
  const mineralsEntry = services.catalog.ofKind('minerals')[0];
  const commodities = [
    ...new Set(
      chains
        .flatMap((c) => [c.mining?.commodity, c.refining?.commodity])
        .filter((c): c is string => Boolean(c)),
    ),
  ];
  const prod = mineralsEntry ? await productionRows(services, mineralsEntry, commodities) : [];
  const codes = [...new Set(chains.flatMap((c) => c.refinedHs))];
  const exportsRows = await worldExportRows(services, scope.entry, codes, scope.year);
  const own = codeList(reporter.codes);
  const importRows = await services.analytics.query<ImportRow>(
    `SELECT k, i, sum(v) AS v FROM ${scope.source} WHERE t = $1 AND j IN (${own}) AND i NOT IN (${own}) AND k IN (${hsList(codes)})
     GROUP BY k, i HAVING sum(v) > 0`,
    [scope.year],
  );
  const items = chains.map((chain): MineralChainView => {
    const notes: Note[] = [];
    const stageOf = (series: MineralChain['mining'], stage: { ja: string; en: string }) => {
      if (!series) {
        notes.push({
          ja: `${stage.ja}段階: USGSの系列なし (${chain.note})`,
          en: `${stage.en}: no USGS series (${chain.note})`,
        });
        return null;
      }
      if (!mineralsEntry) {
        notes.push({
          ja: `${stage.ja}段階: 鉱物データセット未取込 (usgs-mcs2025)`,
          en: `${stage.en}: no minerals dataset imported (usgs-mcs2025)`,
        });
        return null;
      }
      const shares = productionShares(prod, series.commodity, series.type);
      if (!shares)
        notes.push({
          ja: `${stage.ja}段階: ${series.commodity}の系列がデータにない`,
          en: `${stage.en}: no ${series.commodity} series in the data`,
        });
      else if (!shares.producers.length) {
        // USGS names the producing countries but withholds the figures (germanium in MCS 2025).
        notes.push({
          ja: `${stage.ja}段階: USGSは生産国を挙げるが数量を公表していない`,
          en: `${stage.en}: USGS names the producers but publishes no figures`,
        });
      }
      return shares;
    };
    const mining = stageOf(chain.mining, { ja: '採掘', en: 'mining' });
    const refining = stageOf(chain.refining, { ja: '精錬', en: 'refining' });
    const exporters = exporterShares(exportsRows, chain.refinedHs);
    if (!exporters.length) {
      notes.push({
        ja: `貿易段階: データセット「${scope.entry.id}」に${chain.refinedHs.join('・')}の${scope.year}年の貿易なし`,
        en: `trade: dataset "${scope.entry.id}" has no ${scope.year} trade in ${chain.refinedHs.join(', ')}`,
      });
    }
    if (chain.refinedHs.includes('811292')) {
      notes.push({
        ja: 'HS 811292はガリウム・ゲルマニウム・インジウム等を合わせた区分です',
        en: 'HS 811292 holds gallium, germanium, indium and others together',
      });
    }
    const imports = new Map<string, number>();
    for (const r of importRows) {
      if (!chain.refinedHs.includes(r.k)) continue;
      const iso3 = countryByBaciCode(r.i)?.iso3 ?? String(r.i);
      imports.set(iso3, (imports.get(iso3) ?? 0) + r.v * 1000);
    }
    const view = stageChain([
      { stage: 'mining', amounts: mining ? amountsOf(mining.producers) : null, total: mining?.world },
      { stage: 'refining', amounts: refining ? amountsOf(refining.producers) : null, total: refining?.world },
      { stage: 'trade', amounts: amountsOf(exporters) },
      { stage: 'imports', amounts: [...imports].map(([country, amount]) => ({ country, amount })) },
    ]);
    const strip = (p: ProductionShares | null) =>
      p ? { type: p.type, unit: p.unit, year: p.year, world: p.world } : null;
    return {
      mineral: chain.id,
      ja: chain.ja,
      en: chain.en,
      refinedHs: chain.refinedHs,
      ...view,
      production: { mining: strip(mining), refining: strip(refining) },
      reporterImportsUsd: [...imports.values()].reduce((a, b) => a + b, 0),
      notes,
    };
  });
  return {
    reporter,
    year: scope.year,
    items,
    provenance: {
      trade: provenanceOf(scope.entry),
      production: mineralsEntry ? provenanceOf(mineralsEntry) : null,
    },
  };
}
