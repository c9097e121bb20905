import type { ReactNode } from 'react';

/**
 * One figure: its label, its value, and data attributes of the value's element (`{ testid: 'hhi', value: 0.4 }`
 * → data-testid, data-value: what tests read, such as the raw number behind a formatted value).
 */
export interface Figure {
  label: ReactNode;
  value: ReactNode;
  data?: Record<string, string | number>;
}

/** Labelled figures as a description list, each pair in its own group (styled by `className`). */
export function Figures({
  figures,
  className,
  testId,
}: {
  figures: readonly (Figure | false | null | undefined)[];
  className: string;
  testId?: string;
}) {
  return (
    <dl className={className} data-testid={testId}>
      {figures
        .filter((f): f is Figure => Boolean(f))
        .map((f, i) => (
          <div key={i}>
            <dt>{f.label}</dt>
            <dd {...Object.fromEntries(Object.entries(f.data ?? {}).map(([k, v]) => [`data-${k}`, v]))}>
              {f.value}
            </dd>
          </div>
        ))}
    </dl>
  );
}
