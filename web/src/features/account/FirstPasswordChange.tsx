import { useTranslation } from 'react-i18next';
import { PasswordForm } from './PasswordForm.tsx';
import './texts.ts';
import '../../components/forms.css';

/**
 * What a user who signed in with a one-time password sees instead of the app (issue 27): the server answers
 * nothing else until the password is changed (403 password_change_required), so the page says why and offers
 * only the change and signing out.
 */
export function FirstPasswordChange({ onChanged, onSignOut }: { onChanged: () => void; onSignOut: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="account first-password">
      <h1 className="page-title">{t('account.first.title')}</h1>
      <p>{t('account.first.why')}</p>
      <PasswordForm onChanged={onChanged} />
      <button type="button" onClick={onSignOut}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}
