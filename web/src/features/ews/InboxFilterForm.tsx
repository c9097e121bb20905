import { useCountryName } from '../../reference/useReference.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inboxFilterKeys } from './inbox.ts';
import type { InboxFilters } from './shape.ts';
import type { Item } from './types.ts';
import { Options } from '../../components/Options.tsx';

type Key = (typeof inboxFilterKeys)[number];
const statuses = ['new', 'acknowledged', 'assigned', 'resolved'];

/** The inbox filters as a form: edited here, applied (to the URL) on submit; the URL's filters replace an edit. */
export function InboxFilterForm({
  applied,
  items,
  onApply,
}: {
  applied: InboxFilters;
  items: Item[];
  onApply: (filters: InboxFilters) => void;
}) {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const [edit, setEdit] = useState({ of: applied, draft: applied });
  const draft = edit.of === applied ? edit.draft : applied;
  const field = (key: Key, value: string) => setEdit({ of: applied, draft: { ...draft, [key]: value } });
  const itemById = new Map(items.map((i) => [i.id, i]));
  const itemLabel = (i: Item) =>
    `${i.label[lang]} · ${countryName(i.reporter)} ${t(`ews.flow.${i.flow}`)}${i.partner ? ` · ${countryName(i.partner)}` : ''}`;
  /** A filter picked from a list, or any (''). */
  const select = <T extends string | number>(key: Key, any: string, values: T[], label: (v: T) => string) => (
    <label>
      {t(`ews.inbox.${key === 'itemId' ? 'item' : key}`)}
      <select value={draft[key]} onChange={(e) => field(key, e.target.value)} name={key}>
        <option value="">{any}</option>
        <Options values={values} label={label} />
      </select>
    </label>
  );
  return (
    <form
      className="ews-filters"
      aria-label={t('ews.inbox.filters')}
      onSubmit={(e) => {
        e.preventDefault();
        onApply({ ...draft, page: 1 });
      }}
    >
      {select('level', t('ews.inbox.anyLevel'), [1, 2, 3, 4], (l) => `${l} ${t(`ews.level.${l}`)}`)}
      {select('minLevel', t('ews.inbox.anyLevel'), [2, 3, 4], (l) => `${l} ${t(`ews.level.${l}`)}+`)}
      {select('status', t('ews.inbox.anyStatus'), statuses, (s) => t(`ews.status.${s}`))}
      {select(
        'itemId',
        t('ews.inbox.anyItem'),
        items.map((i) => i.id),
        (id) => itemLabel(itemById.get(id)!),
      )}
      <label>
        {t('ews.inbox.partner')}
        <input
          value={draft.partner}
          onChange={(e) => field('partner', e.target.value)}
          name="partner"
          size={5}
          maxLength={3}
          pattern="[A-Za-z]{3}"
        />
      </label>
      <label>
        {t('ews.inbox.from')}
        <input type="month" value={draft.from} onChange={(e) => field('from', e.target.value)} name="from" />
      </label>
      <label>
        {t('ews.inbox.to')}
        <input type="month" value={draft.to} onChange={(e) => field('to', e.target.value)} name="to" />
      </label>
      <button type="submit">{t('ews.inbox.apply')}</button>
      <button type="button" onClick={() => onApply({ page: 1 })}>
        {t('ews.inbox.clear')}
      </button>
    </form>
  );
}
