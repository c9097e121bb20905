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
    source: 'Quad leaders’ joint statements',
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
