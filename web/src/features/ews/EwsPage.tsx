import { useTranslation } from 'react-i18next';
import type { ViewProps } from '../../views.ts';
import { href } from '../../router/router.ts';
import './texts.ts';
import './ews.css';
import { AlertInbox } from './AlertInbox.tsx';
import { ItemPage } from './ItemPage.tsx';
import { RuleEditor } from './RuleEditor.tsx';
import { BacktestView } from './BacktestView.tsx';
import { SetupPage } from './SetupPage.tsx';

/**
 * 早期警戒 / Early warning: #/ews (alert inbox), #/ews/item/<id> (series, thresholds, events),
 * #/ews/setup (data, items, scans), #/ews/rules (rule editor), #/ews/backtest. One navigation entry; the sub-pages are linked here.
 */
export function EwsPage({ route }: ViewProps) {
  const { t } = useTranslation();
  const sub = route.path[1] ?? '';
  const links: [string, string][] = [
    ['', t('ews.nav.inbox')],
    ['setup', t('ews.nav.setup')],
    ['rules', t('ews.nav.rules')],
    ['backtest', t('ews.nav.backtest')],
  ];
  return (
    <section aria-labelledby="ews-heading">
      <h2 id="ews-heading">{t('ews.title')}</h2>
      <nav className="ews-subnav" aria-label={t('ews.title')}>
        {links.map(([path, label]) => (
          <a
            key={path}
            href={href(path ? ['ews', path] : ['ews'])}
            aria-current={sub === path ? 'page' : undefined}
          >
            {label}
          </a>
        ))}
      </nav>
      {sub === 'item' && route.path[2] ? (
        <ItemPage id={route.path[2]} partner={route.query.get('partner') ?? undefined} />
      ) : sub === 'setup' ? (
        <SetupPage />
      ) : sub === 'rules' ? (
        <RuleEditor />
      ) : sub === 'backtest' ? (
        <BacktestView />
      ) : (
        <AlertInbox route={route} />
      )}
    </section>
  );
}
