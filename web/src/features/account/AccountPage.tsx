import { useTranslation } from 'react-i18next';
import { PasswordForm } from './PasswordForm.tsx';
import { TokensPanel } from './TokensPanel.tsx';
import './texts.ts';
import '../../components/forms.css';

/** `#/account`: every signed-in user's own page — change the password, manage API tokens. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <div className="account">
      <h1 className="page-title">{t('account.title')}</h1>
      <PasswordForm />
      <TokensPanel />
    </div>
  );
}
