import type { ReactNode } from 'react';

/** A column heading: its text, or `{ label, num: true }` for a column of figures (aligned as its cells). */
export type Column = ReactNode | { label: ReactNode; num: true };

/** A column of figures headed `label`. */
export const figureColumn = (label: ReactNode): Column => ({ label, num: true });

const isFigures = (c: Column): c is { label: ReactNode; num: true } =>
  typeof c === 'object' && c !== null && 'num' in c && 'label' in c;

/** A table's header row: one heading per column, each a column header for assistive technology. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) =>
          isFigures(c) ? (
            <th key={i} scope="col" className="num">
              {c.label}
            </th>
          ) : (
            <th key={i} scope="col">
              {c}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
