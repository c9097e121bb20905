import { useTranslation } from 'react-i18next';
import { ReporterInput } from '../../components/ReporterInput.tsx';
import { fieldsOf, ScenarioField, type FormSectionProps } from './ScenarioField.tsx';
import { newShock, type ShockForm } from './scenarioForm.ts';
import { ShockFields } from './ShockFields.tsx';
import { StockAndSubstitutionFields } from './StockAndSubstitutionFields.tsx';

/** The form view of a scenario: title, reporter and horizon; the shocks; stocks and substitution; Monte Carlo. */
export function ScenarioFormFields({
  form,
  errors,
  update,
  updateShock,
}: FormSectionProps & { updateShock: (i: number, patch: Partial<ShockForm>) => void }) {
  const { t } = useTranslation();
  const f = fieldsOf(form, update, errors);
  const label = (key: string) => t(`scenarios.${key}`);
  return (
    <>
      <fieldset>
        <legend>{t('scenarios.title')}</legend>
        {f.text('name', 'name', label('name'), { size: 60 })}
        {f.text('nameJa', 'nameJa', label('nameJa'), { size: 60, lang: 'ja' })}
        <ScenarioField field="reporter" label={label('reporter')} errors={errors}>
          {(p) => (
            <ReporterInput
              {...p}
              size={8}
              value={form.reporter}
              onChange={(reporter) => update({ reporter })}
            />
          )}
        </ScenarioField>
        {f.text('year', 'year', label('year'), { size: 6, inputMode: 'numeric' })}
        {f.number('horizon', 'horizon', label('horizon'))}
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
        {f.number('draws', 'monteCarlo.draws', label('draws'), true)}
        {f.number('seed', 'monteCarlo.seed', label('seed'), true)}
      </fieldset>
    </>
  );
}
