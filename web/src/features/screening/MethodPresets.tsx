import { useEffect, useEffectEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers.ts';
import { thresholdsOf, withMethodThresholds } from './screenState.ts';
import type { MethodInfo, MethodThresholds } from './types.ts';

/**
 * The method presets as buttons with their count badges (products each method flags), the chosen method's
 * citation and its editable thresholds. Edits re-run the screen after a short pause.
 */
export function MethodPresets({
  methods,
  counts,
  selected,
  defaults,
  overrides,
  onSelect,
  onThresholds,
}: {
  methods: MethodInfo[];
  counts: Record<string, number> | null;
  selected: string;
  defaults: MethodThresholds | null;
  overrides: Record<string, number>;
  onSelect: (method: string) => void;
  onThresholds: (overrides: Record<string, number>) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const method = methods.find((m) => m.id === selected);
  const methodName = (m: MethodInfo) => (lang === 'ja' ? m.nameJa : m.nameEn);
  return (
    <section className="screening-methods" aria-labelledby="screening-methods-heading">
      <h3 id="screening-methods-heading">{t('screening.methods')}</h3>
      <div className="preset-buttons" role="group" aria-label={t('screening.methods')}>
        {methods.map((m) => (
          <button
            key={m.id}
            type="button"
            aria-pressed={m.id === selected}
            data-method={m.id}
            onClick={() => onSelect(m.id)}
          >
            {methodName(m)}{' '}
            <span className="count-badge" data-testid={`count-${m.id}`} data-count={counts?.[m.id] ?? ''}>
              {counts ? t('screening.methodCount', { count: counts[m.id] ?? 0 }) : '…'}
            </span>
          </button>
        ))}
      </div>
      {method && (
        <p className="citation">
          <strong>{t('screening.citation')}:</strong> {method.citation}
        </p>
      )}
      {method && defaults && (
        <ThresholdEditor
          key={`${method.id}:${JSON.stringify(thresholdsOf(defaults, overrides, method.id))}`}
          title={t('screening.thresholds', { method: methodName(method) })}
          defaults={defaults[method.id] ?? {}}
          values={thresholdsOf(defaults, overrides, method.id)}
          onChange={(values) => onThresholds(withMethodThresholds(overrides, defaults, method.id, values))}
        />
      )}
    </section>
  );
}

function ThresholdEditor({
  title,
  defaults,
  values,
  onChange,
}: {
  title: string;
  defaults: Record<string, number>;
  values: Record<string, number>;
  onChange: (values: Record<string, number>) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])),
  );
  const parsed = Object.fromEntries(
    Object.entries(text).map(([k, v]) => [k, v.trim() === '' ? NaN : Number(v)]),
  );
  const valid = Object.values(parsed).every((v) => Number.isFinite(v));
  const changed = Object.entries(parsed).some(([k, v]) => v !== values[k]);
  // Applied as the thresholds are when the pause ends (not as they were at the keystroke).
  const apply = useEffectEvent(() => {
    if (valid && changed) onChange(parsed);
  });
  // Only a change of the typed thresholds restarts the timer.
  const typed = JSON.stringify(text);
  useEffect(() => {
    const timer = setTimeout(apply, 600);
    return () => clearTimeout(timer);
  }, [typed]);
  return (
    <fieldset className="thresholds">
      <legend>{title}</legend>
      {Object.keys(defaults).map((name) => (
        <span key={name} className="threshold">
          <label htmlFor={`${id}-${name}`}>{t(`screening.threshold.${name}`, { defaultValue: name })}</label>{' '}
          <input
            id={`${id}-${name}`}
            name={name}
            type="number"
            step="any"
            inputMode="decimal"
            value={text[name] ?? ''}
            aria-invalid={!Number.isFinite(parsed[name])}
            onChange={(e) => setText({ ...text, [name]: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && valid && changed) onChange(parsed);
            }}
          />{' '}
          <small>
            {t('screening.defaultValue', { value: formatNumber(defaults[name], i18n.language, 3) })}
          </small>
        </span>
      ))}
      <button
        type="button"
        onClick={() => onChange(defaults)}
        disabled={Object.entries(defaults).every(([k, v]) => values[k] === v)}
      >
        {t('screening.resetThresholds')}
      </button>
    </fieldset>
  );
}
