import type { ReactNode } from 'react';

const inputId = (field: string) => `sc-${field.replace(/[[\].]+/g, '-')}`;

/** What a field's control receives: its id, the field it stands for, and whether the API named it in an error. */
export interface ControlProps {
  id: string;
  'data-field': string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

/** A labelled control with the API's error for its field shown beside it. */
export function ScenarioField({
  field,
  label,
  errors,
  children,
}: {
  field: string;
  label: string;
  errors: Record<string, string>;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = inputId(field);
  const error = errors[field];
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'data-field': field,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? `${id}-error` : undefined,
      })}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert" data-error-for={field}>
          {error}
        </span>
      )}
    </div>
  );
}

/** A number box's text → its number; an emptied box is NaN (sent as is: the API names the field). */
export const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
/** An emptied number box stays empty. */
export const shown = (v: number) => (Number.isNaN(v) ? '' : v);

/** A number box of the form: `value` shown, each edit passed on as a number (`integer`: whole steps only). */
export function NumberControl({
  props,
  value,
  onChange,
  integer = false,
}: {
  props: ControlProps;
  value: number;
  onChange: (value: number) => void;
  integer?: boolean;
}) {
  return (
    <input
      {...props}
      type="number"
      step={integer ? undefined : 'any'}
      value={shown(value)}
      onChange={(e) => onChange(num(e.target.value))}
    />
  );
}
