import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get, post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { href } from '../../router/router.ts';
import { setSignedIn, type Me } from './signedIn.ts';
import { FirstPasswordChange } from '../account/FirstPasswordChange.tsx';

/**
 * Shows the sign-in form until there is a session, then the children with a "signed in as" line and sign-out.
 * Every API route but health, sign-in and the consultation desk needs the session (docs/security.md).
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  // The session this page was opened with (none: null), until the user signs in or out here.
  const opened = useApi('session', (signal) =>
    get('GET /api/auth/me', { signal })
      .then(
        (found): Me | null => found,
        () => null,
      )
      .then((found) => {
        if (!signal.aborted) setSignedIn(found);
        return found;
      }),
  );
  const [changed, setChanged] = useState<{ me: Me | null } | null>(null);
  const me = changed ? changed.me : opened.loading ? undefined : opened.data;
  const setMe = (next: Me | null) => {
    setSignedIn(next);
    setChanged({ me: next });
  };
  if (me === undefined) return <p role="status">{t('auth.checking')}</p>;
  if (me === null) return <SignIn onSignedIn={setMe} />;
  const signOut = () => {
    void post('POST /api/auth/logout').finally(() => setMe(null));
  };
  if (me.mustChangePassword) {
    const reopen = () => {
      void get('GET /api/auth/me').then(setMe, () => setMe(null));
    };
    return <FirstPasswordChange onChanged={reopen} onSignOut={signOut} />;
  }
  return (
    <>
      <p className="session">
        {t('auth.signedInAs', {
          name: me.displayName,
          role: t(`auth.roles.${me.role}`),
          level: t(`marking.level.${me.clearance.level}`),
        })}{' '}
        <a href={href(['account'])}>{t('auth.account')}</a>{' '}
        <button type="button" onClick={signOut}>
          {t('auth.signOut')}
        </button>
      </p>
      {children}
    </>
  );
}

function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    post('POST /api/auth/login', {
      body: {
        username: String(form.get('username') ?? ''),
        password: String(form.get('password') ?? ''),
      },
    })
      .then((r) => onSignedIn(r.user))
      .catch((e: unknown) =>
        setError(e instanceof ApiError && e.status === 429 ? t('auth.tooMany') : t('auth.failed')),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form className="sign-in" onSubmit={submit} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t('auth.signIn')}</h2>
      <label>
        {t('auth.username')} <input name="username" autoComplete="username" required maxLength={64} />
      </label>
      <label>
        {t('auth.password')}{' '}
        <input name="password" type="password" autoComplete="current-password" required maxLength={1024} />
      </label>
      <button type="submit" disabled={busy}>
        {t('auth.signIn')}
      </button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
