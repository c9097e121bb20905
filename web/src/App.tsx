import { useTranslation } from 'react-i18next';
import { Home } from './features/home/Home.tsx';

export function App() {
  const { t, i18n } = useTranslation();
  return (
    <div className="app">
      <header>
        <h1>
          {t('app.title')} <small>{t('app.tagline')}</small>
        </h1>
        <button type="button" onClick={() => void i18n.changeLanguage(i18n.language === 'ja' ? 'en' : 'ja')}>
          {t('lang.switch')}
        </button>
      </header>
      <main>
        <Home />
      </main>
    </div>
  );
}
