import { ActionForm, ActionOutcome } from './ActionForm.tsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { invalidateReference } from '../../reference/reference.ts';
import {
  datasetIdOf,
  mapKeys,
  mappingComplete,
  requiredMapKeys,
  uploadBody,
  type UploadDraft,
  type UploadPreview,
} from './setup.ts';
import { UploadPreviewTable } from './UploadPreviewTable.tsx';

const emptyDraft: UploadDraft = {
  fileName: '',
  text: '',
  map: {},
  reporter: '',
  flow: '',
  unit: '',
  valueUnit: '',
};

/**
 * Step 1: a monthly CSV from the user's computer. Choosing the file shows its first lines with a guessed column
 * mapping; the user checks the mapping, previews the rows it keeps (and those it rejects), then imports.
 */
export function ImportPanel({ onImported }: { onImported: (dataset: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<UploadDraft>(emptyDraft);
  const [dataset, setDataset] = useState('');
  const [title, setTitle] = useState('');
  const [preview, setPreview] = useState<UploadPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (next: UploadDraft) => {
    setError(null);
    setBusy(true);
    try {
      const p = await post('POST /api/ews/imports/preview', { body: uploadBody(next) });
      setPreview(p);
      return p;
    } catch (e) {
      setPreview(null);
      setError((e as Error).message);
      return null;
    } finally {
      setBusy(false);
    }
  };
  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setStatus('');
    const text = await file.text();
    const base = { ...emptyDraft, fileName: file.name, text };
    setDataset(datasetIdOf(file.name));
    setTitle(file.name);
    const p = await run(base);
    // The guessed mapping fills the form, for the user to check (and to give reporter and flow) before previewing.
    setDraft(p ? { ...base, map: p.guess } : base);
  };
  const set = (patch: Partial<UploadDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setPreview((p) => (p ? { ...p, result: null } : p));
  };
  const doImport = async () => {
    setError(null);
    setBusy(true);
    setStatus(t('ews.setup.import.importing'));
    try {
      const r = await post('POST /api/ews/imports', {
        body: { ...uploadBody(draft), dataset: dataset.trim(), title: title.trim() || undefined },
      });
      invalidateReference('datasets');
      setStatus(t('ews.setup.import.done', { dataset: r.dataset, rows: r.rows, rejected: r.rejectedRows }));
      onImported(r.dataset);
    } catch (e) {
      setStatus('');
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const header = preview?.header ?? [];

  return (
    <section aria-labelledby="ews-setup-import" data-testid="ews-import">
      <h3 id="ews-setup-import">{t('ews.setup.import.title')}</h3>
      <p>{t('ews.setup.import.intro')}</p>
      <label>
        {t('ews.setup.import.file')}{' '}
        <input
          type="file"
          name="file"
          accept=".csv,text/csv"
          onChange={(e) => void chooseFile(e.target.files?.[0])}
        />
      </label>
      {header.length > 0 && (
        <ActionForm label={t('ews.setup.import.mapping')} onSubmit={() => run(draft)}>
          {mapKeys.map((k) => (
            <label key={k}>
              {t(`ews.setup.map.${k}`)}
              {requiredMapKeys.includes(k) ? ' *' : ''}
              <select
                name={`map-${k}`}
                value={draft.map[k] ?? ''}
                onChange={(e) => set({ map: { ...draft.map, [k]: e.target.value || undefined } })}
              >
                <option value="">{t('ews.setup.map.none')}</option>
                {header.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </label>
          ))}
          {!draft.map.reporter && (
            <label>
              {t('ews.setup.import.reporter')}
              <input
                name="reporter"
                value={draft.reporter}
                onChange={(e) => set({ reporter: e.target.value })}
                maxLength={3}
                size={5}
              />
            </label>
          )}
          {!draft.map.flow && (
            <label>
              {t('ews.setup.import.flow')}
              <select
                name="flow"
                value={draft.flow}
                onChange={(e) => set({ flow: e.target.value as UploadDraft['flow'] })}
              >
                <option value="">—</option>
                <option value="import">{t('ews.flow.import')}</option>
                <option value="export">{t('ews.flow.export')}</option>
              </select>
            </label>
          )}
          <label>
            {t('ews.setup.import.unit')}
            <input name="unit" value={draft.unit} onChange={(e) => set({ unit: e.target.value })} size={6} />
          </label>
          <label>
            {t('ews.setup.import.valueUnit')}
            <input
              name="valueUnit"
              value={draft.valueUnit}
              onChange={(e) => set({ valueUnit: e.target.value })}
              placeholder="USD"
              size={12}
            />
          </label>
          <button type="submit" disabled={busy || !mappingComplete(draft.map)}>
            {t('ews.setup.import.preview')}
          </button>
        </ActionForm>
      )}
      {preview && <UploadPreviewTable preview={preview} />}
      {preview?.result && (
        <ActionForm label={t('ews.setup.import.save')} onSubmit={doImport}>
          <label>
            {t('ews.setup.import.dataset')}
            <input
              name="dataset"
              value={dataset}
              onChange={(e) => setDataset(e.target.value)}
              required
              pattern="[a-z0-9][a-z0-9._\-]{0,63}"
            />
          </label>
          <label>
            {t('ews.setup.import.datasetTitle')}
            <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
          </label>
          <button type="submit" disabled={busy}>
            {t('ews.setup.import.save')}
          </button>
        </ActionForm>
      )}
      <ActionOutcome status={status} error={error} testId="ews-import-status" />
    </section>
  );
}
