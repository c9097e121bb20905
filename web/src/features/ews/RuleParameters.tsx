import { useTranslation } from 'react-i18next';
import { NumberField, type FieldError } from './RuleField.tsx';
import { seasonalKeys, seasonalLabel } from './ruleDraft.ts';
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
  const p = draft.parameters;
  return (
    <fieldset className="ews-rule">
      <legend>{t('ews.rules.parameters')}</legend>
      <div className="ews-form">
        <NumberField
          path="parameters.minPartnerShare"
          label={t('ews.rules.minPartnerShare')}
          value={p.minPartnerShare}
          onChange={(v) => edit((d) => void (d.parameters.minPartnerShare = v as number))}
          error={error}
        />
        {seasonalKeys.map((k) => (
          <NumberField
            key={k}
            path={`parameters.seasonal.${k}`}
            label={t(`ews.rules.${seasonalLabel[k]}`)}
            value={p.seasonal[k]}
            onChange={(v) => edit((d) => void (d.parameters.seasonal[k] = v as number))}
            error={error}
          />
        ))}
        <NumberField
          path="parameters.unitValueWindow"
          label={t('ews.rules.unitValueWindow')}
          value={p.unitValueWindow}
          onChange={(v) => edit((d) => void (d.parameters.unitValueWindow = v as number))}
          error={error}
        />
        <NumberField
          path="parameters.eventWindow.beforeAnnouncement"
          label={t('ews.rules.beforeAnnouncement')}
          value={p.eventWindow.beforeAnnouncement}
          onChange={(v) => edit((d) => void (d.parameters.eventWindow.beforeAnnouncement = v as number))}
          error={error}
        />
        <NumberField
          path="parameters.eventWindow.afterEffective"
          label={t('ews.rules.afterEffective')}
          value={p.eventWindow.afterEffective}
          onChange={(v) => edit((d) => void (d.parameters.eventWindow.afterEffective = v as number))}
          error={error}
        />
      </div>
    </fieldset>
  );
}
