import { useTranslation } from 'react-i18next';
import { InputField, type FieldError } from './RuleField.tsx';
import { parameterFields, setAt, valueAt } from './ruleDraft.ts';
import type { RuleSetBody } from './types.ts';

/** The rule set's parameters: partner share, seasonal baseline, unit-value window, event window. */
export function RuleParameters({
  draft,
  edit,
  error,
}: {
  draft: RuleSetBody;
  edit: (change: (d: RuleSetBody) => void) => void;
  error: FieldError | null;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="ews-rule">
      <legend>{t('ews.rules.parameters')}</legend>
      <div className="ews-form">
        {parameterFields.map(([path, label]) => (
          <InputField
            key={path}
            number
            path={path}
            label={t(`ews.rules.${label}`)}
            value={valueAt(draft, path) as number | null}
            onChange={(v) => edit((d) => setAt(d, path, v))}
            error={error}
          />
        ))}
      </div>
    </fieldset>
  );
}
