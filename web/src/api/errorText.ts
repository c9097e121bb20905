import i18n from '../i18n/index.ts';
import { addFeatureTexts } from '../i18n/featureTexts.ts';
import { translateApiErrorsWith, type ApiErrorParts } from './client.ts';
import { errorTexts } from './errorTexts.ts';

/**
 * Says API errors in the user's language: the error's reason with its parameters (validation, "not found"),
 * else its code's text. In English the server's own message is kept where no reason says more, being the more
 * precise; in Japanese the code's text leads and the server's words follow as a detail. The field is not part of
 * the text: forms show it beside the field or prefix it themselves. Loaded once by main.tsx.
 */
addFeatureTexts('apiError', errorTexts);

/** Whether a text for `key` exists in the current language's tree (i18next returns the key itself when not). */
const has = (key: string) => i18n.exists(key);

export function apiErrorText(e: ApiErrorParts): string {
  const t = i18n.t.bind(i18n);
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const params: Record<string, string | number> = { ...(e.params ?? {}) };
  if (typeof params.object === 'string' && has(`apiError.object.${params.object}`))
    params.object = t(`apiError.object.${params.object}`);
  const codeText = has(`apiError.code.${e.code}`) ? t(`apiError.code.${e.code}`) : null;
  if (e.reason && has(`apiError.reason.${e.reason}`)) return t(`apiError.reason.${e.reason}`, params);
  if (!codeText || lang === 'en') return e.message;
  if (!e.message || e.message === errorTexts.en.code[e.code as keyof typeof errorTexts.en.code])
    return codeText;
  return t('apiError.withDetail', { text: codeText, detail: e.message });
}

translateApiErrorsWith(apiErrorText);
