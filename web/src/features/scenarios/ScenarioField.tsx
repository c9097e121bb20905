import type { InputHTMLAttributes, ReactNode } from 'react';
import type { ScenarioForm } from './scenarioForm.ts';

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

/** What a section of the form view gets: the form, the API's errors by field, and how to change the form. */
export interface FormSectionProps {
  form: ScenarioForm;
  errors: Record<string, string>;
  update: (patch: Partial<ScenarioForm>) => void;
}

/** The keys of `T` whose values are of type `V`. */
type KeysOf<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T];
type TextProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

/**
 * Text and number fields bound to one object of the form (the scenario, or a shock): each takes the object's key,
 * the field's name in the API's errors, its label, and for text the box's attributes (`size`, `lang`, …).
 */
export function fieldsOf<T extends object>(
  values: T,
  change: (patch: Partial<T>) => void,
  errors: Record<string, string>,
) {
  const set = (key: keyof T) => (value: unknown) => change({ [key]: value } as Partial<T>);
  return {
    text: (key: KeysOf<T, string>, field: string, label: string, input: TextProps = {}) => (
      <ScenarioField key={field} field={field} label={label} errors={errors}>
        {(p) => (
          <input {...p} {...input} value={values[key] as string} onChange={(e) => set(key)(e.target.value)} />
        )}
      </ScenarioField>
    ),
    number: (key: KeysOf<T, number>, field: string, label: string, integer = false) => (
      <ScenarioField key={field} field={field} label={label} errors={errors}>
        {(p) => (
          <NumberControl props={p} value={values[key] as number} onChange={set(key)} integer={integer} />
        )}
      </ScenarioField>
    ),
  };
}
