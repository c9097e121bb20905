import type { ReactNode } from 'react';

/** A select's options: each value, shown as `label(value)` (the value itself by default). */
export function Options<T extends string | number>({
  values,
  label = (v) => v,
}: {
  values: readonly T[];
  label?: (value: T) => ReactNode;
}) {
  return values.map((v) => (
    <option key={v} value={v}>
      {label(v)}
    </option>
  ));
}
