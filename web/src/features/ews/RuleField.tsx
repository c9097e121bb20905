import type { ReactNode } from 'react';
import { Options } from '../../components/Options.tsx';

/** An error of the API: its message and the path of the field it names, when it names one. */
export interface FieldError {
  message: string;
  field?: string;
}

/** A labelled control of the rule editor named by its path in the rule set, with the API's error beside it. */
export function RuleField({
  path,
  label,
  error,
  children,
}: {
  path: string;
  label: ReactNode;
  error: FieldError | null;
  children: (invalid: boolean, describedBy?: string) => ReactNode;
}) {
  const invalid = error?.field === path;
  const errId = `ews-err-${path.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <label data-field={path}>
      {label}
      {children(invalid, invalid ? errId : undefined)}
      {invalid && (
        <span id={errId} className="ews-field-error" role="alert">
          {error!.message}
        </span>
      )}
    </label>
  );
}

/** An empty field is sent as null so that the API, not the browser, says what is wrong and where. */
const num = (v: string): number | null => (v.trim() === '' ? null : Number(v));

type Value =
  | { number: true; value: number | null | undefined; onChange: (v: number | null) => void }
  | { number?: false; value: string; onChange: (v: string) => void };

/** A text field, or with `number` a number field, of the rule set at `path`. */
export function InputField({
  path,
  label,
  error,
  ...field
}: { path: string; label: string; error: FieldError | null } & Value) {
  return (
    <RuleField path={path} label={label} error={error}>
      {(invalid, describedBy) => (
        <input
          type={field.number ? 'number' : undefined}
          step={field.number ? 'any' : undefined}
          name={path}
          value={field.value ?? ''}
          onChange={(e) =>
            field.number ? field.onChange(num(e.target.value)) : field.onChange(e.target.value)
          }
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      )}
    </RuleField>
  );
}

/** A select of the rule set at `path`: its values, each shown as `optionLabel(value)`. */
export function SelectField<T extends string | number>({
  path,
  label,
  error,
  value,
  values,
  optionLabel,
  onChange,
}: {
  path: string;
  label: string;
  error: FieldError | null;
  value: T;
  values: readonly T[];
  optionLabel?: (value: T) => string;
  onChange: (value: string) => void;
}) {
  return (
    <RuleField path={path} label={label} error={error}>
      {(invalid, describedBy) => (
        <select
          name={path}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        >
          <Options values={values} label={optionLabel} />
        </select>
      )}
    </RuleField>
  );
}
