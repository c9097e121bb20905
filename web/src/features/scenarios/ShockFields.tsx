import { useTranslation } from 'react-i18next';
import { fieldsOf, ScenarioField } from './ScenarioField.tsx';
import type { ShockForm, ShockType } from './scenarioForm.ts';
import { passageIds } from './texts.ts';
import { Options } from '../../components/Options.tsx';

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
  const fields = fieldsOf(shock, onChange, errors);
  const label = (key: string) => t(`scenarios.${key}`);
  return (
    <fieldset className="shock">
      <legend>{t('scenarios.shockN', { n })}</legend>
      <ScenarioField field={f('type')} label={t('scenarios.type')} errors={errors}>
        {(p) => (
          <select {...p} value={shock.type} onChange={(e) => onChange({ type: e.target.value as ShockType })}>
            <Options
              values={['export-cut', 'chokepoint-closure', 'disaster'] as const}
              label={(type) => t(`scenarios.types.${type}`)}
            />
          </select>
        )}
      </ScenarioField>
      {shock.type === 'export-cut' && (
        <>
          {fields.text('exporter', f('exporter'), label('exporter'), { size: 12 })}
          {fields.text('products', f('products'), label('products'), { size: 40 })}
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
              <Options values={passageIds} label={(id) => t(`scenarios.passageNames.${id}`)} />
            </select>
          )}
        </ScenarioField>
      )}
      {shock.type === 'disaster' && fields.text('country', f('country'), label('country'), { size: 12 })}
      {fields.number('sharePercent', f('share'), label('share'))}
      {fields.number('start', f('start'), label('start'))}
      {fields.number('duration', f('duration'), label('duration'))}
      {onRemove && (
        <button type="button" onClick={onRemove}>
          {t('scenarios.removeShock', { n })}
        </button>
      )}
    </fieldset>
  );
}
