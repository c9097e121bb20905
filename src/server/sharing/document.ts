import type { FastifyReply } from 'fastify';
import { documentHtml, shareDocument, type Share } from '../../data/sharing/index.ts';
import { renderDocument } from '../../data/tech/documentFile.ts';
import { documentHeaders } from '../documentReply.ts';
import { markingHeader } from '../security/enforcement.ts';

/**
 * A shared result as a PDF or an HTML page, its marking on every page and in the `x-chokepoint-marking` header,
 * the reader's name as the watermark on every page.
 */
export async function sendShareDocument(
  reply: FastifyReply,
  share: Share,
  options: { format: 'html' | 'pdf'; lang: 'ja' | 'en'; watermark: string },
): Promise<FastifyReply> {
  const document = shareDocument(share, options.lang, options.watermark);
  if (options.format === 'pdf') {
    const file = await renderDocument(document, 'pdf');
    return reply.headers(documentHeaders(document, 'pdf', `share-${share.id}`)).send(file);
  }
  return reply
    .headers({
      'content-type': 'text/html; charset=utf-8',
      'content-disposition': `inline; filename="share-${share.id}.html"`,
      [markingHeader]: JSON.stringify(document.marking),
    })
    .send(documentHtml(document));
}
