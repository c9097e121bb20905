import path from 'node:path';
import { writeFileAtomic } from '../data/catalog/index.ts';
import type { Dossier } from '../data/tech/dossier.ts';
import { renderDocument } from '../data/tech/documentFile.ts';

/**
 * Writes a marked document as the files asked for (`--pdf FILE`, `--xlsx FILE`), each whole or not at all; returns
 * the files written. The writers load only here (seconds of CLI start-up otherwise).
 */
export async function writeDocumentFiles(
  document: Dossier,
  files: { pdf?: string; xlsx?: string },
): Promise<string[]> {
  const written: string[] = [];
  for (const format of ['pdf', 'xlsx'] as const) {
    const file = files[format];
    if (!file) continue;
    writeFileAtomic(path.resolve(file), await renderDocument(document, format));
    written.push(file);
  }
  return written;
}
