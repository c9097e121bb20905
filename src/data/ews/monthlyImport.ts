import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { resolveCountry } from '../reference/countries.ts';
import type { MonthlyRow } from '../../analysis/ews/panel.ts';
import type { SourceFile } from '../catalog/catalog.ts';
import type { RecordedValueUnit } from './valueUnit.ts';
import { readTextFile, type TextEncoding } from '../importers/textEncoding.ts';

/**
 * What a monthly importer returns: the rows it kept and, reported never dropped silently, the rows it could not
 * use — partner names that resolve to no country (with counts), and other rejections with their line.
 */
export interface MonthlyImport {
  source: string;
  rows: MonthlyRow[];
  unresolvedPartners: { name: string; rows: number }[];
  rejected: { line: number; reason: string }[];
  /** 'zero' unless the source says a missing month is unknown. */
  missing: 'zero' | 'unknown';
  /** The unit of `value` as the source gives it; 'unknown' when the file does not say (never assumed USD). */
  valueUnit: RecordedValueUnit;
  file: SourceFile;
}

/** Partner names or codes → ISO3, counting failures by name. Aggregates map to WLD (world) and EUU (EU). */
export class PartnerResolver {
  private readonly failures = new Map<string, number>();
  private readonly cache = new Map<string, string | undefined>();

  constructor(private readonly extra: Record<string, string> = {}) {}

  resolve(name: string): string | undefined {
    if (this.cache.has(name)) return this.cache.get(name);
    const t = name.trim();
    let iso3: string | undefined = this.extra[t] ?? this.extra[t.toUpperCase()];
    if (!iso3) {
      if (/^(world|grand total|all partners|total)$/i.test(t) || t === '0') iso3 = 'WLD';
      else if (/^(eu|eu-?27|eu-?28|european union)$/i.test(t)) iso3 = 'EUU';
      else iso3 = resolveCountry(t)?.iso3;
    }
    this.cache.set(name, iso3);
    return iso3;
  }

  fail(name: string): void {
    this.failures.set(name, (this.failures.get(name) ?? 0) + 1);
  }

  report(): { name: string; rows: number }[] {
    return [...this.failures].map(([name, rows]) => ({ name, rows })).sort((a, b) => b.rows - a.rows);
  }
}

/** Reads a file as text (gunzipping .gz; encoding as textEncoding.ts decides) and describes it for provenance. */
export function readSourceText(file: string, encoding?: TextEncoding): { text: string; file: SourceFile } {
  const name = path.basename(file);
  const { text, bytes } = readTextFile(file, { encoding, label: name });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { text, file: { name, sha256, bytes: bytes.length } };
}

/** Describes a file received as text (the browser's import), as `readSourceText` describes one read from disk. */
export function describeText(name: string, text: string): SourceFile {
  const bytes = Buffer.from(text, 'utf8');
  return { name, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

export function describeFile(file: string): SourceFile {
  const bytes = fs.readFileSync(file);
  return {
    name: path.basename(file),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
  };
}

/** One-line summary of what an import kept and reported. */
export function importSummary(result: MonthlyImport): string {
  const parts = [
    `${result.rows.length} rows`,
    result.valueUnit === 'unknown'
      ? 'value unit unknown (state it with --value-unit)'
      : `values in ${result.valueUnit.label.en}`,
  ];
  if (result.unresolvedPartners.length) {
    const n = result.unresolvedPartners.reduce((a, u) => a + u.rows, 0);
    parts.push(
      `${n} rows with partners that match no country (${result.unresolvedPartners
        .slice(0, 10)
        .map((u) => `${u.name} ×${u.rows}`)
        .join(', ')}${result.unresolvedPartners.length > 10 ? ', …' : ''})`,
    );
  }
  if (result.rejected.length)
    parts.push(
      `${result.rejected.length} rows rejected (first: line ${result.rejected[0].line}: ${result.rejected[0].reason})`,
    );
  return parts.join('; ');
}
