/**
 * Land borders that carry trade by road, rail or pipeline: flows between these neighbours are not sea-routed
 * (rule 'land'). Source: CIA World Factbook, field "Land boundaries" (border countries), restricted by us to
 * borders with open road/rail crossings used for trade; ISO 3166-1 alpha-3. Incomplete by design for small
 * or closed borders; a flow between countries not listed here is sea-routed when both have ports.
 */
const borders: Record<string, string[]> = {
  // Europe
  DEU: ['AUT', 'BEL', 'CHE', 'CZE', 'DNK', 'FRA', 'LUX', 'NLD', 'POL'],
  FRA: ['AND', 'BEL', 'CHE', 'ESP', 'ITA', 'LUX', 'MCO'],
  ESP: ['AND', 'PRT'],
  ITA: ['AUT', 'CHE', 'SMR', 'SVN', 'VAT'],
  AUT: ['CHE', 'CZE', 'HUN', 'LIE', 'SVK', 'SVN'],
  CHE: ['LIE'],
  BEL: ['LUX', 'NLD'],
  POL: ['BLR', 'CZE', 'LTU', 'RUS', 'SVK', 'UKR'],
  CZE: ['SVK'],
  SVK: ['HUN', 'UKR'],
  HUN: ['HRV', 'ROU', 'SRB', 'SVN', 'UKR'],
  ROU: ['BGR', 'MDA', 'SRB', 'UKR'],
  BGR: ['GRC', 'MKD', 'SRB', 'TUR'],
  GRC: ['ALB', 'MKD', 'TUR'],
  SVN: ['HRV'],
  HRV: ['BIH', 'MNE', 'SRB'],
  SRB: ['BIH', 'MKD', 'MNE'],
  ALB: ['MKD', 'MNE'],
  SWE: ['FIN', 'NOR'],
  FIN: ['NOR', 'RUS'],
  NOR: ['RUS'],
  EST: ['LVA', 'RUS'],
  LVA: ['BLR', 'LTU', 'RUS'],
  LTU: ['BLR', 'RUS'],
  BLR: ['RUS', 'UKR'],
  UKR: ['MDA', 'RUS'],
  GBR: ['IRL'],
  RUS: ['AZE', 'CHN', 'GEO', 'KAZ', 'MNG'],
  // Americas
  USA: ['CAN', 'MEX'],
  MEX: ['BLZ', 'GTM'],
  GTM: ['BLZ', 'HND', 'SLV'],
  HND: ['NIC', 'SLV'],
  NIC: ['CRI'],
  CRI: ['PAN'],
  BRA: ['ARG', 'BOL', 'COL', 'GUY', 'PER', 'PRY', 'SUR', 'URY', 'VEN'],
  ARG: ['BOL', 'CHL', 'PRY', 'URY'],
  CHL: ['BOL', 'PER'],
  PER: ['BOL', 'COL', 'ECU'],
  COL: ['ECU', 'VEN'],
  BOL: ['PRY'],
  // Asia
  CHN: ['AFG', 'BTN', 'HKG', 'IND', 'KAZ', 'KGZ', 'LAO', 'MAC', 'MMR', 'MNG', 'NPL', 'PAK', 'TJK', 'VNM'],
  IND: ['BGD', 'BTN', 'MMR', 'NPL', 'PAK'],
  THA: ['KHM', 'LAO', 'MMR', 'MYS'],
  MYS: ['BRN', 'IDN', 'SGP'],
  VNM: ['KHM', 'LAO'],
  KHM: ['LAO'],
  KAZ: ['KGZ', 'TKM', 'UZB'],
  UZB: ['AFG', 'KGZ', 'TJK', 'TKM'],
  KGZ: ['TJK'],
  AFG: ['IRN', 'PAK', 'TJK', 'TKM'],
  // Middle East and Caucasus
  TUR: ['ARM', 'AZE', 'GEO', 'IRN', 'IRQ', 'SYR'],
  IRN: ['ARM', 'AZE', 'IRQ', 'PAK', 'TKM'],
  SAU: ['ARE', 'IRQ', 'JOR', 'KWT', 'OMN', 'QAT', 'YEM'],
  ARE: ['OMN'],
  JOR: ['IRQ', 'ISR', 'SYR'],
  ISR: ['EGY', 'LBN'],
  SYR: ['IRQ', 'LBN'],
  GEO: ['ARM', 'AZE'],
  ARM: ['AZE'],
  // Africa
  ZAF: ['BWA', 'LSO', 'MOZ', 'NAM', 'SWZ', 'ZWE'],
  ZMB: ['AGO', 'BWA', 'COD', 'MOZ', 'MWI', 'NAM', 'TZA', 'ZWE'],
  KEN: ['ETH', 'SOM', 'SSD', 'TZA', 'UGA'],
  TZA: ['BDI', 'COD', 'MOZ', 'MWI', 'RWA', 'UGA'],
  UGA: ['COD', 'RWA', 'SSD'],
  NGA: ['BEN', 'CMR', 'NER', 'TCD'],
  CIV: ['BFA', 'GHA', 'GIN', 'LBR', 'MLI'],
  GHA: ['BFA', 'TGO'],
  DZA: ['LBY', 'MAR', 'MLI', 'MRT', 'NER', 'TUN'],
  TUN: ['LBY'],
  EGY: ['LBY', 'SDN'],
  ETH: ['DJI', 'SDN', 'SSD'],
  BWA: ['NAM', 'ZWE'],
  MOZ: ['MWI', 'SWZ', 'ZWE'],
  COD: ['AGO', 'BDI', 'CAF', 'COG', 'RWA', 'SSD'],
};

const pairs = new Set<string>();
for (const [a, list] of Object.entries(borders))
  for (const b of list) pairs.add(a < b ? `${a}-${b}` : `${b}-${a}`);

export function areLandNeighbours(a: string, b: string): boolean {
  return pairs.has(a < b ? `${a}-${b}` : `${b}-${a}`);
}

export function landNeighboursOf(iso3: string): string[] {
  const out: string[] = [];
  for (const key of pairs) {
    const [a, b] = key.split('-');
    if (a === iso3) out.push(b);
    else if (b === iso3) out.push(a);
  }
  return out.sort();
}
