import { ChokepointError } from '../../errors.ts';
import { countryByIso3, resolveCountry } from './countries.ts';

/**
 * Country groups: a reporter, a partner set or a screening filter can name a group instead of a country.
 * Built-in groups have well-defined treaty memberships (with the date they describe). "Like-minded" and
 * "countries of concern" are policy choices of the user: they ship as clearly labelled EXAMPLES, to be edited
 * (`chokepoint groups set`, PUT /api/groups/:id). The editable copies live in the state table country_groups.
 */
export interface CountryGroup {
  /** Upper-case id users type as a reporter: EU27, G7 … */
  id: string;
  en: string;
  ja: string;
  /** ISO3 codes (see src/data/reference/countries.ts). */
  members: string[];
  /** True for groups that are a policy choice shipped only as an example: show `exampleLabel` with them. */
  example: boolean;
  /** Membership as of this date, and where it is defined. */
  asOf?: string;
  source?: string;
  note?: string;
}

export const exampleLabel = {
  en: 'example — edit to your policy',
  ja: '例 — 自組織の方針に合わせて編集してください',
};

/** ISO3 codes written as one space-separated string, to keep long member lists readable. */
const codes = (list: string): string[] => list.split(' ');

const g7 = ['CAN', 'FRA', 'DEU', 'ITA', 'JPN', 'GBR', 'USA'];

export const builtInGroups: readonly CountryGroup[] = Object.freeze([
  {
    id: 'EU27',
    en: 'European Union (27)',
    ja: 'EU（27か国）',
    // After the United Kingdom's withdrawal on 31 January 2020.
    members: codes(
      'AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE',
    ),
    example: false,
    asOf: '2020-02-01',
    source: 'Treaty on European Union; UK withdrawal agreement (in force 1 Feb 2020)',
  },
  {
    id: 'G7',
    en: 'Group of Seven',
    ja: 'G7',
    members: g7,
    example: false,
    asOf: '2014-03-24',
    source: 'G7 members (Russia suspended from the G8 in March 2014); the EU takes part but is not a member',
  },
  {
    id: 'ASEAN',
    en: 'Association of Southeast Asian Nations',
    ja: 'ASEAN（東南アジア諸国連合）',
    members: codes('BRN KHM IDN LAO MYS MMR PHL SGP THA VNM TLS'),
    example: false,
    asOf: '2025-10-26',
    source: 'ASEAN Secretariat; Timor-Leste admitted as the 11th member on 26 Oct 2025',
  },
  {
    id: 'OECD',
    en: 'OECD members',
    ja: 'OECD加盟国',
    members: codes(
      'AUS AUT BEL CAN CHL COL CRI CZE DNK EST FIN FRA DEU GRC HUN ISL IRL ISR ITA JPN KOR LVA LTU LUX MEX NLD NZL NOR POL PRT SVK SVN ESP SWE CHE TUR GBR USA',
    ),
    example: false,
    asOf: '2021-05-25',
    source: 'OECD member countries (38; Costa Rica joined 25 May 2021)',
  },
  {
    id: 'QUAD',
    en: 'Quad (Quadrilateral Security Dialogue)',
    ja: '日米豪印（クアッド）',
    members: ['AUS', 'IND', 'JPN', 'USA'],
    example: false,
    asOf: '2021-03-12',
    source: 'Quad leaders’ joint statement “The Spirit of the Quad” (first leaders’ summit, 12 Mar 2021)',
  },
  {
    id: 'IPEF',
    en: 'Indo-Pacific Economic Framework for Prosperity (IPEF)',
    ja: 'インド太平洋経済枠組み（IPEF）',
    members: codes('AUS BRN FJI IND IDN JPN KOR MYS NZL PHL SGP THA USA VNM'),
    example: false,
    asOf: '2022-05-26',
    source:
      'USTR and METI: IPEF launched in Tokyo on 23 May 2022 by 13 partners; Fiji joined on 26 May 2022 (14 partners)',
  },
  {
    id: 'AZEC',
    en: 'Asia Zero Emission Community (AZEC)',
    ja: 'アジア・ゼロエミッション共同体（AZEC）',
    members: codes('AUS BRN KHM IDN JPN LAO MYS PHL SGP THA VNM'),
    example: false,
    asOf: '2023-03-04',
    source:
      'METI: AZEC ministerial meeting, Tokyo, 4 Mar 2023 (11 partners); leaders’ meeting, Tokyo, 18 Dec 2023',
  },
  {
    id: 'GROUP_A',
    en: 'Export control Group A (Export Trade Control Order, Appended Table 3)',
    ja: '輸出管理 グループA（輸出貿易管理令 別表第3）',
    members: codes(
      'ARG AUS AUT BEL BGR CAN CZE DNK FIN FRA DEU GRC HUN IRL ITA KOR LUX NLD NZL NOR POL PRT ESP SWE CHE GBR USA',
    ),
    example: false,
    asOf: '2026-02-14',
    source:
      '輸出貿易管理令 (Cabinet Order No. 378 of 1949) 別表第3, e-Gov law ID 324CO0000000378, version in force from 14 Feb 2026 (27 countries; formerly the “white countries”)',
  },
  {
    id: 'GLOBAL_SOUTH',
    en: 'Global South (G77 members)',
    ja: 'グローバル・サウス（G77加盟国）',
    // The Group of 77's member list (with China and the State of Palestine): every UN member except those of the
    // Council of Europe (but Bosnia and Herzegovina), of the OECD in 2015 (but Chile), the CIS (but Tajikistan),
    // Palau and Tuvalu.
    members: codes(
      'DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG CIV COD DJI EGY GNQ ERI SWZ ETH GAB GMB GHA GIN GNB KEN LSO ' +
        'LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA STP SEN SYC SLE SOM ZAF SSD SDN TZA TGO TUN UGA ZMB ZWE ' +
        'ATG ARG BHS BRB BLZ BOL BRA CHL COL CRI CUB DMA DOM ECU SLV GRD GTM GUY HTI HND JAM NIC PAN PRY PER KNA LCA ' +
        'VCT SUR TTO URY VEN AFG BHR BGD BTN BRN KHM CHN PRK FJI IND IDN IRN IRQ JOR KIR KWT LAO LBN MYS MDV MHL FSM ' +
        'MNG MMR NRU NPL OMN PAK PSE PNG PHL QAT WSM SAU SGP SLB LKA SYR TJK THA TLS TON TKM ARE VUT VNM YEM BIH',
    ),
    example: true,
    asOf: '2023-10-01',
    source:
      'Group of 77, “The Member States of the Group of 77” (www.g77.org/doc/members.html): 134 members incl. China',
    note: 'The Global South has no membership of its own; it is read here as the G77. Which countries count is the user’s policy decision.',
  },
  {
    id: 'FIVE_EYES',
    en: 'Five Eyes',
    ja: 'ファイブ・アイズ',
    members: ['AUS', 'CAN', 'NZL', 'GBR', 'USA'],
    example: false,
    source: 'UKUSA Agreement partners',
  },
  {
    id: 'LIKE_MINDED',
    en: 'Like-minded countries',
    ja: '同志国',
    members: [...g7, ...codes('AUS NZL KOR SGP NLD SWE FIN DNK NOR CHE TWN IND')],
    example: true,
    note: 'An illustration only; which countries count as like-minded is the user’s policy decision.',
  },
  {
    id: 'CONCERN',
    en: 'Countries of concern',
    ja: '懸念国',
    members: ['CHN', 'RUS', 'PRK', 'IRN'],
    example: true,
    note: 'An illustration only; which countries are of concern is the user’s policy decision.',
  },
] satisfies CountryGroup[]);

