import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { put } from '../../api/client.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { errorField } from './errorField.ts';
import { fieldPaths, newRule } from './ruleDraft.ts';
import { InputField, type FieldError } from './RuleField.tsx';
import { RuleFieldset } from './RuleFieldset.tsx';
import { RuleParameters } from './RuleParameters.tsx';
import { useRuleDraft } from './useRuleDraft.ts';

/**
 * The rule editor: every parameter, rule and condition of a rule set as form fields named by their path in the
 * rule set (rules[0].when[1].threshold), so the API's validation error lands next to its field.
 */
export function RuleEditor() {
  const { t } = useTranslation();
  const { sets, shown, draft, saveAs, loadError, edit, setSaveAs, choose, saved } = useRuleDraft();
  const [error, setError] = useState<FieldError | null>(null);
  const [status, setStatus] = useState('');

  const save = async () => {
    if (!draft) return;
    setError(null);
    setStatus(t('ews.common.saving'));
    try {
      const id = saveAs.trim();
      await put('PUT /api/ews/rule-sets/{id}', { path: { id }, body: { body: { ...draft, id } } });
      setStatus(t('ews.rules.saved', { id }));
      await saved(id);
    } catch (e) {
      setStatus('');
      const named = errorField(e);
      const field = named === 'id' ? 'saveAs' : named;
      setError({ message: t('ews.rules.invalid', { message: (e as Error).message }), field });
    }
  };

  if (loadError) return <p role="alert">{t('error.load', { message: loadError })}</p>;
  if (!sets || !draft || !shown) return <p role="status">{t('ews.common.loading')}</p>;
  return (
    <div>
      <h3>{t('ews.rules.title')}</h3>
      <label>
        {t('ews.rules.ruleSet')}{' '}
        <select
          value={shown.id}
          onChange={(e) => {
            choose(e.target.value);
            setError(null);
            setStatus('');
          }}
          name="ruleSet"
        >
          {sets.items.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id}
            </option>
          ))}
        </select>
      </label>{' '}
      <MarkingBadge marking={shown.marking} />
      {shown.id === 'default' && <p className="ews-muted">{t('ews.rules.defaultNote')}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        aria-label={t('ews.rules.title')}
      >
        <RuleParameters draft={draft} edit={edit} error={error} />
        {draft.rules.map((rule, i) => (
          <RuleFieldset key={i} rule={rule} index={i} sets={sets} edit={edit} error={error} />
        ))}
        <p>
          <button type="button" onClick={() => edit((d) => void d.rules.push(newRule(d)))}>
            {t('ews.rules.addRule')}
          </button>
        </p>
        <div className="ews-form">
          <InputField
            path="saveAs"
            label={t('ews.rules.saveAs')}
            value={saveAs}
            onChange={setSaveAs}
            error={error}
          />
          <button type="submit">{t('ews.rules.save')}</button>
        </div>
        <p role="status" aria-live="polite" className="ews-status">
          {status}
        </p>
        {error && !fieldPaths(draft).has(error.field ?? '') && (
          <p role="alert" className="ews-field-error">
            {error.message}
          </p>
        )}
      </form>
    </div>
  );
}
