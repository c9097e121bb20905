import { useTranslation } from 'react-i18next';
import { MarkingFields } from '../../components/MarkingFields.tsx';
import { Options } from '../../components/Options.tsx';
import { formatNumber } from '../../format/numbers.ts';
import { lang } from './bilingual.ts';
import { BilingualFields } from './BilingualFields.tsx';
import { adjustmentKinds, type AdjustmentKind, type InjectForm } from './designForm.ts';
import { teamName } from './teams.ts';

type Team = { id: string; name: { ja: string; en: string } };

/** One inject of the timeline: time, addressee, texts in both languages, marking, condition, expectations. */
export function InjectEditor({
  index,
  inject,
  teams,
  earlier,
  onChange,
  onRemove,
}: {
  index: number;
  inject: InjectForm;
  teams: readonly Team[];
  /** Ids of the other injects (a condition names one of them). */
  earlier: string[];
  onChange: (inject: InjectForm) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const id = (name: string) => `ij-${index}-${name}`;
  const set = <K extends keyof InjectForm>(k: K, v: InjectForm[K]) => onChange({ ...inject, [k]: v });
  return (
    <fieldset className="inject-editor" data-testid="inject-editor">
      <legend>
        {t('exercises.designer.injectN', { id: inject.id })} · {t(`exercises.kinds.${inject.kind}`)}
      </legend>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={id('id')}>{t('exercises.designer.id')}</label>
          <input id={id('id')} value={inject.id} onChange={(e) => set('id', e.target.value)} size={12} />
        </div>
        <div className="field">
          <label htmlFor={id('at')}>{t('exercises.designer.at')}</label>
          <input
            id={id('at')}
            inputMode="decimal"
            value={inject.at}
            onChange={(e) => set('at', e.target.value)}
            size={5}
          />
        </div>
        <div className="field">
          <label htmlFor={id('team')}>{t('exercises.designer.team')}</label>
          <select id={id('team')} value={inject.team} onChange={(e) => set('team', e.target.value)}>
            <Options
              values={['all', ...teams.map((x) => x.id)]}
              label={(x) => teamName(teams, x, l, t('exercises.designer.allTeams'))}
            />
          </select>
        </div>
      </div>
      <BilingualFields
        id={id('title')}
        labels={{ en: t('exercises.designer.injectTitleEn'), ja: t('exercises.designer.injectTitleJa') }}
        value={inject.title}
        onChange={(title) => set('title', title)}
      />
      <BilingualFields
        id={id('body')}
        rows={3}
        labels={{ en: t('exercises.designer.bodyEn'), ja: t('exercises.designer.bodyJa') }}
        value={inject.body}
        onChange={(body) => set('body', body)}
      />
      {inject.figures.length > 0 && (
        <div className="note">
          {t('exercises.designer.figures')}:{' '}
          {inject.figures
            .map((f) => `${f.label[l]} ${formatNumber(f.value, i18n.language)} ${f.unit}`)
            .join(' · ')}
        </div>
      )}
      <MarkingFields
        idPrefix={id('mk')}
        labels={{
          level: t('exercises.designer.markingLevel'),
          compartments: t('exercises.designer.compartments'),
        }}
        marking={inject.marking}
        onMarking={(m) => set('marking', m)}
      />
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={inject.condition !== null}
            onChange={(e) =>
              set(
                'condition',
                e.target.checked ? { inject: earlier[0] ?? '', taken: true, action: '' } : null,
              )
            }
          />{' '}
          {t('exercises.designer.conditional')}
        </label>
      </div>
      {inject.condition && (
        <div className="inline-form">
          <div className="field">
            <label htmlFor={id('cond-inject')}>{t('exercises.designer.conditionInject')}</label>
            <select
              id={id('cond-inject')}
              value={inject.condition.inject}
              onChange={(e) => set('condition', { ...inject.condition!, inject: e.target.value })}
            >
              <Options values={earlier} />
            </select>
          </div>
          <div className="field">
            <label htmlFor={id('cond-taken')}>{t('exercises.designer.conditionTaken')}</label>
            <select
              id={id('cond-taken')}
              value={String(inject.condition.taken)}
              onChange={(e) => set('condition', { ...inject.condition!, taken: e.target.value === 'true' })}
            >
              <option value="true">{t('exercises.designer.conditionTaken')}</option>
              <option value="false">{t('exercises.designer.conditionNotTaken')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={id('cond-action')}>{t('exercises.designer.conditionAction')}</label>
            <select
              id={id('cond-action')}
              value={inject.condition.action}
              onChange={(e) =>
                set('condition', { ...inject.condition!, action: e.target.value as AdjustmentKind | '' })
              }
            >
              <option value="" />
              <Options values={adjustmentKinds} label={(k) => t(`exercises.actions.${k}`)} />
            </select>
          </div>
        </div>
      )}
      <div className="field">
        <label htmlFor={id('expectations')}>{t('exercises.designer.expectations')}</label>
        <textarea
          id={id('expectations')}
          rows={2}
          cols={60}
          value={inject.expectations}
          onChange={(e) => set('expectations', e.target.value)}
        />
      </div>
      <button type="button" onClick={onRemove}>
        {t('exercises.designer.remove')}
      </button>
    </fieldset>
  );
}
