import { useTranslation } from 'react-i18next';
import { DatasetSelect } from '../../components/DatasetSelect.tsx';
import { ReporterInput } from '../../components/ReporterInput.tsx';
import type { DatasetRef } from '../../reference/reference.ts';
import type { BacktestForm } from './backtestForm.ts';
import { Options } from '../../components/Options.tsx';

/** The backtest's form fields: dataset, rule set, reporter, products, flow and the quiet period. */
export function BacktestFormFields({
  form,
  set,
  datasets,
  ruleSets,
  invalid,
}: {
  form: BacktestForm;
  set: (key: keyof BacktestForm, value: string) => void;
  datasets: readonly DatasetRef[];
  ruleSets: readonly string[];
  invalid: (field: string) => true | undefined;
}) {
  const { t } = useTranslation();
  const change = (key: keyof BacktestForm) => (e: { target: { value: string } }) => set(key, e.target.value);
  return (
    <>
      <label>
        {t('ews.backtest.dataset')}
        <DatasetSelect
          datasets={datasets}
          value={form.dataset}
          onChange={(id) => set('dataset', id)}
          aria-invalid={invalid('dataset')}
        />
      </label>
      <label>
        {t('ews.backtest.ruleSet')}
        <select name="ruleSet" value={form.ruleSet} onChange={change('ruleSet')}>
          <Options values={ruleSets} />
        </select>
      </label>
      <label>
        {t('ews.backtest.reporter')}
        <ReporterInput value={form.reporter} onChange={(v) => set('reporter', v)} maxLength={3} />
      </label>
      <label>
        {t('ews.backtest.hs')}
        <input name="hs" value={form.hs} onChange={change('hs')} />
      </label>
      <label>
        {t('ews.backtest.flow')}
        <select name="flow" value={form.flow} onChange={change('flow')}>
          <option value="">{t('ews.backtest.anyFlow')}</option>
          <option value="import">{t('ews.flow.import')}</option>
          <option value="export">{t('ews.flow.export')}</option>
        </select>
      </label>
      <label>
        {t('ews.backtest.quietFrom')}
        <input type="month" name="quietFrom" value={form.quietFrom} onChange={change('quietFrom')} />
      </label>
      <label>
        {t('ews.backtest.quietTo')}
        <input type="month" name="quietTo" value={form.quietTo} onChange={change('quietTo')} />
      </label>
    </>
  );
}
