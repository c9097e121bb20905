import path from 'node:path';
import { ChokepointError } from '../../errors.ts';
import type { ListRole } from '../../analysis/exportControl/transactionCheck.ts';
import type { ListEntry } from '../../analysis/exportControl/listDelta.ts';
import { parseEndUserListCsv, parseEndUserListXlsx } from './listFormats/metiEndUserList.ts';
import { parseSpecifiedEntitiesCsv } from './listFormats/metiSpecifiedEntities.ts';
import { parseMofcomJson } from './listFormats/mofcomJson.ts';
import { parseFollowTheMoney } from './listFormats/followTheMoney.ts';
import { parseUserCsv } from './listFormats/userCsv.ts';
import { parseMofAssetFreeze } from './listFormats/mofAssetFreeze.ts';

/**
 * The screening lists chokepoint knows, and how each file format is read. A list id names the list across its
 * versions (its dataset is `list-<id>`); a user list may take any other id and is read as the user CSV (or as
 * FollowTheMoney NDJSON when the file ends in .ndjson / .jsonl / .ftm.json).
 */
export type ListFormat =
  | 'meti-eul-csv'
  | 'meti-eul-xlsx'
  | 'meti-specified-csv'
  | 'mofcom-json'
  | 'mof-asset-freeze-xlsx'
  | 'ftm-ndjson'
  | 'user-csv';

export interface KnownList {
  id: string;
  title: { ja: string; en: string };
  publisher: string;
  url?: string;
  licence: string;
  role: ListRole;
}

export const knownLists: readonly KnownList[] = [
  {
    id: 'meti-eul',
    title: { ja: '外国ユーザーリスト（経済産業省）', en: 'End User List (METI)' },
    publisher: 'Ministry of Economy, Trade and Industry (経済産業省)',
    url: 'https://www.meti.go.jp/policy/anpo/law05.html',
    licence: 'Government of Japan Standard Terms of Use 2.0 (compatible with CC BY 4.0)',
    role: 'end-user-list',
  },
  {
    id: 'meti-russia',
    title: {
      ja: '輸出等に係る禁止措置の対象となる特定団体（ロシア・ベラルーシ・第三国）',
      en: 'Specified entities subject to the export ban (Russia, Belarus, third countries)',
    },
    publisher: 'Ministry of Economy, Trade and Industry (経済産業省); designations by MOFA notices',
    url: 'https://www.meti.go.jp/policy/external_economy/trade_control/02_export/17_russia/',
    licence: 'Government of Japan Standard Terms of Use 2.0 (compatible with CC BY 4.0)',
    role: 'export-ban',
  },
  {
    id: 'cn-mofcom',
    title: {
      ja: '中国商務部 不可靠実体清単・出口管制管控名単・関注名単',
      en: 'China MOFCOM Unreliable Entity List, Export Control Control List and Watch List',
    },
    publisher:
      'Ministry of Commerce of the PRC (MOFCOM), normalised by xyna-bpinelab/security-export-control-registry',
    url: 'https://www.mofcom.gov.cn/',
    licence: 'MIT (repository); underlying facts: MOFCOM announcements',
    role: 'foreign-control',
  },
  {
    id: 'jp-mof-asset-freeze',
    title: {
      ja: '経済制裁措置及び対象者リスト（財務省、資産凍結等）',
      en: 'Asset-freeze list under FEFTA (Ministry of Finance)',
    },
    publisher: 'Ministry of Finance Japan (財務省)',
    url: 'https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions/list.html',
    licence: 'Government of Japan Standard Terms of Use 2.0 (compatible with CC BY 4.0)',
    role: 'sanctions',
  },
  {
    id: 'opensanctions-sample',
    title: { ja: 'OpenSanctions FtM サンプル（テスト用）', en: 'OpenSanctions FtM sample (test fixture)' },
    publisher: 'OpenSanctions',
    url: 'https://www.opensanctions.org/',
    licence: 'CC BY-NC 4.0 (non-commercial)',
    role: 'sanctions',
  },
];

export function knownList(id: string): KnownList | undefined {
  return knownLists.find((l) => l.id === id);
}

/** The format of a file for a list: by the list and the file's extension; `format` overrides. */
export function formatOf(list: string, file: string, format?: string): ListFormat {
  const formats: ListFormat[] = [
    'mof-asset-freeze-xlsx',
    'meti-eul-csv',
    'meti-eul-xlsx',
    'meti-specified-csv',
    'mofcom-json',
    'ftm-ndjson',
    'user-csv',
  ];
  if (format) {
    if (!formats.includes(format as ListFormat))
      throw new ChokepointError('bad_input', `unknown format "${format}" (formats: ${formats.join(', ')})`, {
        field: 'format',
      });
    return format as ListFormat;
  }
  const ext = path.basename(file).toLowerCase();
  if (/\.(ndjson|jsonl)$|\.ftm\.json$/.test(ext)) return 'ftm-ndjson';
  if (list === 'meti-eul') return ext.endsWith('.xlsx') ? 'meti-eul-xlsx' : 'meti-eul-csv';
  if (list === 'meti-russia') return 'meti-specified-csv';
  if (list === 'cn-mofcom') return 'mofcom-json';
  if (list === 'jp-mof-asset-freeze') return 'mof-asset-freeze-xlsx';
  if (ext.endsWith('.csv')) return 'user-csv';
  throw new ChokepointError(
    'bad_input',
    `cannot tell the format of ${path.basename(file)}: give --format (${formats.join(', ')})`,
    {
      file,
      field: 'format',
    },
  );
}

export interface ParsedList {
  entries: ListEntry[];
  /** Records read but not screened, with why (e.g. FtM Address entities). */
  skipped: { what: string; count: number }[];
}

export async function parseListFile(file: string, format: ListFormat): Promise<ParsedList> {
  switch (format) {
    case 'meti-eul-csv':
      return { entries: parseEndUserListCsv(file), skipped: [] };
    case 'meti-eul-xlsx':
      return { entries: await parseEndUserListXlsx(file), skipped: [] };
    case 'meti-specified-csv':
      return { entries: parseSpecifiedEntitiesCsv(file), skipped: [] };
    case 'mofcom-json':
      return { entries: parseMofcomJson(file), skipped: [] };
    case 'mof-asset-freeze-xlsx':
      return parseMofAssetFreeze(file);
    case 'ftm-ndjson': {
      const parsed = parseFollowTheMoney(file);
      return {
        entries: parsed.entries,
        skipped: parsed.skipped.map((s) => ({ what: `FtM ${s.schema}`, count: s.count })),
      };
    }
    case 'user-csv':
      return { entries: parseUserCsv(file), skipped: [] };
  }
}
