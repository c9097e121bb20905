import { ActionForm } from './ActionForm.tsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { href } from '../../router/router.ts';

/**
 * Step 3: scan the monitored items now, on each dataset's latest month or on the months chosen (a past control's
 * months, e.g. Oct–Dec 2023 for graphite), then open the inbox on those months.
 */
export function ScanPanel({ items, onScanned }: { items: number; onScanned: () => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<{ items: number; alerts: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scan = async () => {
    setError(null);
    setBusy(true);
    try {
      const r = await post('POST /api/ews/scans', {
        body: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
      });
      setResult({ items: r.items.length, alerts: r.alerts });
      onScanned();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="ews-setup-scan" data-testid="ews-scan">
      <h3 id="ews-setup-scan">{t('ews.setup.scan.title')}</h3>
      <p>{t('ews.setup.scan.intro')}</p>
      <ActionForm label={t('ews.setup.scan.title')} className="ews-filters" onSubmit={scan}>
        <label>
          {t('ews.inbox.from')}
          <input type="month" name="scan-from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('ews.inbox.to')}
          <input type="month" name="scan-to" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit" disabled={busy || items === 0}>
          {t('ews.setup.scan.run')}
        </button>
      </ActionForm>
      <p role="status" aria-live="polite" data-testid="ews-scan-result" data-alerts={result?.alerts}>
        {busy
          ? t('ews.setup.scan.running')
          : result
            ? t('ews.setup.scan.done', { items: result.items, count: result.alerts })
            : ''}
      </p>
      {result && (
        <p>
          <a
            href={href(['ews'], {
              from: from || undefined,
              to: to || undefined,
            })}
          >
            {t('ews.setup.scan.open')}
          </a>
        </p>
      )}
      {error && (
        <p role="alert" className="ews-field-error">
          {error}
        </p>
      )}
    </section>
  );
}
