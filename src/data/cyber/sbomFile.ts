import fs from 'node:fs';
import path from 'node:path';
import { ChokepointError } from '../../errors.ts';
import { readCycloneDx } from './cyclonedx.ts';
import { cyclonedxXmlToJson } from './cyclonedxXml.ts';
import { readSpdx } from './spdx.ts';
import type { SbomDocument } from './sbomDocument.ts';

/** Largest SBOM file read (a 10,000-component CycloneDX JSON with hashes and licences is ~20 MB). */
export const maxSbomBytes = 64 * 1024 * 1024;

/**
 * Reads an SBOM from text, recognising the format by content: CycloneDX JSON (`bomFormat`), CycloneDX XML
 * (`<bom xmlns="http://cyclonedx.org/schema/bom/…">`), SPDX 2.x JSON (`spdxVersion`) or SPDX 3.0 JSON-LD
 * (`@graph`). Bad JSON names the line and column.
 */
export function parseSbomText(content: string, label: string): SbomDocument {
  const body = content.replace(/^\uFEFF/, '');
  const trimmed = body.trimStart();
  if (trimmed.startsWith('<')) return readCycloneDx(cyclonedxXmlToJson(body, label), label, 'xml');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const place: { file: string; line?: number; column?: string } = { file: label };
    if (at) {
      const before = body.slice(0, Number(at[1]));
      place.line = before.split('\n').length;
      place.column = String(Number(at[1]) - before.lastIndexOf('\n'));
    }
    throw new ChokepointError('bad_file', `not valid JSON: ${message}`, place);
  }
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const o = json as Record<string, unknown>;
    if ('bomFormat' in o) return readCycloneDx(o, label, 'json');
    if ('spdxVersion' in o || '@graph' in o) return readSpdx(o, label);
  }
  throw new ChokepointError(
    'bad_file',
    'neither a CycloneDX BOM (bomFormat) nor an SPDX document (spdxVersion, @graph)',
    { file: label, field: '/' },
  );
}

export function readSbomFile(file: string): SbomDocument {
  const label = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ChokepointError('not_found', `no file ${file}`, { file });
  }
  if (stat.size > maxSbomBytes)
    throw new ChokepointError(
      'too_large',
      `${label} is ${stat.size} bytes; an SBOM may have at most ${maxSbomBytes}`,
      { file: label },
    );
  return parseSbomText(fs.readFileSync(file, 'utf8'), label);
}
