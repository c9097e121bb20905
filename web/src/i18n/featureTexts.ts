import i18n from './index.ts';

/** A feature's own texts, one tree per language; both languages must have the same keys. */
export interface FeatureTexts {
  en: Record<string, unknown>;
  ja: Record<string, unknown>;
}

/**
 * Adds a feature's texts under `key` (so `t('screen.title')` reads features/screen's texts). Features call it
 * when their module loads, which keeps lazily loaded features' texts out of the first download.
 */
export function addFeatureTexts(key: string, texts: FeatureTexts): FeatureTexts {
  for (const lang of ['en', 'ja'] as const) {
    i18n.addResourceBundle(lang, 'translation', { [key]: texts[lang] }, true, true);
  }
  return texts;
}
