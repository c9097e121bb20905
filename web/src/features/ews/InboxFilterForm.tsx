import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inboxFilterKeys } from './inbox.ts';
import type { InboxFilters } from './shape.ts';
import type { Item } from './types.ts';
import { Options } from '../../components/Options.tsx';

type Key = (typeof inboxFilterKeys)[number];

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
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const [edit, setEdit] = useState({ of: applied, draft: applied });
  const draft = edit.of === applied ? edit.draft : applied;
  const field = (key: Key, value: string) => setEdit({ of: applied, draft: { ...draft, [key]: value } });
  return (
    <form
      className="ews-filters"
      aria-label={t('ews.inbox.filters')}
      onSubmit={(e) => {
        e.preventDefault();
        onApply({ ...draft, page: 1 });
      }}
    >
      <label>
        {t('ews.inbox.level')}
        <select value={draft.level} onChange={(e) => field('level', e.target.value)} name="level">
          <option value="">{t('ews.inbox.anyLevel')}</option>
          <Options
            values={[1, 2, 3, 4]}
            label={(l) => (
              <>
                {l} {t(`ews.level.${l}`)}
              </>
            )}
          />
        </select>
      </label>
      <label>
        {t('ews.inbox.minLevel')}
        <select value={draft.minLevel} onChange={(e) => field('minLevel', e.target.value)} name="minLevel">
          <option value="">{t('ews.inbox.anyLevel')}</option>
          <Options
            values={[2, 3, 4]}
            label={(l) => (
              <>
                {l} {t(`ews.level.${l}`)}+
              </>
            )}
          />
        </select>
      </label>
      <label>
        {t('ews.inbox.status')}
        <select value={draft.status} onChange={(e) => field('status', e.target.value)} name="status">
          <option value="">{t('ews.inbox.anyStatus')}</option>
          <Options
            values={['new', 'acknowledged', 'assigned', 'resolved']}
            label={(s) => t(`ews.status.${s}`)}
          />
        </select>
      </label>
      <label>
        {t('ews.inbox.item')}
        <select value={draft.itemId} onChange={(e) => field('itemId', e.target.value)} name="itemId">
          <option value="">{t('ews.inbox.anyItem')}</option>
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label[lang]} · {i.reporter} {t(`ews.flow.${i.flow}`)}
              {i.partner ? ` · ${i.partner}` : ''}
            </option>
          ))}
        </select>
      </label>
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
