import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { useDatasets } from '../../reference/useReference.ts';
import { backtestBody, emptyBacktestForm, type BacktestForm } from './backtestForm.ts';
import { BacktestFormFields } from './BacktestFormFields.tsx';
import { BacktestReport } from './BacktestReport.tsx';
import { errorField } from './errorField.ts';
import type { FieldError } from './RuleField.tsx';
import type { BacktestResponse } from './types.ts';

/**
 * Runs a rule set over a dataset's history (POST /api/ews/backtest): per rule how many alerts and when, precision
 * and recall against the recorded events (with them as input, and on statistics only), and false alarms on a
 * quiet period.
 */
export function BacktestView() {
  const { t } = useTranslation();
  const datasetList = useDatasets();
  const ruleSetList = useGet('GET /api/ews/rule-sets');
  const datasets = datasetList.data?.items.filter((d) => d.kind === 'trade-monthly') ?? null;
  const ruleSets = ruleSetList.data?.items.map((x) => x.id) ?? ['default'];
  const [edited, setForm] = useState<BacktestForm>(emptyBacktestForm);
  // The first monthly dataset until the user picks one.
  const form = { ...edited, dataset: edited.dataset || datasets?.[0]?.id || '' };
  const [result, setResult] = useState<BacktestResponse | null>(null);
  const [runError, setRunError] = useState<FieldError | null>(null);
  const loadError = datasetList.error ?? ruleSetList.error;
  const error = runError ?? (loadError && { message: loadError.message });
  const [status, setStatus] = useState('');
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    setRunError(null);
    setResult(null);
    setStatus(t('ews.backtest.running'));
    try {
      const r = await post('POST /api/ews/backtest', { body: backtestBody(form) });
      setResult(r);
      setStatus(t('ews.backtest.done', { count: r.report.alerts }));
    } catch (e) {
      const err = e as ApiError;
      setStatus('');
      setRunError({
        message: err.status === 403 ? t('ews.backtest.forbidden') : err.message,
        field: errorField(e),
      });
    } finally {
      setRunning(false);
    }
  };

  if (datasets && datasets.length === 0) return <p>{t('ews.backtest.noDatasets')}</p>;
  return (
    <div>
      <h3>{t('ews.backtest.title')}</h3>
      <form
        className="ews-form"
        aria-label={t('ews.backtest.title')}
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <BacktestFormFields
          form={form}
          set={(key, value) => setForm((f) => ({ ...f, [key]: value }))}
          datasets={datasets ?? []}
          ruleSets={ruleSets}
          invalid={(k) => (error?.field === k ? true : undefined)}
        />
        <button type="submit" disabled={running || !form.dataset}>
          {t('ews.backtest.run')}
        </button>
      </form>
      <p role="status" aria-live="polite" className="ews-status">
        {status}
      </p>
      {error && (
        <p role="alert" className="ews-field-error">
          {error.message}
        </p>
      )}
      {result && <BacktestReport result={result} />}
    </div>
  );
}
