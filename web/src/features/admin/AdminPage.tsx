import type { ViewProps } from '../../views.ts';
import { useTranslation } from 'react-i18next';
import { href } from '../../router/router.ts';
import { useSignedIn } from '../auth/signedIn.ts';
import { AuditPanel } from './AuditPanel.tsx';
import { MarkingsPanel } from './MarkingsPanel.tsx';
import { OrganisationsPanel } from './OrganisationsPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';
import type { Role } from './types.ts';
import './texts.ts';
import '../../components/forms.css';
import './admin.css';

/** The administration tabs and the roles that may use each (the API enforces the same). */
const tabs = [
  { id: 'users', roles: ['administrator'], Panel: UsersPanel },
  { id: 'organisations', roles: ['administrator'], Panel: OrganisationsPanel },
  { id: 'markings', roles: ['administrator', 'analyst'], Panel: MarkingsPanel },
  { id: 'audit', roles: ['auditor'], Panel: AuditPanel },
] as const satisfies readonly { id: string; roles: readonly Role[]; Panel: () => unknown }[];

/** Administration: `#/admin/<tab>` — users, organisations, dataset markings, audit log (API tokens: #/account). */
export function AdminPage({ route }: ViewProps) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const allowed = tabs.filter((tab) => me && (tab.roles as readonly Role[]).includes(me.role));
  const current = allowed.find((tab) => tab.id === route.path[1]) ?? allowed[0];
  if (!current) return <p role="alert">{t('admin.notAllowed')}</p>;
  const Panel = current.Panel;
  return (
    <div className="admin">
      <h1 className="page-title">{t('admin.title')}</h1>
      <nav className="tabs" aria-label={t('admin.title')}>
        {allowed.map((tab) => (
          <a key={tab.id} href={href(['admin', tab.id])} aria-current={tab === current ? 'page' : undefined}>
            {t(`admin.tabs.${tab.id}`)}
          </a>
        ))}
      </nav>
      <Panel />
    </div>
  );
}
