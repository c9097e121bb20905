import { useTranslation } from 'react-i18next';
import { levelStyle, type BacktestStrip as Strip } from './shape.ts';
import type { Level } from './types.ts';

const cell = 6;
const rowHeight = 16;

/** One rule's alerts per month as a strip of cells (darker = more alerts), with the quiet period outlined. */
export function BacktestStrip({
  strip,
  months,
  max,
  quiet,
}: {
  strip: Strip;
  months: string[];
  max: number;
  quiet?: { from: string; to: string };
}) {
  const { t } = useTranslation();
  const width = months.length * cell;
  const colour = levelStyle[Math.min(4, Math.max(1, strip.level)) as Level].colour;
  const q0 = quiet ? months.indexOf(quiet.from) : -1;
  const q1 = quiet ? months.indexOf(quiet.to) : -1;
  return (
    <svg
      width={width}
      height={rowHeight}
      viewBox={`0 0 ${width} ${rowHeight}`}
      role="img"
      aria-label={t('ews.backtest.strip', {
        rule: strip.rule,
        count: strip.alerts,
        from: months[0],
        to: months.at(-1),
      })}
      data-rule={strip.rule}
    >
      <rect x={0} y={0} width={width} height={rowHeight} fill="#f6f8fa" />
      {months.map((m, i) =>
        m.endsWith('-01') ? (
          <line key={`y${m}`} x1={i * cell} x2={i * cell} y1={0} y2={rowHeight} stroke="#d0d7de" />
        ) : null,
      )}
      {q0 >= 0 && q1 >= q0 && (
        <rect
          x={q0 * cell}
          y={0.5}
          width={(q1 - q0 + 1) * cell}
          height={rowHeight - 1}
          fill="none"
          stroke="#1a7f37"
          strokeDasharray="3 2"
        />
      )}
      {strip.counts.map((n, i) =>
        n > 0 ? (
          <rect
            key={i}
            x={i * cell}
            y={2}
            width={cell - 1}
            height={rowHeight - 4}
            fill={colour}
            opacity={0.35 + 0.65 * (n / Math.max(1, max))}
          >
            <title>
              {months[i]}: {n}
            </title>
          </rect>
        ) : null,
      )}
    </svg>
  );
}

/** Year labels under the strips. */
export function StripAxis({ months }: { months: string[] }) {
  const width = months.length * cell;
  return (
    <svg width={width} height={14} viewBox={`0 0 ${width} 14`} aria-hidden="true">
      {months.map((m, i) =>
        m.endsWith('-01') ? (
          <text key={m} x={i * cell + 1} y={11} fontSize={10} fill="#57606a">
            {m.slice(0, 4)}
          </text>
        ) : null,
      )}
    </svg>
  );
}
