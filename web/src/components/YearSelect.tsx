import { useId } from 'react';
import { Options } from './Options.tsx';

/** The year picker: a labelled select of the years given, in the order given. */
export function YearSelect({
  label,
  years,
  value,
  onChange,
}: {
  label: string;
  years: readonly number[];
  value: number;
  onChange: (year: number) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        <Options values={years} />
      </select>
    </>
  );
}
