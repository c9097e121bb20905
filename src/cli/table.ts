/** Renders rows as an aligned text table for the terminal (East Asian wide characters count double). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

export function renderTable(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = headers.map((h, i) => Math.max(textWidth(h), ...cells.map((r) => textWidth(r[i] ?? ''))));
  const pad = (s: string, i: number) => s + ' '.repeat(widths[i] - textWidth(s));
  const lines = [headers.map(pad).join('  '), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of cells) lines.push(r.map(pad).join('  ').trimEnd());
  return lines.join('\n');
}
