import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ja from './ja.json';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('chokepoint.lang') : null;
const initial = stored === 'en' || stored === 'ja' ? stored : navigator.language.startsWith('ja') ? 'ja' : 'en';

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ja: { translation: ja } },
  lng: initial,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  localStorage.setItem('chokepoint.lang', lng);
  document.documentElement.lang = lng;
});
document.documentElement.lang = initial;

export default i18n;
