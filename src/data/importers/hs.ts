import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { DataDir } from '../catalog/dataDir.ts';
import { Catalog, type CatalogEntry, type SourceFile } from '../catalog/catalog.ts';
import { ChokepointError } from '../../errors.ts';
import { parseCsvTable, type CsvRecord } from './csvRecords.ts';
import { readTextFile } from './textEncoding.ts';
import { hsChapterTitlesJa } from '../reference/hsChapters.ts';

/**
 * HS nomenclature → dataset 'hs' (one JSON file, hs.json, in the store): every code with its level (2, 4, 6),
 * revision and labels.
 *  - harmonized-system.csv (section,hscode,description,parent,level): HS 2022 codes with English descriptions;
 *  - hs4_ja.csv (hs4,desc_ja), hs6_ja.csv (hs6,desc_ja_path): Japanese labels of HS 2022 headings and
 *    subheadings from Japan Customs' tariff schedule (the HS6 label is the path "group ＞ subheading");
 *  - baci_product_codes_hs17_bec.csv (code,description,bec): HS 2017 subheadings with English descriptions;
 *  - chapter titles in Japanese: src/data/reference/hsChapters.ts (ours, after 実行関税率表).
 */
export interface HsCode {
  code: string;
  level: 2 | 4 | 6;
  revision: 'HS17' | 'HS22';
  en: string;
  ja?: string;
}

export interface HsFiles {
  /** harmonized-system.csv */
  hs22: string;
  /** hs4_ja.csv */
  hs4Ja: string;
  /** hs6_ja.csv */
  hs6Ja: string;
  /** baci_product_codes_hs17_bec.csv */
  hs17: string;
}

export interface HsImportOptions {
  dataDir: DataDir;
  files: HsFiles;
  datasetId?: string;
  version?: string;
  title?: string;
  publisher?: string;
  url?: string;
  licence?: string;
  source?: CatalogEntry['source'];
  retrievedAt?: string;
  /** Checksums already computed (by fetch); computed here when absent. */
  sourceFiles?: SourceFile[];
}

export const hsFileName = 'hs.json';

function readTable(
  file: string,
  required: string[],
): { header: string[]; rows: CsvRecord[]; col: (name: string) => number } {
  const records = parseCsvTable(readTextFile(file).text, file);
  if (records.length === 0) throw new ChokepointError('bad_file', 'the file is empty', { file });
  const header = records[0].fields.map((h) => h.trim());
  for (const name of required) {
    if (!header.includes(name)) {
      throw new ChokepointError('bad_file', `missing column "${name}" (found: ${header.join(', ')})`, {
        file,
        line: 1,
        column: name,
      });
    }
  }
  return { header, rows: records.slice(1), col: (name) => header.indexOf(name) };
}

function checkCode(
  code: string,
  levels: number[],
  place: { file: string; line: number; column: string },
): string {
  const c = code.trim();
  if (!/^\d+$/.test(c) || !levels.includes(c.length)) {
    throw new ChokepointError(
      'bad_file',
      `"${code}" is not an HS code of ${levels.join(' or ')} digits`,
      place,
    );
  }
  return c;
}

