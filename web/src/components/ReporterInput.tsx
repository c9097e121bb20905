import type { InputHTMLAttributes } from 'react';
import type { CountryRef } from '../reference/reference.ts';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'list'>;

/**
 * A reporter typed as its code (ISO3 or a group id), for forms the API validates; with `countries`, the field
 * suggests them by name (a datalist `listId`).
 */
export function ReporterInput({
  value,
  onChange,
  countries,
  listId,
  lang = 'en',
  ...input
}: InputProps & {
  value: string;
  onChange: (value: string) => void;
  countries?: readonly Pick<CountryRef, 'iso3' | 'en' | 'ja'>[];
  listId?: string;
  lang?: 'ja' | 'en';
}) {
  return (
    <>
      <input
        name="reporter"
        {...input}
        list={countries ? listId : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {countries && (
        <datalist id={listId}>
          {countries.map((c) => (
            <option key={c.iso3} value={c.iso3}>
              {c[lang]}
            </option>
          ))}
        </datalist>
      )}
    </>
  );
}
