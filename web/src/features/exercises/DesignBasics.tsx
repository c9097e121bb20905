import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { Options } from '../../components/Options.tsx';
import { organisationKinds, type DesignForm } from './designForm.ts';

/** The design's title, description, objectives, time unit, organisations and teams. */
export function DesignBasics({
  form,
  setForm,
}: {
  form: DesignForm;
  setForm: Dispatch<SetStateAction<DesignForm>>;
}) {
  const { t } = useTranslation();
  const text = (k: 'title' | 'description', l: 'ja' | 'en', v: string) =>
    setForm((f) => ({ ...f, [k]: { ...f[k], [l]: v } }));
  type Org = DesignForm['organisations'][number];
  type Team = DesignForm['teams'][number];
  const setOrg = (i: number, change: Partial<Org>) =>
    setForm((f) => ({
      ...f,
      organisations: f.organisations.map((o, j) => (j === i ? { ...o, ...change } : o)),
    }));
  const setTeam = (i: number, change: Partial<Team>) =>
    setForm((f) => ({ ...f, teams: f.teams.map((x, j) => (j === i ? { ...x, ...change } : x)) }));
  return (
    <>
      <div className="field">
        <label htmlFor="ds-title-en">{t('exercises.designer.titleEn')}</label>
        <input
          id="ds-title-en"
          value={form.title.en}
          onChange={(e) => text('title', 'en', e.target.value)}
          size={60}
        />
      </div>
      <div className="field">
        <label htmlFor="ds-title-ja">{t('exercises.designer.titleJa')}</label>
        <input
          id="ds-title-ja"
          value={form.title.ja}
          onChange={(e) => text('title', 'ja', e.target.value)}
          size={60}
        />
      </div>
      <div className="field">
        <label htmlFor="ds-desc-en">{t('exercises.designer.descriptionEn')}</label>
        <textarea
          id="ds-desc-en"
          rows={2}
          cols={60}
          value={form.description.en}
          onChange={(e) => text('description', 'en', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="ds-desc-ja">{t('exercises.designer.descriptionJa')}</label>
        <textarea
          id="ds-desc-ja"
          rows={2}
          cols={60}
          value={form.description.ja}
          onChange={(e) => text('description', 'ja', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="ds-objectives">{t('exercises.designer.objectives')}</label>
        <textarea
          id="ds-objectives"
          rows={3}
          cols={60}
          value={form.objectives}
          onChange={(e) => setForm((f) => ({ ...f, objectives: e.target.value }))}
        />
      </div>
      <div className="field">
        <label htmlFor="ds-unit">{t('exercises.designer.timeUnit')}</label>
        <select
          id="ds-unit"
          value={form.timeUnit}
          onChange={(e) => setForm((f) => ({ ...f, timeUnit: e.target.value as DesignForm['timeUnit'] }))}
        >
          <Options
            values={['month', 'hour'] as const}
            label={(u) => t(`exercises.designer.timeUnits.${u}`)}
          />
        </select>
      </div>
      <fieldset>
        <legend>{t('exercises.organisations')}</legend>
        {form.organisations.map((o, i) => (
          <div className="inline-form" key={i}>
            <div className="field">
              <label htmlFor={`og-${i}-id`}>{t('exercises.designer.id')}</label>
              <input
                id={`og-${i}-id`}
                value={o.id}
                onChange={(e) => setOrg(i, { id: e.target.value })}
                size={12}
              />
            </div>
            <div className="field">
              <label htmlFor={`og-${i}-en`}>{t('exercises.designer.nameEn')}</label>
              <input
                id={`og-${i}-en`}
                value={o.name.en}
                onChange={(e) => setOrg(i, { name: { ...o.name, en: e.target.value } })}
              />
            </div>
            <div className="field">
              <label htmlFor={`og-${i}-ja`}>{t('exercises.designer.nameJa')}</label>
              <input
                id={`og-${i}-ja`}
                value={o.name.ja}
                onChange={(e) => setOrg(i, { name: { ...o.name, ja: e.target.value } })}
              />
            </div>
            <div className="field">
              <label htmlFor={`og-${i}-kind`}>{t('exercises.designer.kind')}</label>
              <select
                id={`og-${i}-kind`}
                value={o.kind}
                onChange={(e) => setOrg(i, { kind: e.target.value as Org['kind'] })}
              >
                <Options
                  values={organisationKinds}
                  label={(k) => t(`exercises.designer.organisationKinds.${k}`)}
                />
              </select>
            </div>
            <div className="field">
              <label htmlFor={`og-${i}-platform`}>{t('exercises.designer.platformOrganisation')}</label>
              <input
                id={`og-${i}-platform`}
                value={o.platformOrganisation}
                onChange={(e) => setOrg(i, { platformOrganisation: e.target.value })}
                size={12}
              />
            </div>
            <button
              type="button"
              onClick={() =>
                setForm((f) => ({ ...f, organisations: f.organisations.filter((_, j) => j !== i) }))
              }
            >
              {t('exercises.designer.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            setForm((f) => ({
              ...f,
              organisations: [
                ...f.organisations,
                {
                  id: `org${f.organisations.length + 1}`,
                  name: { ja: '', en: '' },
                  kind: 'company',
                  platformOrganisation: '',
                },
              ],
            }))
          }
        >
          {t('exercises.designer.addOrganisation')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('exercises.teams')}</legend>
        {form.teams.map((x, i) => (
          <div className="inline-form" key={i}>
            <div className="field">
              <label htmlFor={`tm-${i}-id`}>{t('exercises.designer.id')}</label>
              <input
                id={`tm-${i}-id`}
                value={x.id}
                onChange={(e) => setTeam(i, { id: e.target.value })}
                size={12}
              />
            </div>
            <div className="field">
              <label htmlFor={`tm-${i}-en`}>{t('exercises.designer.nameEn')}</label>
              <input
                id={`tm-${i}-en`}
                value={x.name.en}
                onChange={(e) => setTeam(i, { name: { ...x.name, en: e.target.value } })}
              />
            </div>
            <div className="field">
              <label htmlFor={`tm-${i}-ja`}>{t('exercises.designer.nameJa')}</label>
              <input
                id={`tm-${i}-ja`}
                value={x.name.ja}
                onChange={(e) => setTeam(i, { name: { ...x.name, ja: e.target.value } })}
              />
            </div>
            <div className="field">
              <label htmlFor={`tm-${i}-org`}>{t('exercises.designer.organisation')}</label>
              <select
                id={`tm-${i}-org`}
                value={x.organisation}
                onChange={(e) => setTeam(i, { organisation: e.target.value })}
              >
                <Options values={form.organisations.map((o) => o.id)} />
              </select>
            </div>
            <button
              type="button"
              onClick={() => setForm((f) => ({ ...f, teams: f.teams.filter((_, j) => j !== i) }))}
            >
              {t('exercises.designer.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            setForm((f) => ({
              ...f,
              teams: [
                ...f.teams,
                {
                  id: `team${f.teams.length + 1}`,
                  name: { ja: '', en: '' },
                  organisation: f.organisations[0]?.id ?? '',
                },
              ],
            }))
          }
        >
          {t('exercises.designer.addTeam')}
        </button>
      </fieldset>
    </>
  );
}
