import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post, put } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { DatasetSelect } from '../../components/DatasetSelect.tsx';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { invalidateReference } from '../../reference/reference.ts';
import { useDatasets } from '../../reference/useReference.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { useFormError } from '../../components/formErrors.ts';
import { levels, splitList } from './types.ts';
import { Options } from '../../components/Options.tsx';

const fields = ['marking', 'reason'];

/**
 * A dataset's marking: view it, change it (lowering needs the declassify permission and a reason; the API's
 * refusal is shown by the field), and share it with further organisations within their sharing caps.
 */
export function MarkingsPanel() {
  const { t } = useTranslation();
  const datasetList = useDatasets();
  const orgList = useGet('GET /api/organisations');
  const datasets = datasetList.data?.items ?? [];
  const orgs = orgList.data?.items ?? [];
  const [chosen, setSelected] = useState<string>('');
  const selected = chosen || datasets[0]?.id || '';
  const [notice, setNotice] = useState<string | null>(null);
  const change = useFormError(fields, datasetList.error, orgList.error);
  const share = useFormError(['organisations', 'reason']);
  /** A marking decides who sees the dataset and what is derived from it: every page's lists load again. */
  const load = () => {
    invalidateReference('datasets');
    orgList.reload();
  };
  const dataset = datasets.find((d) => d.id === selected);

  const submitChange = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    change.clear();
    setNotice(null);
    const reason = String(data.get('reason') ?? '').trim();
    put('PUT /api/datasets/{id}/marking', {
      path: { id: selected },
      body: {
        marking: {
          level: Number(data.get('level')),
          compartments: splitList(String(data.get('compartments') ?? '')),
          releasableTo: data.get('releasable') === 'any' ? null : data.getAll('org').map(String),
        },
        ...(reason ? { reason } : {}),
      },
    })
      .then((r) => {
        setNotice(r.declassified ? t('admin.markings.declassified') : t('admin.markings.saved'));
        load();
      })
      .catch(change.set);
  };
  const submitShare = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    share.clear();
    setNotice(null);
    const reason = String(data.get('reason') ?? '').trim();
    post('POST /api/datasets/{id}/share', {
      path: { id: selected },
      body: { organisations: data.getAll('org').map(String), ...(reason ? { reason } : {}) },
    })
      .then(() => {
        setNotice(t('admin.markings.shared'));
        load();
      })
      .catch(share.set);
  };

  if (datasets.length === 0) return <p>{t('admin.markings.none')}</p>;
  return (
    <section aria-labelledby="markings-heading">
      <h2 id="markings-heading">{t('admin.tabs.markings')}</h2>
      <label>
        {t('admin.markings.dataset')}{' '}
        <DatasetSelect datasets={datasets} value={selected} onChange={setSelected} />
      </label>
      {dataset && (
        <>
          <p>
            {t('admin.markings.current')}: <MarkingBadge marking={dataset.marking} />
          </p>
          {notice && <p role="status">{notice}</p>}
          <form
            key={`change-${dataset.id}-${JSON.stringify(dataset.marking)}`}
            className="form-box"
            onSubmit={submitChange}
          >
            <h3>{t('admin.markings.save')}</h3>
            <label>
              {t('admin.markings.level')}{' '}
              <select
                name="level"
                defaultValue={dataset.marking.level}
                aria-describedby="marking-error"
                aria-invalid={change.at('marking') ? true : undefined}
              >
                <Options values={levels} label={(l) => `${l} ${t(`marking.level.${l}`)}`} />
              </select>
            </label>
            <label>
              {t('admin.markings.compartments')}{' '}
              <input name="compartments" defaultValue={dataset.marking.compartments.join(', ')} />
            </label>
            <fieldset>
              <legend>{t('admin.markings.releasable')}</legend>
              <label>
                <input
                  type="radio"
                  name="releasable"
                  value="any"
                  defaultChecked={dataset.marking.releasableTo === null}
                />{' '}
                {t('admin.markings.anyOrg')}
              </label>
              <label>
                <input
                  type="radio"
                  name="releasable"
                  value="only"
                  defaultChecked={dataset.marking.releasableTo !== null}
                />{' '}
                {t('admin.markings.onlyOrgs')}
              </label>
              {orgs.map((o) => (
                <label key={o.id}>
                  <input
                    type="checkbox"
                    name="org"
                    value={o.id}
                    defaultChecked={dataset.marking.releasableTo?.includes(o.id) ?? false}
                  />{' '}
                  {o.name}
                </label>
              ))}
            </fieldset>
            <FieldError id="marking-error" message={change.at('marking')} />
            <label>
              {t('admin.markings.reason')}{' '}
              <input
                name="reason"
                size={50}
                maxLength={2000}
                aria-describedby="reason-error"
                aria-invalid={change.at('reason') ? true : undefined}
              />
              <FieldError id="reason-error" message={change.at('reason')} />
            </label>
            <button type="submit">{t('admin.markings.save')}</button>
            {change.general && (
              <p role="alert" className="error">
                {change.general}
              </p>
            )}
          </form>
          <form
            key={`share-${dataset.id}-${JSON.stringify(dataset.marking)}`}
            className="form-box"
            onSubmit={submitShare}
          >
            <h3>{t('admin.markings.share')}</h3>
            {dataset.marking.releasableTo === null ? (
              <p className="note">{t('admin.markings.unrestricted')}</p>
            ) : (
              <>
                <fieldset aria-describedby="share-error">
                  <legend>{t('admin.markings.releasable')}</legend>
                  {orgs
                    .filter((o) => !dataset.marking.releasableTo?.includes(o.id))
                    .map((o) => (
                      <label key={o.id}>
                        <input type="checkbox" name="org" value={o.id} /> {o.name} ({t('admin.orgs.capShort')}{' '}
                        {o.sharingCap})
                      </label>
                    ))}
                </fieldset>
                <FieldError id="share-error" message={share.at('organisations')} />
                <label>
                  {t('admin.markings.shareReason')} <input name="reason" size={50} maxLength={2000} />
                </label>
                <button type="submit">{t('admin.markings.shareButton')}</button>
                {share.general && (
                  <p role="alert" className="error">
                    {share.general}
                  </p>
                )}
              </>
            )}
          </form>
        </>
      )}
    </section>
  );
}
