import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { Options } from '../../components/Options.tsx';
import { BilingualFields, NamedRow } from './BilingualFields.tsx';
import { organisationKinds, type DesignForm } from './designForm.ts';

type Org = DesignForm['organisations'][number];
type Team = DesignForm['teams'][number];

/** The design's title, description, objectives, time unit, organisations and teams. */
export function DesignBasics({
  form,
  setForm,
}: {
  form: DesignForm;
  setForm: Dispatch<SetStateAction<DesignForm>>;
}) {
  const { t } = useTranslation();
  const d = (key: string) => t(`exercises.designer.${key}`);
  const setOrg = (i: number, change: Partial<Org>) =>
    setForm((f) => ({
      ...f,
      organisations: f.organisations.map((o, j) => (j === i ? { ...o, ...change } : o)),
    }));
  const setTeam = (i: number, change: Partial<Team>) =>
    setForm((f) => ({ ...f, teams: f.teams.map((x, j) => (j === i ? { ...x, ...change } : x)) }));
  /** Adds a row (made from the form as it is) to the organisations or the teams. */
  const append = <K extends 'organisations' | 'teams'>(
    key: K,
    make: (f: DesignForm) => DesignForm[K][number],
  ) => setForm((f) => ({ ...f, [key]: [...f[key], make(f)] }));
  return (
    <>
      <BilingualFields
        id="ds-title"
        labels={{ en: d('titleEn'), ja: d('titleJa') }}
        value={form.title}
        onChange={(title) => setForm((f) => ({ ...f, title }))}
      />
      <BilingualFields
        id="ds-desc"
        rows={2}
        labels={{ en: d('descriptionEn'), ja: d('descriptionJa') }}
        value={form.description}
        onChange={(description) => setForm((f) => ({ ...f, description }))}
      />
      <div className="field">
        <label htmlFor="ds-objectives">{d('objectives')}</label>
        <textarea
          id="ds-objectives"
          rows={3}
          cols={60}
          value={form.objectives}
          onChange={(e) => setForm((f) => ({ ...f, objectives: e.target.value }))}
        />
      </div>
      <div className="field">
        <label htmlFor="ds-unit">{d('timeUnit')}</label>
        <select
          id="ds-unit"
          value={form.timeUnit}
          onChange={(e) => setForm((f) => ({ ...f, timeUnit: e.target.value as DesignForm['timeUnit'] }))}
        >
          <Options values={['month', 'hour'] as const} label={(u) => d(`timeUnits.${u}`)} />
        </select>
      </div>
      <fieldset>
        <legend>{t('exercises.organisations')}</legend>
        {form.organisations.map((o, i) => (
          <NamedRow
            key={i}
            id={`og-${i}`}
            item={o}
            onChange={(change) => setOrg(i, change)}
            onRemove={() =>
              setForm((f) => ({ ...f, organisations: f.organisations.filter((_, j) => j !== i) }))
            }
          >
            <div className="field">
              <label htmlFor={`og-${i}-kind`}>{d('kind')}</label>
              <select
                id={`og-${i}-kind`}
                value={o.kind}
                onChange={(e) => setOrg(i, { kind: e.target.value as Org['kind'] })}
              >
                <Options values={organisationKinds} label={(k) => d(`organisationKinds.${k}`)} />
              </select>
            </div>
            <div className="field">
              <label htmlFor={`og-${i}-platform`}>{d('platformOrganisation')}</label>
              <input
                id={`og-${i}-platform`}
                value={o.platformOrganisation}
                onChange={(e) => setOrg(i, { platformOrganisation: e.target.value })}
                size={12}
              />
            </div>
          </NamedRow>
        ))}
        <button
          type="button"
          onClick={() =>
            append('organisations', (f) => ({
              id: `org${f.organisations.length + 1}`,
              name: { ja: '', en: '' },
              kind: 'company',
              platformOrganisation: '',
            }))
          }
        >
          {d('addOrganisation')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('exercises.teams')}</legend>
        {form.teams.map((x, i) => (
          <NamedRow
            key={i}
            id={`tm-${i}`}
            item={x}
            onChange={(change) => setTeam(i, change)}
            onRemove={() => setForm((f) => ({ ...f, teams: f.teams.filter((_, j) => j !== i) }))}
          >
            <div className="field">
              <label htmlFor={`tm-${i}-org`}>{d('organisation')}</label>
              <select
                id={`tm-${i}-org`}
                value={x.organisation}
                onChange={(e) => setTeam(i, { organisation: e.target.value })}
              >
                <Options values={form.organisations.map((o) => o.id)} />
              </select>
            </div>
          </NamedRow>
        ))}
        <button
          type="button"
          onClick={() =>
            append('teams', (f) => ({
              id: `team${f.teams.length + 1}`,
              name: { ja: '', en: '' },
              organisation: f.organisations[0]?.id ?? '',
            }))
          }
        >
          {d('addTeam')}
        </button>
      </fieldset>
    </>
  );
}
