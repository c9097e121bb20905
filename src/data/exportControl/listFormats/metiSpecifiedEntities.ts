import { ChokepointError } from '../../../errors.ts';
import { resolveCountry } from '../../reference/countries.ts';
import type { ListEntry } from '../../../analysis/exportControl/listDelta.ts';
import { readCsvTable, requireValue, splitValues } from './csvTable.ts';

/**
 * METI's specified entities subject to the export ban (輸出等に係る禁止措置の対象となる特定団体): Russia, Belarus
 * and third countries, as the CSV parsed from the three PDFs (columns list, no, name_ja, name_en, aliases_en,
 * aliases_ja, address). The numbers are those of the notices, so the id is `<list>-<no>`. Older Japanese names
 * carry their aliases in brackets — 「セルニヤエンジニアリング（別称、セルニアエンジニアリング）」 — which become aliases.
 * The country is Russia or Belarus for those lists, and for third-country entities the country named at the end
 * of the address when it can be resolved (none otherwise: the match then has no country qualifier).
 */
const lists = new Set(['russia', 'belarus', 'third_country']);

function splitJapaneseAliases(nameJa: string): { name: string; aliases: string[] } {
  const m = /^(.*?)[（(]別称[、,：:]\s*(.*)[）)]$/.exec(nameJa.trim());
  if (!m) return { name: nameJa.trim(), aliases: [] };
  return { name: m[1].trim(), aliases: splitValues(m[2], /\s*[、,]\s*/) };
}

function countryOfAddress(address: string): string | undefined {
  const parts = address
    .split(/[,;]/)
    .map((p) =>
      p
        .replace(/[\d.]+/g, '')
        .replace(/\band\b/gi, '')
        .trim(),
    )
    .filter(Boolean)
    .reverse();
  for (const p of parts.slice(0, 3)) {
    const c = resolveCountry(p);
    if (c) return c.iso3;
  }
  return undefined;
}

export function parseSpecifiedEntitiesCsv(file: string): ListEntry[] {
  const { rows } = readCsvTable(file, [
    'list',
    'no',
    'name_ja',
    'name_en',
    'aliases_en',
    'aliases_ja',
    'address',
  ]);
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const list = r.get('list');
    if (!lists.has(list))
      throw new ChokepointError('bad_file', `list must be russia, belarus or third_country, not "${list}"`, {
        file,
        line: r.line,
        column: 'list',
      });
    const no = requireValue(r.get('no'), { file, line: r.line, column: 'no' });
    const id = `${list}-${no}`;
    const first = seen.get(id);
    if (first !== undefined)
      throw new ChokepointError('bad_file', `${list} no. ${no} appears again (first on line ${first})`, {
        file,
        line: r.line,
        column: 'no',
      });
    seen.set(id, r.line);
    const ja = splitJapaneseAliases(r.get('name_ja'));
    const nameEn = r.get('name_en');
    if (!nameEn && !ja.name)
      throw new ChokepointError('bad_file', 'the entry has neither an English nor a Japanese name', {
        file,
        line: r.line,
      });
    const names = [
      ...new Set(
        [
          nameEn,
          ja.name,
          ...splitValues(r.get('aliases_en'), /\s*\|\s*/),
          ...ja.aliases,
          ...splitValues(r.get('aliases_ja'), /\s*\|\s*/),
        ].filter(Boolean),
      ),
    ];
    const address = r.get('address');
    const country = list === 'russia' ? 'RUS' : list === 'belarus' ? 'BLR' : countryOfAddress(address);
    return {
      id,
      names,
      countries: country ? [country] : [],
      identifiers: [],
      concerns: [],
      programme: list,
      address: address || undefined,
      sourceRow: r.line,
    };
  });
}
