import { useTranslation } from 'react-i18next';
import { ReporterInput } from '../../components/ReporterInput.tsx';
import { NumberControl, ScenarioField } from './ScenarioField.tsx';
import { newShock, type ScenarioForm, type ShockForm } from './scenarioForm.ts';
import { ShockFields } from './ShockFields.tsx';
import { StockAndSubstitutionFields } from './StockAndSubstitutionFields.tsx';

/** The form view of a scenario: title, reporter and horizon; the shocks; stocks and substitution; Monte Carlo. */
export function ScenarioFormFields({
  form,
  errors,
  update,
  updateShock,
}: {
  form: ScenarioForm;
  errors: Record<string, string>;
  update: (patch: Partial<ScenarioForm>) => void;
  updateShock: (i: number, patch: Partial<ShockForm>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset>
        <legend>{t('scenarios.title')}</legend>
        <ScenarioField field="name" label={t('scenarios.name')} errors={errors}>
          {(p) => (
            <input {...p} size={60} value={form.name} onChange={(e) => update({ name: e.target.value })} />
          )}
        </ScenarioField>
        <ScenarioField field="nameJa" label={t('scenarios.nameJa')} errors={errors}>
          {(p) => (
            <input
              {...p}
              size={60}
              lang="ja"
              value={form.nameJa}
              onChange={(e) => update({ nameJa: e.target.value })}
            />
          )}
        </ScenarioField>
        <ScenarioField field="reporter" label={t('scenarios.reporter')} errors={errors}>
          {(p) => (
            <ReporterInput
              {...p}
              size={8}
              value={form.reporter}
              onChange={(reporter) => update({ reporter })}
            />
          )}
        </ScenarioField>
        <ScenarioField field="year" label={t('scenarios.year')} errors={errors}>
          {(p) => (
            <input
              {...p}
              size={6}
              inputMode="numeric"
              value={form.year}
              onChange={(e) => update({ year: e.target.value })}
            />
          )}
        </ScenarioField>
        <ScenarioField field="horizon" label={t('scenarios.horizon')} errors={errors}>
          {(p) => (
            <NumberControl props={p} value={form.horizon} onChange={(horizon) => update({ horizon })} />
          )}
        </ScenarioField>
      </fieldset>
      <fieldset>
        <legend>{t('scenarios.shocks')}</legend>
        {errors.shocks && (
          <p className="field-error" role="alert" data-error-for="shocks">
            {errors.shocks}
          </p>
        )}
        {form.shocks.map((s, i) => (
          <ShockFields
            key={i}
            index={i}
            shock={s}
            errors={errors}
            onChange={(patch) => updateShock(i, patch)}
            onRemove={
              form.shocks.length > 1
                ? () => update({ shocks: form.shocks.filter((_, j) => j !== i) })
                : undefined
            }
          />
        ))}
        <button type="button" onClick={() => update({ shocks: [...form.shocks, newShock()] })}>
          {t('scenarios.addShock')}
        </button>
      </fieldset>
      <StockAndSubstitutionFields form={form} errors={errors} update={update} />
      <fieldset>
        <legend>{t('scenarios.monteCarlo')}</legend>
        <ScenarioField field="monteCarlo.draws" label={t('scenarios.draws')} errors={errors}>
          {(p) => (
            <NumberControl props={p} integer value={form.draws} onChange={(draws) => update({ draws })} />
          )}
        </ScenarioField>
        <ScenarioField field="monteCarlo.seed" label={t('scenarios.seed')} errors={errors}>
          {(p) => <NumberControl props={p} integer value={form.seed} onChange={(seed) => update({ seed })} />}
        </ScenarioField>
      </fieldset>
    </>
  );
}
