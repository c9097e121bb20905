import { useEffect, useEffectEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryRef } from '../../reference/reference.ts';
import { currentCountries } from '../../reference/names.ts';
import { chapterCodes, chapterOptionText } from './chapters.ts';
import type { ScreenState } from './screenState.ts';
import type { HsChapter, Lang } from './types.ts';

/** How long the search waits after the last keystroke before it searches. */
const searchPauseMs = 400;

/** Critical goods only, flagged by the method only, HS chapter, partner, and a search of codes and labels. */
export function ScreenFilters({
  countries,
  chapters,
  state,
  lang,
  methodName,
  go,
}: {
  countries: readonly CountryRef[];
  chapters: readonly HsChapter[];
  state: ScreenState;
  lang: Lang;
  methodName: string;
  go: (next: Partial<ScreenState>) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  // The text being typed, for the search it was typed over; a search changed elsewhere (back button) replaces it.
  const [draft, setDraft] = useState({ over: state.q, text: state.q });
  const q = draft.over === state.q ? draft.text : state.q;
  // The search goes through the page's state as it is when the pause ends: a method chosen, or any filter
  // changed, while typing is kept (the state of the keystroke's render would undo it).
  const search = useEffectEvent((text: string) => go({ q: text }));
  useEffect(() => {
    if (q === state.q) return;
    const timer = setTimeout(() => search(q), searchPauseMs);
    return () => clearTimeout(timer);
  }, [q, state.q]);
  return (
    <fieldset className="filters">
      <legend>{t('screening.filters')}</legend>
      {(['critical', 'flagged'] as const).map((key) => (
        <span key={key}>
          <input
            id={`${id}-${key}`}
            type="checkbox"
            checked={state[key]}
            onChange={(e) => go({ [key]: e.target.checked })}
          />{' '}
          <label htmlFor={`${id}-${key}`}>{t(`screening.${key}`, { method: methodName })}</label>
        </span>
      ))}
      <span>
        <label htmlFor={`${id}-chapter`}>{t('screening.chapter')}</label>{' '}
        <select id={`${id}-chapter`} value={state.chapter} onChange={(e) => go({ chapter: e.target.value })}>
          <option value="">{t('screening.allChapters')}</option>
          {(chapters.length > 0 ? chapters : chapterCodes.map((code) => ({ code, en: '', ja: '' }))).map(
            (c) => (
              <option key={c.code} value={c.code} title={c[lang] || undefined}>
                {chapterOptionText(c.code, c[lang])}
              </option>
            ),
          )}
        </select>
      </span>
      <span>
        <label htmlFor={`${id}-partner`}>{t('screening.partner')}</label>{' '}
        <select id={`${id}-partner`} value={state.partner} onChange={(e) => go({ partner: e.target.value })}>
          <option value="">{t('screening.anyPartner')}</option>
          {currentCountries(countries, lang).map((c) => (
            <option key={c.iso3} value={c.iso3}>
              {c[lang]} ({c.iso3})
            </option>
          ))}
        </select>
      </span>
      <span className="search">
        <label htmlFor={`${id}-q`}>{t('screening.search')}</label>{' '}
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          onChange={(e) => setDraft({ over: state.q, text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') go({ q });
          }}
        />
      </span>
    </fieldset>
  );
}
