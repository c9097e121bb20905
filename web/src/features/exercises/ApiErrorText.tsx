import { ApiError } from '../../api/client.ts';

/** An API error as a form shows it: the message and the field it names (`injects[2].title`), so it can be found. */
export function ApiErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  const field = error instanceof ApiError ? error.place.field : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <p role="alert" className="field-error" data-error-field={field}>
      {message}
      {field ? ` (${field})` : ''}
    </p>
  );
}
