import zlib from 'node:zlib';

/**
 * A small, independent PDF text reader for tests (no poppler in CI): inflates every stream, reads the
 * ToUnicode CMaps (bfrange arrays and bfchar pairs, as pdfkit writes them for embedded TrueType fonts), and
 * decodes the hex strings shown by TJ/Tj with them. Enough to prove that a PDF's text is extractable.
 */
export interface PdfText {
  pages: number;
  text: string;
}

function streams(pdf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', pos);
    if (start < 0) break;
    const end = pdf.indexOf('\nendstream', start);
    const data = pdf.subarray(start + 'stream\n'.length, end);
    try {
      out.push(zlib.inflateSync(data));
    } catch {
      out.push(data);
    }
    pos = end + '\nendstream'.length;
  }
  return out;
}

function hexToCodes(hex: string): number[] {
  const codes: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) codes.push(parseInt(hex.slice(i, i + 4), 16));
  return codes;
}

function unicodeOf(hex: string): string {
  return String.fromCodePoint(...hexToCodes(hex));
}

export function pdfText(pdf: Buffer): PdfText {
  const map = new Map<number, string>();
  const contents: string[] = [];
  for (const s of streams(pdf)) {
    const text = s.toString('latin1');
    if (text.includes('begincmap')) {
      for (const m of text.matchAll(/<([0-9a-f]{4})>\s*<([0-9a-f]{4})>\s*\[([^\]]*)\]/gi)) {
        const from = parseInt(m[1], 16);
        [...m[3].matchAll(/<([0-9a-f]+)>/gi)].forEach((u, i) => map.set(from + i, unicodeOf(u[1])));
      }
      const chars = /beginbfchar([\s\S]*?)endbfchar/i.exec(text);
      if (chars)
        for (const m of chars[1].matchAll(/<([0-9a-f]{4})>\s*<([0-9a-f]+)>/gi))
          map.set(parseInt(m[1], 16), unicodeOf(m[2]));
    } else if (/\bT[Jj]\b/.test(text)) {
      contents.push(text);
    }
  }
  const lines: string[] = [];
  for (const c of contents) {
    for (const op of c.matchAll(/\[((?:<[0-9a-f]*>|[^\]])*)\]\s*TJ|<([0-9a-f]*)>\s*Tj/gi)) {
      const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]) : [op[2]];
      lines.push(
        hexes
          .map((h) =>
            hexToCodes(h)
              .map((code) => map.get(code) ?? '\ufffd')
              .join(''),
          )
          .join(''),
      );
    }
  }
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
  return { pages, text: lines.join('\n') };
}
