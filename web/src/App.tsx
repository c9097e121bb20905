import { useTranslation } from 'react-i18next';
import { Home } from './features/home/Home.tsx';
import { ZonesPage } from './features/zones/ZonesPage.tsx';
import { TechIndicators } from './features/zones/TechIndicators.tsx';
import { PolicyMap } from './features/zones/PolicyMap.tsx';
import { href, useRoute } from './router/router.ts';
import { SessionGate } from './features/auth/SessionGate.tsx';

interface View {
  path: string;
  label: string;
  render: () => React.ReactNode;
}

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const views: View[] = [
    { path: '', label: t('nav.home'), render: () => <Home /> },
    { path: 'tech', label: t('nav.tech'), render: () => <TechIndicators /> },
    { path: 'zones', label: t('nav.zones'), render: () => <ZonesPage /> },
    { path: 'policy', label: t('nav.policy'), render: () => <PolicyMap /> },
  ];
  const current = views.find((v) => v.path === (route.path[0] ?? '')) ?? views[0];
  return (
    <div className="app">
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header>
        <h1>
          {t('app.title')} <small>{t('app.tagline')}</small>
        </h1>
        <nav aria-label={t('nav.label')}>
          {views.map((v) => (
            <a key={v.path} href={href(v.path ? [v.path] : [])} aria-current={v === current ? 'page' : undefined}>
              {v.label}
            </a>
          ))}
        </nav>
        <button
          type="button"
          lang={i18n.language === 'ja' ? 'en' : 'ja'}
          onClick={() => void i18n.changeLanguage(i18n.language === 'ja' ? 'en' : 'ja')}
        >
          {t('lang.switch')}
        </button>
      </header>
      <main id="main">
        <SessionGate>{current.render()}</SessionGate>
      </main>
    </div>
  );
}
