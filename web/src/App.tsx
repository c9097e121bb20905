import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoute } from './router/router.ts';
import { NavBar } from './components/NavBar.tsx';
import { SessionGate } from './features/auth/SessionGate.tsx';
import { useSignedIn } from './features/auth/signedIn.ts';
import { views } from './views.ts';
import { CurrencyControl } from './format/currency.tsx';

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const me = useSignedIn();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const current = views.find((v) => v.path === (route.path[0] ?? '')) ?? views[0];
  const Page = current.page;
  return (
    <div className="app">
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header>
        <h1>
          {t('app.title')} <small>{t('app.tagline')}</small>
        </h1>
        <NavBar
          shown={views.filter((v) => v.nav && (!v.roles || (me !== null && v.roles.includes(me.role))))}
          current={current}
        />
        <CurrencyControl />
        <button
          type="button"
          lang={lang === 'ja' ? 'en' : 'ja'}
          onClick={() => void i18n.changeLanguage(lang === 'ja' ? 'en' : 'ja')}
        >
          {t('lang.switch')}
        </button>
      </header>
      <main id="main">
        {current.public ? (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <Page route={route} />
          </Suspense>
        ) : (
          <SessionGate>
            <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
              <Page route={route} />
            </Suspense>
          </SessionGate>
        )}
      </main>
    </div>
  );
}
