import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { errorField } from './errorField.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { LevelBadge } from './LevelBadge.tsx';
import type { Level, Rule, RuleCondition, RuleSetBody, RuleSetsResponse } from './types.ts';

const ops = ['>=', '<=', '>', '<'];
const seasonalKeys = ['years', 'scaleWindow', 'minResiduals', 'minScale', 'offset'] as const;
const seasonalLabel: Record<(typeof seasonalKeys)[number], string> = {
  years: 'seasonalYears',
  scaleWindow: 'scaleWindow',
  minResiduals: 'minResiduals',
  minScale: 'minScale',
  offset: 'offset',
};

/** An empty field is sent as null so that the API, not the browser, says what is wrong and where. */
const num = (v: string): number | null => (v.trim() === '' ? null : Number(v));

/**
 * The rule editor: every parameter, rule and condition of a rule set as form fields named by their path in the
 * rule set (rules[0].when[1].threshold), so the API's validation error lands next to its field.
 */
export function RuleEditor() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const [sets, setSets] = useState<RuleSetsResponse | null>(null);
  const [selected, setSelected] = useState('default');
  const [draft, setDraft] = useState<RuleSetBody | null>(null);
  const [saveAs, setSaveAs] = useState('my-rules');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [status, setStatus] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = (select?: string) =>
    api<RuleSetsResponse>('/ews/rule-sets')
      .then((r) => {
        setSets(r);
        const id = select ?? selected;
        const found = r.items.find((x) => x.id === id) ?? r.items[0];
        setSelected(found.id);
        setDraft(structuredClone(found.body));
        setSaveAs(found.id === 'default' ? 'my-rules' : found.id);
      })
      .catch((e: Error) => setLoadError(e.message));
  useEffect(() => {
    void load('default');
  }, []);

  const choose = (id: string) => {
    const found = sets?.items.find((x) => x.id === id);
    if (!found) return;
    setSelected(id);
    setDraft(structuredClone(found.body));
    setSaveAs(id === 'default' ? 'my-rules' : id);
    setError(null);
    setStatus('');
  };
  const edit = (change: (d: RuleSetBody) => void) =>
    setDraft((d) => {
      if (!d) return d;
      const next = structuredClone(d);
      change(next);
      return next;
    });
  const save = async () => {
    if (!draft) return;
    setError(null);
    setStatus(t('ews.common.saving'));
    try {
      const id = saveAs.trim();
      await api<{ id: string }>(`/ews/rule-sets/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body: JSON.stringify({ body: { ...draft, id } }),
      });
      setStatus(t('ews.rules.saved', { id }));
      await load(id);
    } catch (e) {
      const err = e as ApiError;
      setStatus('');
      const named = errorField(e);
      const field = named === 'id' ? 'saveAs' : named;
      setError({ message: t('ews.rules.invalid', { message: err.message }), field });
    }
  };

  /** Paths drawn as fields in this render: an error on any other path is shown above the save button. */
  const placed = new Set<string>();
  /** A labelled control with the API's error for its path beside it. */
  const field = (
    path: string,
    label: ReactNode,
    control: (invalid: boolean, describedBy?: string) => ReactNode,
  ) => {
    placed.add(path);
    const invalid = error?.field === path;
    const errId = `ews-err-${path.replace(/[^a-z0-9]/gi, '-')}`;
    return (
      <label key={path} data-field={path}>
        {label}
        {control(invalid, invalid ? errId : undefined)}
        {invalid && (
          <span id={errId} className="ews-field-error" role="alert">
            {error!.message}
          </span>
        )}
      </label>
    );
  };
  const numberInput = (
    path: string,
    label: string,
    value: number | null | undefined,
    set: (v: number | null) => void,
  ) =>
    field(path, label, (invalid, describedBy) => (
      <input
        type="number"
        step="any"
        name={path}
        value={value ?? ''}
        onChange={(e) => set(num(e.target.value))}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
    ));
  const textInput = (path: string, label: string, value: string, set: (v: string) => void) =>
    field(path, label, (invalid, describedBy) => (
      <input
        name={path}
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
    ));

  if (loadError) return <p role="alert">{t('error.load', { message: loadError })}</p>;
  if (!sets || !draft) return <p role="status">{t('ews.common.loading')}</p>;
  const marking = sets.items.find((x) => x.id === selected)?.marking;
  const newRule = (): Rule => ({
    id: `rule-${draft.rules.length + 1}`,
    label: { ja: '', en: '' },
    level: 1,
    when: [{ indicator: 'valueZ', op: '<=', threshold: -3 }],
  });

  const form = (
    <div>
      <h3>{t('ews.rules.title')}</h3>
      <label>
        {t('ews.rules.ruleSet')}{' '}
        <select value={selected} onChange={(e) => choose(e.target.value)} name="ruleSet">
          {sets.items.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id}
            </option>
          ))}
        </select>
      </label>{' '}
      <MarkingBadge marking={marking} />
      {selected === 'default' && <p className="ews-muted">{t('ews.rules.defaultNote')}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        aria-label={t('ews.rules.title')}
      >
        <fieldset className="ews-rule">
          <legend>{t('ews.rules.parameters')}</legend>
          <div className="ews-form">
            {numberInput(
              'parameters.minPartnerShare',
              t('ews.rules.minPartnerShare'),
              draft.parameters.minPartnerShare,
              (v) => edit((d) => void (d.parameters.minPartnerShare = v as number)),
            )}
            {seasonalKeys.map((k) =>
              numberInput(
                `parameters.seasonal.${k}`,
                t(`ews.rules.${seasonalLabel[k]}`),
                draft.parameters.seasonal[k],
                (v) => edit((d) => void (d.parameters.seasonal[k] = v as number)),
              ),
            )}
            {numberInput(
              'parameters.unitValueWindow',
              t('ews.rules.unitValueWindow'),
              draft.parameters.unitValueWindow,
              (v) => edit((d) => void (d.parameters.unitValueWindow = v as number)),
            )}
            {numberInput(
              'parameters.eventWindow.beforeAnnouncement',
              t('ews.rules.beforeAnnouncement'),
              draft.parameters.eventWindow.beforeAnnouncement,
              (v) => edit((d) => void (d.parameters.eventWindow.beforeAnnouncement = v as number)),
            )}
            {numberInput(
              'parameters.eventWindow.afterEffective',
              t('ews.rules.afterEffective'),
              draft.parameters.eventWindow.afterEffective,
              (v) => edit((d) => void (d.parameters.eventWindow.afterEffective = v as number)),
            )}
          </div>
        </fieldset>
        {draft.rules.map((rule, i) => (
          <fieldset key={i} className="ews-rule" data-rule={rule.id}>
            <legend>
              {t('ews.rules.rule')} {i + 1}: {rule.label[lang] || rule.id}{' '}
              {[1, 2, 3, 4].includes(rule.level) && <LevelBadge level={rule.level as Level} />}
            </legend>
            <div className="ews-form">
              {textInput(`rules[${i}].id`, t('ews.rules.id'), rule.id, (v) =>
                edit((d) => void (d.rules[i].id = v)),
              )}
              {textInput(`rules[${i}].label.ja`, t('ews.rules.labelJa'), rule.label.ja, (v) =>
                edit((d) => void (d.rules[i].label.ja = v)),
              )}
              {textInput(`rules[${i}].label.en`, t('ews.rules.labelEn'), rule.label.en, (v) =>
                edit((d) => void (d.rules[i].label.en = v)),
              )}
              {field(`rules[${i}].level`, t('ews.rules.level'), (invalid, describedBy) => (
                <select
                  name={`rules[${i}].level`}
                  value={rule.level}
                  onChange={(e) =>
                    edit((d) => void (d.rules[i].level = Number(e.target.value) as Rule['level']))
                  }
                  aria-invalid={invalid || undefined}
                  aria-describedby={describedBy}
                >
                  {[1, 2, 3, 4].map((l) => (
                    <option key={l} value={l}>
                      {l} {t(`ews.level.${l}`)}
                    </option>
                  ))}
                </select>
              ))}
            </div>
            <p className="ews-muted">{t('ews.rules.conditions')}</p>
            {rule.when.map((c, j) => (
              <div key={j} className="ews-cond">
                {field(
                  `rules[${i}].when[${j}].indicator`,
                  t('ews.rules.indicator'),
                  (invalid, describedBy) => (
                    <select
                      name={`rules[${i}].when[${j}].indicator`}
                      value={c.indicator}
                      onChange={(e) =>
                        edit(
                          (d) =>
                            void (d.rules[i].when[j].indicator = e.target
                              .value as RuleCondition['indicator']),
                        )
                      }
                      aria-invalid={invalid || undefined}
                      aria-describedby={describedBy}
                    >
                      {sets.indicators.map((n) => (
                        <option key={n} value={n}>
                          {n} — {sets.indicatorLabels[n]?.[lang] ?? n}
                        </option>
                      ))}
                    </select>
                  ),
                )}
                {field(`rules[${i}].when[${j}].op`, t('ews.rules.op'), (invalid, describedBy) => (
                  <select
                    name={`rules[${i}].when[${j}].op`}
                    value={c.op}
                    onChange={(e) =>
                      edit((d) => void (d.rules[i].when[j].op = e.target.value as RuleCondition['op']))
                    }
                    aria-invalid={invalid || undefined}
                    aria-describedby={describedBy}
                  >
                    {ops.map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </select>
                ))}
                {numberInput(
                  `rules[${i}].when[${j}].threshold`,
                  `${t('ews.rules.threshold')} (${sets.indicatorLabels[c.indicator]?.unit ?? ''})`,
                  c.threshold,
                  (v) => edit((d) => void (d.rules[i].when[j].threshold = v)),
                )}
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
        ))}
        <p>
          <button type="button" onClick={() => edit((d) => void d.rules.push(newRule()))}>
            {t('ews.rules.addRule')}
          </button>
        </p>
        <div className="ews-form">
          {textInput('saveAs', t('ews.rules.saveAs'), saveAs, setSaveAs)}
          <button type="submit">{t('ews.rules.save')}</button>
        </div>
        <p role="status" aria-live="polite" className="ews-status">
          {status}
        </p>
        {error && !placed.has(error.field ?? '') && (
          <p role="alert" className="ews-field-error">
            {error.message}
          </p>
        )}
      </form>
    </div>
  );
  return form;
}
