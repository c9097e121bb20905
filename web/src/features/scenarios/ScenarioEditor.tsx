import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import type { Marking } from '../../components/MarkingBadge.tsx';
import {
  formFieldOf,
  formToYaml,
  newScenarioForm,
  newShock,
  textToForm,
  type ScenarioForm,
  type ShockForm,
  type ShockType,
} from './scenarioForm.ts';
import { passageIds } from './texts.ts';
import type { ScenarioSummary } from './types.ts';

const inputId = (field: string) => `sc-${field.replace(/[[\].]+/g, '-')}`;

interface FieldProps {
  field: string;
  label: string;
  errors: Record<string, string>;
  children: (props: {
    id: string;
    'data-field': string;
    'aria-invalid': boolean | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}

/** A labelled control with the API's error for its field shown beside it. */
function Field({ field, label, errors, children }: FieldProps) {
  const id = inputId(field);
  const error = errors[field];
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'data-field': field,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? `${id}-error` : undefined,
      })}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert" data-error-for={field}>
          {error}
        </span>
      )}
    </div>
  );
}

const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
/** An emptied number box stays empty (NaN goes to the API, which names the field). */
const shown = (v: number) => (Number.isNaN(v) ? '' : v);

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
        ? await api<ScenarioSummary>(`/scenarios/${encodeURIComponent(scenarioId)}`, {
            method: 'PUT',
            body: JSON.stringify(payload),
          })
        : await api<ScenarioSummary>('/scenarios', { method: 'POST', body: JSON.stringify(payload) });
      setStatus(t('scenarios.saved', { version: saved.version }));
      onSaved(saved);
    } catch (e) {
      const field = e instanceof ApiError ? e.place.field : undefined;
      const message = (e as Error).message;
      const target = mode === 'form' ? formFieldOf(field) : undefined;
      if (target) setErrors({ [target]: t('scenarios.fieldError', { field, message }) });
      else if (field) setOtherError(t('scenarios.fieldError', { field, message }));
      else {
        const line = e instanceof ApiError && e.place.line ? ` (line ${e.place.line})` : '';
        setOtherError(t('scenarios.otherError', { message: message + line }));
      }
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
          <FormFields form={form} errors={errors} update={update} updateShock={updateShock} />
        )}
        {otherError && (
          <p id="sc-yaml-error" className="field-error" role="alert" data-error-for="yaml">
            {otherError}
          </p>
        )}
        <fieldset>
          <legend>{t('marking.title')}</legend>
          <div className="field">
            <label htmlFor="sc-marking">{t('scenarios.markingLevel')}</label>
            <select
              id="sc-marking"
              value={marking.level}
              onChange={(e) => setMarking({ ...marking, level: Number(e.target.value) as Marking['level'] })}
            >
              {[0, 1, 2, 3].map((l) => (
                <option key={l} value={l}>
                  {t(`marking.level.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="sc-compartments">{t('scenarios.compartments')}</label>
            <input
              id="sc-compartments"
              size={30}
              value={marking.compartments.join(', ')}
              onChange={(e) =>
                setMarking({
                  ...marking,
                  compartments: e.target.value
                    .split(/[,、，]/)
                    .map((c) => c.trim())
                    .filter(Boolean),
                })
              }
            />
          </div>
          {lowered && (
            <div className="field">
              <label htmlFor="sc-reason">{t('scenarios.reason')}</label>
              <input id="sc-reason" value={reason} onChange={(e) => setReason(e.target.value)} size={60} />
            </div>
          )}
        </fieldset>
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

function FormFields({
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
        <Field field="name" label={t('scenarios.name')} errors={errors}>
          {(p) => (
            <input {...p} size={60} value={form.name} onChange={(e) => update({ name: e.target.value })} />
          )}
        </Field>
        <Field field="nameJa" label={t('scenarios.nameJa')} errors={errors}>
          {(p) => (
            <input
              {...p}
              size={60}
              lang="ja"
              value={form.nameJa}
              onChange={(e) => update({ nameJa: e.target.value })}
            />
          )}
        </Field>
        <Field field="reporter" label={t('scenarios.reporter')} errors={errors}>
          {(p) => (
            <input
              {...p}
              size={8}
              value={form.reporter}
              onChange={(e) => update({ reporter: e.target.value })}
            />
          )}
        </Field>
        <Field field="year" label={t('scenarios.year')} errors={errors}>
          {(p) => (
            <input
              {...p}
              size={6}
              inputMode="numeric"
              value={form.year}
              onChange={(e) => update({ year: e.target.value })}
            />
          )}
        </Field>
        <Field field="horizon" label={t('scenarios.horizon')} errors={errors}>
          {(p) => (
            <input
              {...p}
              type="number"
              step="any"
              value={shown(form.horizon)}
              onChange={(e) => update({ horizon: num(e.target.value) })}
            />
          )}
        </Field>
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
      <fieldset>
        <legend>{t('scenarios.stockpiles')}</legend>
        <Field field="stockpiles.default" label={t('scenarios.stockDefault')} errors={errors}>
          {(p) => (
            <input
              {...p}
              type="number"
              step="any"
              value={shown(form.stockDefault)}
              onChange={(e) => update({ stockDefault: num(e.target.value) })}
            />
          )}
        </Field>
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
                  onChange={(e) =>
                    update({
                      stockProducts: form.stockProducts.map((x, j) =>
                        j === i ? { ...x, product: e.target.value } : x,
                      ),
                    })
                  }
                />
              </label>{' '}
              <label>
                {t('scenarios.days')}{' '}
                <input
                  type="number"
                  step="any"
                  value={shown(sp.days)}
                  onChange={(e) =>
                    update({
                      stockProducts: form.stockProducts.map((x, j) =>
                        j === i ? { ...x, days: num(e.target.value) } : x,
                      ),
                    })
                  }
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
        <Field field="substitution.partners" label={t('scenarios.partners')} errors={errors}>
          {(p) => (
            <input
              {...p}
              size={40}
              value={form.partners}
              onChange={(e) => update({ partners: e.target.value })}
            />
          )}
        </Field>
        <Field field="substitution.likeMinded" label={t('scenarios.likeMinded')} errors={errors}>
          {(p) => (
            <input
              {...p}
              size={40}
              value={form.likeMinded}
              onChange={(e) => update({ likeMinded: e.target.value })}
            />
          )}
        </Field>
        <Field field="substitution.likeMindedFirst" label={t('scenarios.likeMindedFirst')} errors={errors}>
          {(p) => (
            <input
              {...p}
              type="checkbox"
              checked={form.likeMindedFirst}
              onChange={(e) => update({ likeMindedFirst: e.target.checked })}
            />
          )}
        </Field>
        <Field field="substitution.share" label={t('scenarios.substitutionShare')} errors={errors}>
          {(p) => (
            <input
              {...p}
              type="number"
              step="any"
              value={shown(form.substitutionSharePercent)}
              onChange={(e) => update({ substitutionSharePercent: num(e.target.value) })}
            />
          )}
        </Field>
        <Field field="substitution.rampUp" label={t('scenarios.rampUp')} errors={errors}>
          {(p) => (
            <input
              {...p}
              type="number"
              step="any"
              value={shown(form.rampUp)}
              onChange={(e) => update({ rampUp: num(e.target.value) })}
            />
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('scenarios.monteCarlo')}</legend>
        <Field field="monteCarlo.draws" label={t('scenarios.draws')} errors={errors}>
          {(p) => (
            <input
              {...p}
              type="number"
              value={shown(form.draws)}
              onChange={(e) => update({ draws: num(e.target.value) })}
            />
          )}
        </Field>
        <Field field="monteCarlo.seed" label={t('scenarios.seed')} errors={errors}>
          {(p) => (
            <input
              {...p}
              type="number"
              value={shown(form.seed)}
              onChange={(e) => update({ seed: num(e.target.value) })}
            />
          )}
        </Field>
      </fieldset>
    </>
  );
}

function ShockFields({
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
      <Field field={f('type')} label={t('scenarios.type')} errors={errors}>
        {(p) => (
          <select {...p} value={shock.type} onChange={(e) => onChange({ type: e.target.value as ShockType })}>
            {(['export-cut', 'chokepoint-closure', 'disaster'] as const).map((type) => (
              <option key={type} value={type}>
                {t(`scenarios.types.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {shock.type === 'export-cut' && (
        <>
          <Field field={f('exporter')} label={t('scenarios.exporter')} errors={errors}>
            {(p) => (
              <input
                {...p}
                size={12}
                value={shock.exporter}
                onChange={(e) => onChange({ exporter: e.target.value })}
              />
            )}
          </Field>
          <Field field={f('products')} label={t('scenarios.products')} errors={errors}>
            {(p) => (
              <input
                {...p}
                size={40}
                value={shock.products}
                onChange={(e) => onChange({ products: e.target.value })}
              />
            )}
          </Field>
          <Field field={f('to')} label={t('scenarios.to')} errors={errors}>
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
          </Field>
        </>
      )}
      {shock.type === 'chokepoint-closure' && (
        <Field field={f('passages')} label={t('scenarios.passages')} errors={errors}>
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
        </Field>
      )}
      {shock.type === 'disaster' && (
        <Field field={f('country')} label={t('scenarios.country')} errors={errors}>
          {(p) => (
            <input
              {...p}
              size={12}
              value={shock.country}
              onChange={(e) => onChange({ country: e.target.value })}
            />
          )}
        </Field>
      )}
      <Field field={f('share')} label={t('scenarios.share')} errors={errors}>
        {(p) => (
          <input
            {...p}
            type="number"
            step="any"
            value={shown(shock.sharePercent)}
            onChange={(e) => onChange({ sharePercent: num(e.target.value) })}
          />
        )}
      </Field>
      <Field field={f('start')} label={t('scenarios.start')} errors={errors}>
        {(p) => (
          <input
            {...p}
            type="number"
            step="any"
            value={shown(shock.start)}
            onChange={(e) => onChange({ start: num(e.target.value) })}
          />
        )}
      </Field>
      <Field field={f('duration')} label={t('scenarios.duration')} errors={errors}>
        {(p) => (
          <input
            {...p}
            type="number"
            step="any"
            value={shown(shock.duration)}
            onChange={(e) => onChange({ duration: num(e.target.value) })}
          />
        )}
      </Field>
      {onRemove && (
        <button type="button" onClick={onRemove}>
          {t('scenarios.removeShock', { n })}
        </button>
      )}
    </fieldset>
  );
}