/** Checks that every member is a known ISO3 code; throws naming the first unknown one. */
export function assertMembers(members: string[], field = 'members'): string[] {
  const out: string[] = [];
  for (const [i, member] of members.entries()) {
    const country = countryByIso3(member) ?? resolveCountry(member);
    if (!country) {
      throw new ChokepointError(
        'unknown_code',
        `"${member}" is not a known country (use ISO3 codes such as JPN)`,
        {
          field: `${field}[${i}]`,
        },
      );
    }
    if (!out.includes(country.iso3)) out.push(country.iso3);
  }
  return out;
}

/** Group ids compare without case, spaces, '-' or '_': "five eyes" finds FIVE_EYES. */
const groupKey = (text: string): string => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Other names users write for the built-in groups. */
const groupAliases: Record<string, string> = {
  EU: 'EU27',
  EUROPEANUNION: 'EU27',
  G7COUNTRIES: 'G7',
  QUADRILATERAL: 'QUAD',
  LIKEMINDEDCOUNTRIES: 'LIKEMINDED',
  COUNTRIESOFCONCERN: 'CONCERN',
  G77: 'GLOBALSOUTH',
  WHITECOUNTRIES: 'GROUPA',
};

export interface ExpandedReporter {
  /** ISO3 codes of the countries the reporter stands for. */
  members: string[];
  isGroup: boolean;
  group?: CountryGroup;
}

/**
 * A reporter (or partner) given as a country (ISO3, name, BACI code) or a group id (EU27, G7 …, matched
 * case-insensitively). `groups` defaults to the built-ins; pass the edited groups from the state store.
 */
export function expandReporter(
  codeOrGroup: string,
  groups: readonly CountryGroup[] = builtInGroups,
): ExpandedReporter {
  const key = groupKey(codeOrGroup);
  const id = groupAliases[key] ?? key;
  const group = groups.find((g) => groupKey(g.id) === id);
  if (group) return { members: [...group.members], isGroup: true, group };
  const country = resolveCountry(codeOrGroup);
  if (country) return { members: [country.iso3], isGroup: false };
  throw new ChokepointError(
    'unknown_code',
    `"${codeOrGroup}" is neither a country nor a group (groups: ${groups.map((g) => g.id).join(', ')})`,
    { field: 'reporter' },
  );
}
