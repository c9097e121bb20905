import { useTranslation } from 'react-i18next';
import { NumberControl, ScenarioField } from './ScenarioField.tsx';
import type { ShockForm, ShockType } from './scenarioForm.ts';
import { passageIds } from './texts.ts';

/** One shock of the form: its type and what that type needs, then the share cut, start and duration. */
export function ShockFields({
  index,
  shock,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  shock: ShockForm;
  errors: Record<string, string>;
  onChange: (patch: Partial<ShockForm>) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const f = (name: string) => `shocks[${index}].${name}`;
  const n = index + 1;
  return (
    <fieldset className="shock">
      <legend>{t('scenarios.shockN', { n })}</legend>
      <ScenarioField field={f('type')} label={t('scenarios.type')} errors={errors}>
        {(p) => (
          <select {...p} value={shock.type} onChange={(e) => onChange({ type: e.target.value as ShockType })}>
            {(['export-cut', 'chokepoint-closure', 'disaster'] as const).map((type) => (
              <option key={type} value={type}>
                {t(`scenarios.types.${type}`)}
              </option>
            ))}
          </select>
        )}
      </ScenarioField>
      {shock.type === 'export-cut' && (
        <>
          <ScenarioField field={f('exporter')} label={t('scenarios.exporter')} errors={errors}>
            {(p) => (
              <input
                {...p}
                size={12}
                value={shock.exporter}
                onChange={(e) => onChange({ exporter: e.target.value })}
              />
            )}
          </ScenarioField>
          <ScenarioField field={f('products')} label={t('scenarios.products')} errors={errors}>
            {(p) => (
              <input
                {...p}
                size={40}
                value={shock.products}
                onChange={(e) => onChange({ products: e.target.value })}
              />
            )}
          </ScenarioField>
          <ScenarioField field={f('to')} label={t('scenarios.to')} errors={errors}>
            {(p) => (
              <select
                {...p}
                value={shock.to}
                onChange={(e) => onChange({ to: e.target.value as ShockForm['to'] })}
              >
                <option value="reporter">{t('scenarios.toReporter')}</option>
                <option value="all">{t('scenarios.toAll')}</option>
              </select>
            )}
          </ScenarioField>
        </>
      )}
      {shock.type === 'chokepoint-closure' && (
        <ScenarioField field={f('passages')} label={t('scenarios.passages')} errors={errors}>
          {(p) => (
            <select
              {...p}
              multiple
              size={6}
              value={shock.passages}
              onChange={(e) => onChange({ passages: [...e.target.selectedOptions].map((o) => o.value) })}
            >
              {passageIds.map((id) => (
                <option key={id} value={id}>
                  {t(`scenarios.passageNames.${id}`)}
                </option>
              ))}
            </select>
          )}
        </ScenarioField>
      )}
      {shock.type === 'disaster' && (
        <ScenarioField field={f('country')} label={t('scenarios.country')} errors={errors}>
          {(p) => (
            <input
              {...p}
              size={12}
              value={shock.country}
              onChange={(e) => onChange({ country: e.target.value })}
            />
          )}
        </ScenarioField>
      )}
      <ScenarioField field={f('share')} label={t('scenarios.share')} errors={errors}>
        {(p) => (
          <NumberControl
            props={p}
            value={shock.sharePercent}
            onChange={(v) => onChange({ sharePercent: v })}
          />
        )}
      </ScenarioField>
      <ScenarioField field={f('start')} label={t('scenarios.start')} errors={errors}>
        {(p) => <NumberControl props={p} value={shock.start} onChange={(v) => onChange({ start: v })} />}
      </ScenarioField>
      <ScenarioField field={f('duration')} label={t('scenarios.duration')} errors={errors}>
        {(p) => (
          <NumberControl props={p} value={shock.duration} onChange={(v) => onChange({ duration: v })} />
        )}
      </ScenarioField>
      {onRemove && (
        <button type="button" onClick={onRemove}>
          {t('scenarios.removeShock', { n })}
        </button>
      )}
    </fieldset>
  );
}
