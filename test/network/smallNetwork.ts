/**
 * A small hand-checked supply network of product 850511 (permanent magnets) for tests: three companies, tier 1
 * and tier 2, one supplier named in two spellings. Figures computed by hand in test/network/analyses.test.ts.
 *
 *   A: Alpha Magnet Co (CHN, Plant 1, CNSHA) 0.6 · Beta Metals (VNM) 0.4 ─ Gamma Rare Earth (CHN) 0.5
 *   B: Alpha Magnet Co., Ltd. (CHN, Plant 1) 0.5 · Delta Corp (KOR) 0.5 ─ Gamma Rare Earth (CHN) 1.0
 *   C: Epsilon KK (JPN) 1.0 ─ Gamma Rare Earth (CHN) 0.2, Zeta Mining (AUS) 0.8
 */
export interface Line {
  ref: string;
  tier: number;
  via?: string;
  name: string;
  country: string;
  site?: string;
  port?: string;
  product?: string;
  share: number | string;
}

const header =
  'record,product_code,hs,product_name,site_code,site_name,site_country,site_port,supplier_ref,tier,via,own_site,supplier_name,supplier_country,supplier_site,supplier_port,product,share,alternatives,lead_time_days,inventory_days';

export function csvOf(lines: Line[], extra: string[] = []): string {
  const rows = [
    header,
    'product,MAG-1,8505.11,Magnet,,,,,,,,,,,,,,,,,',
    'site,,,,NGY,Nagoya plant,JPN,JPNGO,,,,,,,,,,,,,',
    ...lines.map((l) =>
      [
        'supplier',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        l.ref,
        l.tier,
        l.via ?? '',
        l.tier === 1 ? 'NGY' : '',
        `"${l.name}"`,
        l.country,
        l.site ?? '',
        l.port ?? '',
        l.product ?? 'MAG-1',
        l.share,
        '1',
        '60',
        '30',
      ].join(','),
    ),
    ...extra,
  ];
  return `${rows.join('\n')}\n`;
}

export const companyA: Line[] = [
  { ref: 'A1', tier: 1, name: 'Alpha Magnet Co', country: 'CHN', site: 'Plant 1', port: 'CNSHA', share: 0.6 },
  { ref: 'A2', tier: 1, name: 'Beta Metals', country: 'VNM', share: 0.4 },
  { ref: 'A3', tier: 2, via: 'A2', name: 'Gamma Rare Earth', country: 'CHN', product: '280530', share: 0.5 },
];
export const companyB: Line[] = [
  { ref: 'B1', tier: 1, name: 'Alpha Magnet Co., Ltd.', country: 'CHN', site: 'Plant 1', share: '50%' },
  { ref: 'B2', tier: 1, name: 'Delta Corp', country: 'KOR', share: 0.5 },
  { ref: 'B3', tier: 2, via: 'B2', name: 'Gamma Rare Earth', country: 'CHN', product: '280530', share: 1 },
];
export const companyC: Line[] = [
  { ref: 'C1', tier: 1, name: 'Epsilon KK', country: 'JPN', share: 1 },
  { ref: 'C2', tier: 2, via: 'C1', name: 'Gamma Rare Earth', country: 'CHN', product: '280530', share: 0.2 },
  { ref: 'C3', tier: 2, via: 'C1', name: 'Zeta Mining', country: 'AUS', product: '280530', share: 0.8 },
];
