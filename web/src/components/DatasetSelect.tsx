import type { SelectHTMLAttributes } from 'react';
import type { DatasetRef } from '../reference/reference.ts';

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>;

/** The dataset picker: each dataset by its title and id. */
export function DatasetSelect({
  datasets,
  value,
  onChange,
  ...select
}: SelectProps & {
  datasets: readonly Pick<DatasetRef, 'id' | 'title'>[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <select name="dataset" {...select} value={value} onChange={(e) => onChange(e.target.value)}>
      {datasets.map((d) => (
        <option key={d.id} value={d.id}>
          {d.title} ({d.id})
        </option>
      ))}
    </select>
  );
}
