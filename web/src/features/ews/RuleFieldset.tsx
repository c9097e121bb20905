import { useTranslation } from 'react-i18next';
import { LevelBadge } from './LevelBadge.tsx';
import { InputField, SelectField, type FieldError } from './RuleField.tsx';
import { ruleTextFields, setAt, valueAt } from './ruleDraft.ts';
import type { Level, Rule, RuleSetBody, RuleSetsResponse } from './types.ts';

const ops = ['>=', '<=', '>', '<'];

/** One rule of the draft: id, labels, level, and its conditions (indicator, comparison, threshold). */
export function RuleFieldset({
  rule,
  index: i,
  sets,
  edit,
  error,
}: {
  rule: Rule;
  index: number;
  sets: RuleSetsResponse;
  edit: (change: (d: RuleSetBody) => void) => void;
  error: FieldError | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  return (
    <fieldset className="ews-rule" data-rule={rule.id}>
      <legend>
        {t('ews.rules.rule')} {i + 1}: {rule.label[lang] || rule.id}{' '}
        {[1, 2, 3, 4].includes(rule.level) && <LevelBadge level={rule.level as Level} />}
      </legend>
      <div className="ews-form">
        {ruleTextFields.map(([field, label]) => (
          <InputField
            key={field}
            path={`rules[${i}].${field}`}
            label={t(`ews.rules.${label}`)}
            value={valueAt(rule, field) as string}
            onChange={(v) => edit((d) => setAt(d.rules[i], field, v))}
            error={error}
          />
        ))}
        <SelectField
          path={`rules[${i}].level`}
          label={t('ews.rules.level')}
          error={error}
          value={rule.level}
          values={[1, 2, 3, 4]}
          optionLabel={(l) => `${l} ${t(`ews.level.${l}`)}`}
          onChange={(v) => edit((d) => void (d.rules[i].level = Number(v) as Rule['level']))}
        />
      </div>
      <p className="ews-muted">{t('ews.rules.conditions')}</p>
      {rule.when.map((c, j) => (
        <div key={j} className="ews-cond">
          <SelectField
            path={`rules[${i}].when[${j}].indicator`}
            label={t('ews.rules.indicator')}
            error={error}
            value={c.indicator}
            values={sets.indicators}
            optionLabel={(n) => `${n} — ${sets.indicatorLabels[n]?.[lang] ?? n}`}
            onChange={(v) => edit((d) => setAt(d.rules[i], `when.${j}.indicator`, v))}
          />
          <SelectField
            path={`rules[${i}].when[${j}].op`}
            label={t('ews.rules.op')}
            error={error}
            value={c.op}
            values={ops}
            onChange={(v) => edit((d) => setAt(d.rules[i], `when.${j}.op`, v))}
          />
          <InputField
            number
            path={`rules[${i}].when[${j}].threshold`}
            label={`${t('ews.rules.threshold')} (${sets.indicatorLabels[c.indicator]?.unit ?? ''})`}
            value={c.threshold}
            onChange={(v) => edit((d) => void (d.rules[i].when[j].threshold = v))}
            error={error}
          />
          <button type="button" onClick={() => edit((d) => void d.rules[i].when.splice(j, 1))}>
            {t('ews.rules.removeCondition')}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          edit((d) => void d.rules[i].when.push({ indicator: 'valueZ', op: '>=', threshold: 3 }))
        }
      >
        {t('ews.rules.addCondition')}
      </button>{' '}
      <button type="button" onClick={() => edit((d) => void d.rules.splice(i, 1))}>
        {t('ews.rules.removeRule')}
      </button>
    </fieldset>
  );
}
