import { useState } from 'react';
import { ApiError } from '../api/client.ts';

/**
 * The field an API error is about: the server's `place.field`, or for schema validation errors the property in
 * the message ("body/username must …"). Forms show the message by that field, or above the form when none.
 */
export function errorField(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.place.field) return error.place.field.replace(/^\//, '').split(/[./[]/)[0];
  const match = /body\/(\w+)/.exec(error.message);
  return match ? match[1] : null;
}

/**
 * Error state of one form: `at(field)` is the message to show by that field, `general` the rest. `loadErrors`:
 * the panel's lists that failed to load, shown the same way while the form has no error of its own.
 */
export function useFormError(fields: readonly string[], ...loadErrors: (Error | null)[]) {
  const [own, setError] = useState<unknown>(null);
  const error = own ?? loadErrors.find((e) => e !== null) ?? null;
  const field = errorField(error);
  const message = error instanceof Error ? error.message : error ? String(error) : null;
  return {
    set: setError,
    clear: () => setError(null),
    at: (name: string) => (field === name ? message : null),
    general: field && fields.includes(field) ? null : message,
  };
}
