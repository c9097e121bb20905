import { useTranslation } from 'react-i18next';
import { fieldsOf, num, ScenarioField, shown, type FormSectionProps } from './ScenarioField.tsx';
import { withLikeMindedFirst, type ScenarioForm } from './scenarioForm.ts';

/** Stock cover (every product, and per product) and how far partners can substitute the lost imports. */
export function StockAndSubstitutionFields({ form, errors, update }: FormSectionProps) {
  const { t } = useTranslation();
  const f = fieldsOf(form, update, errors);
  const label = (key: string) => t(`scenarios.${key}`);
  const setStock = (i: number, patch: Partial<ScenarioForm['stockProducts'][number]>) =>
    update({ stockProducts: form.stockProducts.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  return (
    <>
      <fieldset>
        <legend>{t('scenarios.stockpiles')}</legend>
        {f.number('stockDefault', 'stockpiles.default', label('stockDefault'))}
        <div className="field">
          <span>{t('scenarios.stockProducts')}</span>
          {errors['stockpiles.products'] && (
            <span className="field-error" role="alert" data-error-for="stockpiles.products">
              {errors['stockpiles.products']}
            </span>
          )}
          {form.stockProducts.map((sp, i) => (
            <div key={i} className="inline">
              <label>
                {t('scenarios.product')}{' '}
                <input
                  size={8}
                  value={sp.product}
                  onChange={(e) => setStock(i, { product: e.target.value })}
                />
              </label>{' '}
              <label>
                {t('scenarios.days')}{' '}
                <input
                  type="number"
                  step="any"
                  value={shown(sp.days)}
                  onChange={(e) => setStock(i, { days: num(e.target.value) })}
                />
              </label>{' '}
              <button
                type="button"
                onClick={() => update({ stockProducts: form.stockProducts.filter((_, j) => j !== i) })}
              >
                {t('scenarios.removeStock', { product: sp.product })}
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() => update({ stockProducts: [...form.stockProducts, { product: '', days: 30 }] })}
          >
            {t('scenarios.addStock')}
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('scenarios.substitution')}</legend>
        {f.text('partners', 'substitution.partners', label('partners'), { size: 40 })}
        {f.text('likeMinded', 'substitution.likeMinded', label('likeMinded'), { size: 40 })}
        <ScenarioField
          field="substitution.likeMindedFirst"
          label={t('scenarios.likeMindedFirst')}
          errors={errors}
        >
          {(p) => (
            <input
              {...p}
              type="checkbox"
              checked={form.likeMindedFirst}
              onChange={(e) => update(withLikeMindedFirst(form, e.target.checked))}
            />
          )}
        </ScenarioField>
        {f.number('substitutionSharePercent', 'substitution.share', label('substitutionShare'))}
        {f.number('rampUp', 'substitution.rampUp', label('rampUp'))}
      </fieldset>
    </>
  );
}
