import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post, put } from '../../api/client.ts';
import type { Marking } from '../../components/MarkingBadge.tsx';
import { saveErrorPlace } from './saveErrors.ts';
import {
  formToYaml,
  newScenarioForm,
  textToForm,
  type ScenarioForm,
  type ShockForm,
} from './scenarioForm.ts';
import { ScenarioFormFields } from './ScenarioFormFields.tsx';
import { ScenarioMarkingFields } from './ScenarioMarkingFields.tsx';
import type { ScenarioSummary } from './types.ts';

export interface EditorProps {
  scenarioId?: string;
  text?: string;
  marking?: Marking;
  /** The version shown (an older one is saved as a new version on top of the current one). */
  version?: number;
  onSaved: (saved: ScenarioSummary) => void;
}

/** The scenario editor: a form for the common shocks and the YAML text, validated by the API on save. */
export function ScenarioEditor({
  scenarioId,
  text: initialText,
  marking: initialMarking,
  onSaved,
}: EditorProps) {
  const { t } = useTranslation();
  const initial = initialText === undefined ? { form: newScenarioForm() } : textToForm(initialText);
  const [mode, setMode] = useState<'form' | 'text'>('form' in initial ? 'form' : 'text');
  const [form, setForm] = useState<ScenarioForm>('form' in initial ? initial.form : newScenarioForm());
  const [text, setText] = useState(initialText ?? formToYaml(form));
  const [unsupported, setUnsupported] = useState<string | null>(
    'unsupported' in initial ? initial.unsupported : null,
  );
  const [marking, setMarking] = useState<Marking>(
    initialMarking ?? { level: 0, compartments: [], releasableTo: null },
  );
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [otherError, setOtherError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const lowered = initialMarking !== undefined && marking.level < initialMarking.level;

  const update = (patch: Partial<ScenarioForm>) => setForm((f) => ({ ...f, ...patch }));
  const updateShock = (i: number, patch: Partial<ShockForm>) =>
    setForm((f) => ({ ...f, shocks: f.shocks.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));

  const switchTo = (next: 'form' | 'text') => {
    if (next === mode) return;
    if (next === 'text') {
      setText(formToYaml(form));
      setMode('text');
      return;
    }
    const parsed = textToForm(text);
    if ('form' in parsed) {
      setForm(parsed.form);
      setUnsupported(null);
      setMode('form');
    } else setUnsupported(parsed.unsupported);
  };

  const save = async () => {
    const body = mode === 'form' ? formToYaml(form) : text;
    if (mode === 'form') setText(body);
    setSaving(true);
    setErrors({});
    setOtherError(null);
    setStatus(null);
    try {
      const payload = {
        text: body,
        marking,
        ...(lowered ? { reason } : {}),
      };
      const saved = scenarioId
        ? await put('PUT /api/scenarios/{id}', { path: { id: scenarioId }, body: payload })
        : await post('POST /api/scenarios', { body: payload });
      setStatus(t('scenarios.saved', { version: saved.version }));
      onSaved(saved);
    } catch (e) {
      const place = saveErrorPlace(e, mode);
      const message = (e as Error).message;
      if (place.kind === 'field')
        setErrors({ [place.target]: t('scenarios.fieldError', { field: place.field, message }) });
      else if (place.kind === 'named')
        setOtherError(t('scenarios.fieldError', { field: place.field, message }));
      else
        setOtherError(
          t('scenarios.otherError', { message: message + (place.line ? ` (line ${place.line})` : '') }),
        );
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="scenario-editor-heading" className="scenario-editor">
      <h3 id="scenario-editor-heading">{t('scenarios.editor')}</h3>
      <div role="tablist" aria-label={t('scenarios.editor')} className="tabs">
        {(['form', 'text'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            id={`sc-tab-${m}`}
            aria-controls="sc-tabpanel"
            aria-selected={mode === m}
            onClick={() => switchTo(m)}
          >
            {m === 'form' ? t('scenarios.viewForm') : t('scenarios.viewText')}
          </button>
        ))}
      </div>
      {unsupported && (
        <p className="note" role="status">
          {t('scenarios.unsupported', { field: unsupported })}
        </p>
      )}
      <form
        id="sc-tabpanel"
        role="tabpanel"
        aria-labelledby={`sc-tab-${mode}`}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {mode === 'text' ? (
          <div className="field">
            <label htmlFor="sc-yaml">{t('scenarios.yaml')}</label>
            <textarea
              id="sc-yaml"
              data-field="yaml"
              rows={24}
              cols={90}
              spellCheck={false}
              value={text}
              aria-invalid={otherError ? true : undefined}
              aria-describedby={otherError ? 'sc-yaml-error' : undefined}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
        ) : (
          <ScenarioFormFields form={form} errors={errors} update={update} updateShock={updateShock} />
        )}
        {otherError && (
          <p id="sc-yaml-error" className="field-error" role="alert" data-error-for="yaml">
            {otherError}
          </p>
        )}
        <ScenarioMarkingFields
          marking={marking}
          onMarking={setMarking}
          lowered={lowered}
          reason={reason}
          onReason={setReason}
        />
        <button type="submit" disabled={saving}>
          {saving ? t('scenarios.saving') : scenarioId ? t('scenarios.saveVersion') : t('scenarios.save')}
        </button>
        <span role="status" aria-live="polite" className="status">
          {status}
        </span>
      </form>
    </section>
  );
}
