import { describe, expect, it } from 'vitest';
import {
  cumulativeShares,
  dossierProvenance,
  flatThresholds,
  memberKeys,
  sankeyFlows,
  seaRoutePartners,
  shareSeries,
  supplierMapValues,
} from '../../web/src/features/product/shaping.ts';
import type {
  Dossier,
  DossierYear,
  Exposure,
  PartnerExposure,
} from '../../web/src/features/product/types.ts';
import { isoNumericKey } from '../../web/src/reference/isoNumeric.ts';

const countries = [
  { iso3: 'CHN', isoNumeric: 156, en: 'China', ja: '中国', kind: 'country' },
  { iso3: 'TWN', isoNumeric: 158, en: 'Taiwan', ja: '台湾', kind: 'country' },
  { iso3: 'AFG', isoNumeric: 4, en: 'Afghanistan', ja: 'アフガニスタン', kind: 'country' },
  { iso3: 'XKX', isoNumeric: null, en: 'Kosovo', ja: 'コソボ', kind: 'country' },
];

/** A year of a dossier with only what the shaping reads. */
function year(y: number, suppliers: [string, number][]): DossierYear {
  const total = suppliers.reduce((s, [, v]) => s + v, 0);
  return {
    year: y,
    suppliers: suppliers.map(([partner, valueUsd]) => ({ partner, valueUsd, share: valueUsd / total })),
  } as DossierYear;
}

describe('product dossier shaping', () => {
  it('keys supplier shares by the three-digit ISO numeric code world-atlas uses', () => {
    expect(isoNumericKey(4)).toBe('004');
    const map = supplierMapValues(
      [
        { partner: 'CHN', valueUsd: 60, share: 0.6 },
        { partner: 'AFG', valueUsd: 30, share: 0.3 },
        { partner: 'XKX', valueUsd: 10, share: 0.1 },
      ],
      countries,
      'ja',
    );
    // Kosovo has no ISO numeric code: it stays in the tables, not on the map.
    expect(map.values).toEqual({ '156': 0.6, '004': 0.3 });
    expect(map.names['158']).toBe('台湾');
    expect(memberKeys(['CHN', 'XKX', 'AFG'], countries)).toEqual(['156', '004']);
  });

  it('sums the suppliers beyond the top ones into one "others" flow of the Sankey', () => {
    const suppliers = [
      { partner: 'TWN', valueUsd: 10, share: 0.1 },
      { partner: 'CHN', valueUsd: 50, share: 0.5 },
      { partner: 'AFG', valueUsd: 25, share: 0.25 },
      { partner: 'XKX', valueUsd: 15, share: 0.15 },
    ];
    const flows = sankeyFlows(suppliers, 'Japan', (c) => `n:${c}`, 'Others', 2);
    expect(flows.links).toEqual([
      { source: 'n:CHN', target: 'Japan', value: 50 },
      { source: 'n:AFG', target: 'Japan', value: 25 },
      { source: 'Others', target: 'Japan', value: 25 },
    ]);
    expect(flows.nodes.map((n) => n.name)).toEqual(['n:CHN', 'n:AFG', 'Others', 'Japan']);
    // With every supplier shown there is no "others" node.
    expect(sankeyFlows(suppliers, 'Japan', (c) => c, 'Others', 8).nodes).toHaveLength(5);
  });

  it('follows the largest suppliers over the years and fills the rest as others', () => {
    const years = [
      year(2022, [
        ['CHN', 80],
        ['TWN', 20],
      ]),
      year(2023, [
        ['CHN', 30],
        ['AFG', 50],
        ['TWN', 20],
      ]),
    ];
    // Value over both years: CHN 110, AFG 50, TWN 40 → top 2 = CHN, AFG; TWN goes to others.
    const s = shareSeries(years, 2);
    expect(s.years).toEqual([2022, 2023]);
    expect(s.series.map((x) => x.partner)).toEqual(['CHN', 'AFG', '']);
    expect(s.series[0].shares).toEqual([0.8, 0.3]);
    expect(s.series[1].shares).toEqual([0, 0.5]);
    expect(s.series[2].shares[0]).toBeCloseTo(0.2, 12);
    expect(s.series[2].shares[1]).toBeCloseTo(0.2, 12);
  });

  it('runs the cumulative share down the suppliers, largest first', () => {
    const rows = cumulativeShares([
      { partner: 'TWN', valueUsd: 20, share: 0.2 },
      { partner: 'CHN', valueUsd: 50, share: 0.5 },
      { partner: 'AFG', valueUsd: 30, share: 0.3 },
    ]);
    expect(rows.map((r) => r.partner)).toEqual(['CHN', 'AFG', 'TWN']);
    expect(rows.map((r) => r.cumulative)).toEqual([0.5, 0.8, 1]);
  });

  it('draws the routes of the largest sea-routed partners only', () => {
    const route = { distanceKm: 1, fromPort: 'A', toPort: 'B', passages: [], days: 1 };
    const partners: PartnerExposure[] = [
      { partner: 'CHN', valueKusd: 5, byRule: {}, route },
      { partner: 'KOR', valueKusd: 50, byRule: {}, route: null },
      { partner: 'TWN', valueKusd: 20, byRule: {}, route },
      { partner: 'USA', valueKusd: 9, byRule: {}, route },
    ];
    expect(seaRoutePartners({ partners }, 2).map((p) => p.partner)).toEqual(['TWN', 'USA']);
  });

  it('flattens per-method thresholds for the provenance footer', () => {
    expect(flatThresholds({ eu2021: { hhi: 0.4, importExportRatio: 1 }, hhi: { hhi: 0.5 } })).toEqual({
      'eu2021.hhi': 0.4,
      'eu2021.importExportRatio': 1,
      'hhi.hhi': 0.5,
    });
  });

  it('lists every source of the dossier once: trade with its thresholds, each production dataset, the sea network', () => {
    const trade = { dataset: 'baci-cm', version: 'V202601', thresholds: { eu2021: { hhi: 0.4 } } };
    const production = (dataset: string) => ({ provenance: { production: { dataset, version: '2024' } } });
    const dossier = {
      provenance: trade,
      minerals: [production('usgs-mcs'), production('baci-cm'), production('usgs-mcs'), production('bgs')],
    } as unknown as Dossier;
    const exposure = {
      method: 'shortest sea route',
      provenance: { network: { dataset: 'sea-network', version: '1' } },
    } as unknown as Exposure;
    const methods = { dossier: 'Product dossier', minerals: 'Mine ▸ refine ▸ trade' };
    expect(dossierProvenance(dossier, exposure, methods)).toEqual([
      { ...trade, method: 'Product dossier', thresholds: { 'eu2021.hhi': 0.4 } },
      { dataset: 'usgs-mcs', version: '2024', method: 'Mine ▸ refine ▸ trade' },
      { dataset: 'bgs', version: '2024', method: 'Mine ▸ refine ▸ trade' },
      { dataset: 'sea-network', version: '1', method: 'shortest sea route' },
    ]);
    expect(dossierProvenance(dossier, null, methods)).toHaveLength(3);
  });
});
