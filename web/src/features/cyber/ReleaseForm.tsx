import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { useFormError } from '../../components/formErrors.ts';

/** Chooses the organisations an assessment is released to (each organisation's sharing cap is checked server-side). */
export function ReleaseForm({
  assessmentId,
  releasableTo,
  onReleased,
}: {
  assessmentId: string;
  releasableTo: readonly string[];
  onReleased: () => void;
}) {
  const { t } = useTranslation();
  const organisations = useGet('GET /api/organisations');
  const [busy, setBusy] = useState(false);
  const error = useFormError([], organisations.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget).getAll('org').map(String);
    error.clear();
    setBusy(true);
    post('POST /api/cyber/assessments/{id}/release', {
      path: { id: assessmentId },
      body: { organisations: chosen },
    })
      .then(onReleased)
      .catch(error.set)
      .finally(() => setBusy(false));
  };
  return (
    <form onSubmit={submit} className="cy-form">
      <fieldset>
        <legend>{t('cy.assess.release')}</legend>
        <p>
          <small>{t('cy.assess.releaseIntro')}</small>
        </p>
        {organisations.data?.items.map((o) => (
          <label key={o.id}>
            <input type="checkbox" name="org" value={o.id} defaultChecked={releasableTo.includes(o.id)} />{' '}
            {o.name} <small>({o.id})</small>
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy}>
        {t('cy.assess.releaseRun')}
      </button>
      {error.general && <p role="alert">{error.general}</p>}
    </form>
  );
}
