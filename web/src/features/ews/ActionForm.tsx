import type { ReactNode } from 'react';

/** A labelled form that runs `onSubmit` (a request) instead of navigating: the setup tab's forms. */
export function ActionForm({
  label,
  className = 'ews-form',
  onSubmit,
  children,
}: {
  label: string;
  className?: string;
  onSubmit: () => Promise<unknown> | void;
  children: ReactNode;
}) {
  return (
    <form
      className={className}
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** What a form's request did (announced politely) and, when it failed, why (announced at once). */
export function ActionOutcome({
  status,
  error,
  testId,
}: {
  status: ReactNode;
  error: string | null;
  testId: string;
}) {
  return (
    <>
      <p role="status" aria-live="polite" data-testid={testId}>
        {status}
      </p>
      {error && (
        <p role="alert" className="ews-field-error">
          {error}
        </p>
      )}
    </>
  );
}
