import { haversineKm } from './geo.ts';

/**
 * Each country's main ports: where its exports leave and its imports arrive in the sea routing.
 *
 * Rule (the port list has no throughput figures, so connectivity stands in for size):
 *  1. candidates are the country's ports (UN/LOCODE prefix = ISO2), ranked by the terminal flag (t = 1) first,
 *     then by the number of countries the port has services to (`to_cty`, a liner-connectivity proxy in the
 *     spirit of UNCTAD's port liner shipping connectivity index), then by code;
 *  2. the top-ranked port is taken, then each next candidate that serves at least `minServesShare` (default 25 %)
 *     as many countries as the top port and lies at least `minSpacingKm` (default 1,000 km) from every port
 *     already taken, up to `maxPorts` (default 4) — so a country with two coasts (USA, Canada, Mexico, Russia,
 *     Colombia …) gets a major port on each, and a minor outlying port (Naha for Japan) is not picked;
 *  3. a landlocked country uses its transit gateway (landlockedGateways) — even when the list has river or
 *     Caspian ports for it (Vienna, Basel, Aktau), which do not reach the sea network;
 *  4. ports farther than `maxAccessKm` (default 150 km) from the network (inland, river or lake ports) are not
 *     candidates, since the straight leg to the network would cross land.
 * Overrides (a JSON file of ISO2 → UN/LOCODE list) replace the rule for the countries they name.
 */
export interface PortForSelection {
  code: string;
  country: string;
  lon: number;
  lat: number;
  terminal: boolean;
  serves: string[];
  /** Km from the port to its network node. */
  accessKm: number;
}

export interface MainPortRule {
  maxPorts: number;
  minSpacingKm: number;
  minServesShare: number;
  maxAccessKm: number;
}

export const defaultMainPortRule: MainPortRule = {
  maxPorts: 4,
  minSpacingKm: 1000,
  minServesShare: 0.25,
  maxAccessKm: 150,
};

export type MainPortReason = 'rule' | 'override' | 'gateway';

export interface MainPorts {
  country: string;
  ports: string[];
  reason: MainPortReason;
}

/**
 * Transit gateways of landlocked countries: the sea port their overseas trade mostly moves through (road/rail
 * corridors as described by the World Bank's landlocked-developing-country corridor studies and UNCTAD's
 * Review of Maritime Transport; our own selection, one port each, editable by override).
 */
export const landlockedGateways: Readonly<Record<string, string>> = Object.freeze({
  AT: 'DEHAM',
  CH: 'NLRTM',
  CZ: 'DEHAM',
  SK: 'DEHAM',
  HU: 'SIKOP',
  LU: 'BEANR',
  RS: 'GRSKG',
  MK: 'GRSKG',
  BY: 'LTKLJ',
  MD: 'ROCND',
  AM: 'GEPTI',
  AZ: 'GEPTI',
  KZ: 'CNLYG',
  KG: 'CNLYG',
  UZ: 'CNLYG',
  TJ: 'CNLYG',
  TM: 'IRBND',
  AF: 'PKKHI',
  NP: 'INCCU',
  BT: 'INCCU',
  MN: 'CNTSN',
  LA: 'THLCH',
  ZM: 'TZDAR',
  ZW: 'MZBEW',
  MW: 'MZBEW',
  BW: 'ZADUR',
  LS: 'ZADUR',
  SZ: 'ZADUR',
  UG: 'KEMBA',
  RW: 'TZDAR',
  BI: 'TZDAR',
  SS: 'KEMBA',
  ET: 'DJJIB',
  CF: 'CMDLA',
  TD: 'CMDLA',
  NE: 'BJCOO',
  ML: 'SNDKR',
  BF: 'CIABJ',
  BO: 'CLARI',
  PY: 'ARBUE',
});

/**
 * Built-in overrides where the connectivity proxy misses a coast: the port list records no services from
 * Russia's Pacific ports, yet Vladivostok/Vostochny carry its trade with East Asia (Rosmorport port statistics).
 */
export const defaultMainPortOverrides: Readonly<Record<string, string[]>> = Object.freeze({
  RU: ['RULED', 'RUNVS', 'RUVVO'],
});

export function selectMainPorts(
  ports: readonly PortForSelection[],
  rule: MainPortRule = defaultMainPortRule,
  overrides: Readonly<Record<string, string[]>> = {},
): Map<string, MainPorts> {
  const byCountry = new Map<string, PortForSelection[]>();
  for (const p of ports) {
    if (p.accessKm > rule.maxAccessKm || p.country in landlockedGateways) continue;
    const list = byCountry.get(p.country);
    if (list) list.push(p);
    else byCountry.set(p.country, [p]);
  }
  const result = new Map<string, MainPorts>();
  for (const [country, list] of byCountry) {
    const ranked = [...list].sort(
      (a, b) =>
        Number(b.terminal) - Number(a.terminal) ||
        b.serves.length - a.serves.length ||
        a.code.localeCompare(b.code),
    );
    const chosen: PortForSelection[] = [];
    for (const p of ranked) {
      if (chosen.length >= rule.maxPorts) break;
      if (chosen.length > 0) {
        const top = chosen[0];
        if (p.terminal !== top.terminal || p.serves.length < rule.minServesShare * top.serves.length)
          continue;
        if (chosen.some((c) => haversineKm(c.lon, c.lat, p.lon, p.lat) < rule.minSpacingKm)) continue;
      }
      chosen.push(p);
    }
    result.set(country, { country, ports: chosen.map((p) => p.code), reason: 'rule' });
  }
  const known = new Set(ports.map((p) => p.code));
  for (const [country, gateway] of Object.entries(landlockedGateways)) {
    if (known.has(gateway)) result.set(country, { country, ports: [gateway], reason: 'gateway' });
  }
  for (const [country, codes] of Object.entries({ ...defaultMainPortOverrides, ...overrides })) {
    const valid = codes.filter((c) => known.has(c));
    if (valid.length) result.set(country, { country, ports: valid, reason: 'override' });
  }
  return result;
}
