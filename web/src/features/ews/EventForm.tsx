import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../api/client.ts';
import { errorField } from './errorField.ts';
import { codeList } from './shape.ts';
import type { Item } from './types.ts';

interface Draft {
  country: string;
  hs: string;
  targets: string;
  announced: string;
  effective: string;
  titleJa: string;
  titleEn: string;
  source: string;
}

const apiField: Record<string, keyof Draft> = { title: 'titleEn' };

/** Records an export-control announcement (POST /api/ews/events); the supplier is the imposing country. */
export function EventForm({ item, partner, onSaved }: { item: Item; partner?: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const supplier = item.flow === 'export' ? item.reporter : partner && partner !== 'WLD' ? partner : '';
  const [draft, setDraft] = useState<Draft>({
    country: supplier,
    hs: item.hs,
    targets: '',
    announced: '',
    effective: '',
    titleJa: '',
    titleEn: '',
    source: '',
  });
  const [error, setError] = useState<{ message: string; field?: keyof Draft } | null>(null);
  const [status, setStatus] = useState('');
  const set = (k: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  const save = async () => {
    setError(null);
    setStatus(t('ews.common.saving'));
    try {
      await post('POST /api/ews/events', {
        body: {
          country: draft.country.trim().toUpperCase(),
          hs: codeList(draft.hs),
          targets: codeList(draft.targets, true),
          announced: draft.announced,
          effective: draft.effective,
          title: {
            ja: draft.titleJa.trim() || draft.titleEn.trim(),
            en: draft.titleEn.trim() || draft.titleJa.trim(),
          },
          source: draft.source.trim(),
        },
      });
      setStatus(t('ews.eventForm.saved'));
      onSaved();
    } catch (e) {
      const err = e as ApiError;
      const f = errorField(e);
      setStatus('');
      setError({ message: err.message, field: f ? (apiField[f] ?? (f as keyof Draft)) : undefined });
    }
  };
  const input = (k: keyof Draft, label: string, props: Record<string, unknown> = {}) => (
    <label>
      {label}
      <input
        name={k}
        value={draft[k]}
        onChange={set(k)}
        aria-invalid={error?.field === k || undefined}
        aria-describedby={error?.field === k ? 'ews-event-error' : undefined}
        {...props}
      />
      {error?.field === k && (
        <span id="ews-event-error" className="ews-field-error">
          {error.message}
        </span>
      )}
    </label>
  );
  return (
    <form
      className="ews-form"
      aria-labelledby="ews-event-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h4 id="ews-event-form" style={{ gridColumn: '1 / -1', marginBottom: 0 }}>
        {t('ews.eventForm.title')}
      </h4>
      {input('country', t('ews.eventForm.country'), { required: true, pattern: '[A-Za-z]{3}', maxLength: 3 })}
      {input('hs', t('ews.eventForm.hs'), { required: true })}
      {input('targets', t('ews.eventForm.targets'))}
      {input('announced', t('ews.eventForm.announced'), { type: 'date', required: true })}
      {input('effective', t('ews.eventForm.effective'), { type: 'date', required: true })}
      {input('titleJa', t('ews.eventForm.titleJa'))}
      {input('titleEn', t('ews.eventForm.titleEn'), { required: true })}
      {input('source', t('ews.eventForm.source'), { required: true })}
      <button type="submit">{t('ews.eventForm.save')}</button>
      <p role="status" aria-live="polite" style={{ gridColumn: '1 / -1' }}>
        {status}
      </p>
      {error && !error.field && (
        <p role="alert" className="ews-field-error" style={{ gridColumn: '1 / -1' }}>
          {error.message}
        </p>
      )}
    </form>
  );
}
