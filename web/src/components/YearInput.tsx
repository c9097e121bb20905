import type { InputHTMLAttributes } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

/** A year typed as a number (1950–2100; the API says whether it has data for it). */
export function YearInput({
  value,
  onChange,
  ...input
}: InputProps & { value: string; onChange: (value: string) => void }) {
  return (
    <input
      name="year"
      type="number"
      min={1950}
      max={2100}
      {...input}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
