import { ActionForm, ActionOutcome } from './ActionForm.tsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { DatasetSelect } from '../../components/DatasetSelect.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { href } from '../../router/router.ts';
import type { DatasetRef } from '../../reference/reference.ts';
import { itemsWithoutData, type ListedItem } from './setup.ts';
import { useCountryNames } from './useCountryNames.ts';

interface ItemDraft {
  list: string;
  reporter: string;
  hs: string;
  partner: string;
  flow: 'import' | 'export';
  grade: 'A' | 'B' | 'C' | 'D';
}

/**
 * Step 2: monitored items — one added by hand (product, reporter, flow, partner) or a generated list of every
 * product with one partner above a share; below, every item with its product's name, the dataset it watches and
 * whether that dataset holds its series.
 */
export function ItemsPanel({
  items,
  monthly,
  dataset,
  onDataset,
  onChanged,
}: {
  items: readonly ListedItem[];
  monthly: readonly DatasetRef[];
  dataset: string;
  onDataset: (id: string) => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const country = useCountryNames();
  const [draft, setDraft] = useState<ItemDraft>({
    list: lang === 'ja' ? '監視品目' : 'My items',
    reporter: '',
    hs: '',
    partner: '',
    flow: 'export',
    grade: 'B',
  });
  const [threshold, setThreshold] = useState('0.5');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const titleOf = new Map(monthly.map((d) => [d.id, d.title]));
  const act = async (work: () => Promise<string>) => {
    setError(null);
    setStatus(t('ews.common.saving'));
    try {
      setStatus(await work());
      onChanged();
    } catch (e) {
      setStatus('');
      setError((e as Error).message);
    }
  };
  const add = () =>
    act(async () => {
      const r = await post('POST /api/ews/items', {
        body: {
          list: draft.list.trim(),
          reporter: draft.reporter.trim().toUpperCase(),
          hs: draft.hs.trim(),
          ...(draft.partner.trim() ? { partner: draft.partner.trim().toUpperCase() } : {}),
          flow: draft.flow,
          grade: draft.grade,
          dataset,
        },
      });
      return r.added ? t('ews.setup.items.added') : t('ews.setup.items.already');
    });
  const generate = () =>
    act(async () => {
      const r = await post('POST /api/ews/items/generate', {
        body: { dataset, threshold: Number(threshold), flow: draft.flow },
      });
      return t('ews.setup.items.generated', { products: r.products, added: r.added, removed: r.removed });
    });
  const set = (k: keyof ItemDraft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  const missing = itemsWithoutData(items);

  return (
    <section aria-labelledby="ews-setup-items" data-testid="ews-items">
      <h3 id="ews-setup-items">{t('ews.setup.items.title')}</h3>
      {monthly.length === 0 ? (
        <p>{t('ews.setup.items.needData')}</p>
      ) : (
        <>
          <label>
            {t('ews.setup.items.dataset')}{' '}
            <DatasetSelect datasets={monthly} value={dataset} onChange={onDataset} />
          </label>
          <ActionForm label={t('ews.setup.items.add')} onSubmit={add}>
            <label>
              {t('ews.setup.items.list')}
              <input name="list" value={draft.list} onChange={set('list')} required maxLength={200} />
            </label>
            <label>
              {t('ews.setup.items.reporter')}
              <input
                name="reporter"
                value={draft.reporter}
                onChange={set('reporter')}
                required
                pattern="[A-Za-z]{3}"
                maxLength={3}
              />
            </label>
            <label>
              {t('ews.setup.items.hs')}
              <input name="hs" value={draft.hs} onChange={set('hs')} required maxLength={64} />
            </label>
            <label>
              {t('ews.setup.items.partner')}
              <input
                name="partner"
                value={draft.partner}
                onChange={set('partner')}
                pattern="[A-Za-z]{3}"
                maxLength={3}
              />
            </label>
            <label>
              {t('ews.setup.items.flow')}
              <select name="flow" value={draft.flow} onChange={set('flow')}>
                <option value="import">{t('ews.flow.import')}</option>
                <option value="export">{t('ews.flow.export')}</option>
              </select>
            </label>
            <label>
              {t('ews.item.grade')}
              <select name="grade" value={draft.grade} onChange={set('grade')}>
                {['A', 'B', 'C', 'D'].map((g) => (
                  <option key={g}>{g}</option>
                ))}
              </select>
            </label>
            <button type="submit">{t('ews.setup.items.add')}</button>
          </ActionForm>
          <ActionForm label={t('ews.setup.items.generate')} onSubmit={generate}>
            <label>
              {t('ews.setup.items.threshold')}
              <input
                name="threshold"
                type="number"
                min={0.05}
                max={1}
                step={0.05}
                value={threshold}
                onChange={(e) => setThreshold(e.target.value)}
              />
            </label>
            <button type="submit">{t('ews.setup.items.generate')}</button>
          </ActionForm>
        </>
      )}
      <ActionOutcome status={status} error={error} testId="ews-items-status" />
      {items.length === 0 ? (
        <p>{t('ews.setup.items.none')}</p>
      ) : (
        <>
          {missing.length > 0 && (
            <p className="ews-muted" data-testid="ews-items-missing">
              {t('ews.setup.items.missing', { count: missing.length })}
            </p>
          )}
          <div className="ews-scroll">
            <table data-testid="ews-item-table">
              <TableHead
                columns={['product', 'reporter', 'flow', 'partner', 'grade', 'dataset', 'data'].map((c) =>
                  t(`ews.setup.items.columns.${c}`),
                )}
              />
              <tbody>
                {items.map((i) => (
                  <tr key={i.id} data-item-id={i.id} data-coverage={i.coverage}>
                    <td>
                      <a href={href(['ews', 'item', i.id])}>{i.label[lang]}</a>
                      {i.label[lang] !== i.hs && <span className="ews-muted"> ({i.hs})</span>}
                    </td>
                    <td>{country(i.reporter)}</td>
                    <td>{t(`ews.flow.${i.flow}`)}</td>
                    <td>{i.partner ? country(i.partner) : t('ews.setup.items.allPartners')}</td>
                    <td>{i.grade}</td>
                    <td>{i.dataset ? (titleOf.get(i.dataset) ?? i.dataset) : '—'}</td>
                    <td>{t(`ews.setup.coverage.${i.coverage}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
