import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../api/client.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { errorField } from '../../components/formErrors.ts';
import { minPasswordLength, passwordChangeProblem } from './passwordChange.ts';

type Field = 'currentPassword' | 'newPassword' | 'confirm';
const fields: { name: Field; autoComplete: string }[] = [
  { name: 'currentPassword', autoComplete: 'current-password' },
  { name: 'newPassword', autoComplete: 'new-password' },
  { name: 'confirm', autoComplete: 'new-password' },
];
const labels = { currentPassword: 'current', newPassword: 'next', confirm: 'confirm' } as const;

/**
 * Changes the signed-in user's password (POST /api/auth/password); the server ends the user's other sessions.
 * `onChanged` runs after the server accepted it (the first sign-in's page then opens the app).
 */
export function PasswordForm({ onChanged }: { onChanged?: () => void } = {}) {
  const { t } = useTranslation();
  const [error, setError] = useState<{ field: Field | null; message: string } | null>(null);
  const [changed, setChanged] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    const change = {
      currentPassword: String(data.get('currentPassword') ?? ''),
      newPassword: String(data.get('newPassword') ?? ''),
      confirm: String(data.get('confirm') ?? ''),
    };
    setChanged(false);
    const problem = passwordChangeProblem(change);
    if (problem) {
      setError({
        field: problem.field,
        message: t(`account.password.${problem.key}`, { min: minPasswordLength }),
      });
      return;
    }
    setError(null);
    setBusy(true);
    post('POST /api/auth/password', {
      body: { currentPassword: change.currentPassword, newPassword: change.newPassword },
    })
      .then(() => {
        element.reset();
        setChanged(true);
        onChanged?.();
      })
      .catch((e: unknown) => {
        const field = errorField(e) as Field | null;
        const wrongCurrent = e instanceof ApiError && e.status === 403 && field === 'currentPassword';
        setError({
          field: fields.some((f) => f.name === field) ? field : null,
          message: wrongCurrent ? t('account.password.wrongCurrent') : (e as Error).message,
        });
      })
      .finally(() => setBusy(false));
  };
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t('account.password.title')}</h2>
      <form className="form-box" onSubmit={submit} aria-labelledby="password-heading">
        {fields.map(({ name, autoComplete }) => (
          // The error stands outside the label, so that it is the field's description and not part of its name.
          <div key={name}>
            <label>
              {t(`account.password.${labels[name]}`)}{' '}
              <input
                name={name}
                type="password"
                autoComplete={autoComplete}
                required
                maxLength={1024}
                aria-describedby={`${name}-error`}
                aria-invalid={error?.field === name ? true : undefined}
              />
            </label>
            <FieldError id={`${name}-error`} message={error?.field === name ? error.message : null} />
          </div>
        ))}
        <p className="note">{t('account.password.help', { min: minPasswordLength })}</p>
        <button type="submit" disabled={busy}>
          {t('account.password.submit')}
        </button>
        {error && error.field === null && (
          <p role="alert" className="error">
            {error.message}
          </p>
        )}
        {changed && <p role="status">{t('account.password.changed')}</p>}
      </form>
    </section>
  );
}