/** Reads the four files into HS codes, checked (digits, levels, every Japanese label attached to a known code). */
export function readHsFiles(files: HsFiles): HsCode[] {
  const out: HsCode[] = [];
  const hs22 = readTable(files.hs22, ['hscode', 'description', 'level']);
  const byCode = new Map<string, HsCode>();
  for (const { fields, line } of hs22.rows) {
    const raw = fields[hs22.col('hscode')];
    if (raw === 'TOTAL') continue;
    const code = checkCode(raw, [2, 4, 6], { file: files.hs22, line, column: 'hscode' });
    const level = code.length as 2 | 4 | 6;
    if (Number(fields[hs22.col('level')]) !== level) {
      throw new ChokepointError(
        'bad_file',
        `level ${fields[hs22.col('level')]} does not match code ${code}`,
        { file: files.hs22, line, column: 'level' },
      );
    }
    const entry: HsCode = { code, level, revision: 'HS22', en: fields[hs22.col('description')].trim() };
    if (level === 2) entry.ja = hsChapterTitlesJa[code];
    byCode.set(code, entry);
    out.push(entry);
  }
  const attachJa = (file: string, codeColumn: string, labelColumn: string, digits: number) => {
    const table = readTable(file, [codeColumn, labelColumn]);
    for (const { fields, line } of table.rows) {
      const code = checkCode(fields[table.col(codeColumn)], [digits], { file, line, column: codeColumn });
      const entry = byCode.get(code);
      // A Japanese label for a code the HS 2022 list lacks would be silently lost: refuse it instead.
      if (!entry)
        throw new ChokepointError('bad_file', `HS code ${code} is not in the HS 2022 list`, {
          file,
          line,
          column: codeColumn,
        });
      const label = fields[table.col(labelColumn)].trim();
      if (label) entry.ja = label;
    }
  };
  attachJa(files.hs4Ja, 'hs4', 'desc_ja', 4);
  attachJa(files.hs6Ja, 'hs6', 'desc_ja_path', 6);
  // hs4_ja.csv leaves the heading empty where the heading has one subheading (0205 → 020500 only); the tariff
  // schedule prints the text once, on the subheading, so the heading takes the subheading's label.
  for (const entry of byCode.values()) {
    if (entry.level === 4 && !entry.ja) entry.ja = byCode.get(`${entry.code}00`)?.ja;
  }
  const hs17 = readTable(files.hs17, ['code', 'description']);
  for (const { fields, line } of hs17.rows) {
    const code = checkCode(fields[hs17.col('code')], [6], { file: files.hs17, line, column: 'code' });
    out.push({ code, level: 6, revision: 'HS17', en: fields[hs17.col('description')].trim() });
  }
  return out;
}

function fileFacts(file: string): SourceFile {
  const content = fs.readFileSync(file);
  return {
    name: path.basename(file),
    sha256: createHash('sha256').update(content).digest('hex'),
    bytes: content.length,
  };
}

export async function importHs(options: HsImportOptions): Promise<CatalogEntry> {
  const codes = readHsFiles(options.files);
  const sourceFiles = options.sourceFiles ?? Object.values(options.files).map(fileFacts);
  const versionKey = createHash('sha256')
    .update(sourceFiles.map((f) => f.sha256).join(''))
    .update('hs-format-1')
    .digest('hex')
    .slice(0, 16);
  const scratch = options.dataDir.scratch('hs');
  try {
    fs.writeFileSync(path.join(scratch, hsFileName), JSON.stringify(codes));
    const now = new Date().toISOString();
    const count = (revision: string, level: number) =>
      codes.filter((c) => c.revision === revision && c.level === level).length;
    return new Catalog(options.dataDir).publish(
      {
        id: options.datasetId ?? 'hs',
        kind: 'hs',
        title: options.title ?? 'HS nomenclature (HS 2022 and HS 2017) with English and Japanese labels',
        publisher: options.publisher ?? 'World Customs Organization; Japan Customs; CEPII',
        url: options.url,
        version: options.version ?? versionKey,
        licence: options.licence,
        source: options.source ?? 'import',
        retrievedAt: options.retrievedAt ?? now,
        importedAt: now,
        synthetic: false,
        files: sourceFiles,
        rows: codes.length,
        rejectedRows: 0,
        hs: 'HS22',
        notes:
          'Japanese labels: Japan Customs tariff schedule (headings, subheadings); Japanese chapter titles written by chokepoint after 実行関税率表.',
        extra: {
          hs22: { chapters: count('HS22', 2), headings: count('HS22', 4), subheadings: count('HS22', 6) },
          hs17: { subheadings: count('HS17', 6) },
          japaneseLabels: codes.filter((c) => c.ja).length,
          withoutJapanese: codes.filter((c) => c.revision === 'HS22' && !c.ja).map((c) => c.code),
        },
      },
      scratch,
      versionKey,
    );
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}
