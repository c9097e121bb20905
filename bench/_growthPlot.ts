import fs from 'node:fs';

/**
 * The growth plot of bench/scaleOut.ts: the ALL screen's time against the rows it reads, one line per engine, on
 * log–log axes (a line of slope 1 is time proportional to rows), written as a self-contained SVG.
 */
export interface GrowthPoint {
  scale: number;
  rows: number;
  duckMs: number;
  chMs: number;
}

export function writeGrowthSvg(points: GrowthPoint[], file: string): void {
  const width = 640;
  const height = 400;
  const margin = { left: 70, right: 150, top: 30, bottom: 50 };
  const xs = points.map((p) => Math.log10(p.rows));
  const ys = points.flatMap((p) => [Math.log10(p.duckMs / 1000), Math.log10(p.chMs / 1000)]);
  const [x0, x1] = [Math.min(...xs) - 0.1, Math.max(...xs) + 0.1];
  const [y0, y1] = [Math.floor(Math.min(...ys) * 2) / 2 - 0.1, Math.ceil(Math.max(...ys) * 2) / 2 + 0.1];
  const px = (x: number) => margin.left + ((x - x0) / (x1 - x0)) * (width - margin.left - margin.right);
  const py = (y: number) => height - margin.bottom - ((y - y0) / (y1 - y0)) * (height - margin.top - margin.bottom);
  const line = (values: number[], colour: string, label: string, dy: number) => {
    const coords = points.map((p, n) => `${px(Math.log10(p.rows)).toFixed(1)},${py(Math.log10(values[n] / 1000)).toFixed(1)}`);
    const last = coords.at(-1)!.split(',').map(Number);
    return [
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${coords.join(' ')}"/>`,
      ...coords.map((c) => `<circle cx="${c.split(',')[0]}" cy="${c.split(',')[1]}" r="4" fill="${colour}"/>`),
      `<text x="${last[0] + 10}" y="${last[1] + dy}" font-size="13" fill="${colour}">${label}</text>`,
    ].join('\n');
  };
  const ticksY: string[] = [];
  for (let e = Math.ceil(y0); e <= Math.floor(y1); e++) {
    for (const m of [1, 2, 5]) {
      const y = e + Math.log10(m);
      if (y < y0 || y > y1) continue;
      ticksY.push(
        `<line x1="${margin.left}" x2="${width - margin.right}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/>` +
          `<text x="${margin.left - 8}" y="${py(y) + 4}" font-size="11" text-anchor="end">${10 ** e * m} s</text>`,
      );
    }
  }
  const ticksX = points.map(
    (p) =>
      `<text x="${px(Math.log10(p.rows))}" y="${height - margin.bottom + 18}" font-size="11" text-anchor="middle">${(p.rows / 1e6).toFixed(p.rows < 1e7 ? 1 : 0)} M (${p.scale}×)</text>`,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="${width / 2 - 40}" y="18" font-size="14" text-anchor="middle">screen ALL: time against rows read (log–log)</text>
${ticksY.join('\n')}
${ticksX.join('\n')}
<text x="${(width - margin.right + margin.left) / 2}" y="${height - 10}" font-size="12" text-anchor="middle">rows read by the screen</text>
${line(points.map((p) => p.duckMs), '#1f77b4', 'DuckDB (embedded)', -4)}
${line(points.map((p) => p.chMs), '#d62728', 'ClickHouse, 2 shards', 12)}
</svg>
`;
  fs.writeFileSync(file, svg);
}
