import type { Dossier } from '../data/tech/dossier.ts';
import { documentContentTypes, type DocumentFormat } from '../data/tech/documentFile.ts';
import { markingHeader } from './security/enforcement.ts';

/**
 * The headers of a marked document sent as a file download (routes with `config.marks: 'export'`): its type, its
 * name, and the marking written in the file also in the `x-chokepoint-marking` header.
 */
export function documentHeaders(
  document: Pick<Dossier, 'marking'>,
  format: DocumentFormat,
  fileName: string,
): Record<string, string> {
  return {
    'content-type': documentContentTypes[format],
    'content-disposition': `attachment; filename="${fileName}.${format}"`,
    [markingHeader]: JSON.stringify(document.marking),
  };
}
