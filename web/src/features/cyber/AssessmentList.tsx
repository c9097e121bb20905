import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { LoadedTable } from './LoadedTable.tsx';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
import { useFormError } from '../../components/formErrors.ts';
import { formatDate } from '../../format/numbers.ts';
import { href, navigate } from '../../router/router.ts';
import { FrameworkImport } from './FrameworkImport.tsx';
import { localized } from './localized.ts';

/** The self-assessments the user may read (own and released to the organisation), and the form that starts one. */
export function AssessmentList() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const list = useGet('GET /api/cyber/assessments', { query: {} });
  const frameworks = useGet('GET /api/cyber/frameworks');
  const [framework, setFramework] = useState('');
  const [busy, setBusy] = useState(false);
  const error = useFormError(['framework', 'title'], frameworks.error);
  const chosen = frameworks.data?.items.find((f) => f.id === framework) ?? frameworks.data?.items[0];
  const frameworkTitle = (fid: string) => {
    const f = frameworks.data?.items.find((x) => x.id === fid);
    return f ? localized(f.title, i18n.language) : fid;
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    error.clear();
    setBusy(true);
    post('POST /api/cyber/assessments', {
      body: { framework: String(data.get('framework') ?? ''), title: String(data.get('title') ?? '').trim() },
    })
      .then((a) => navigate(['cyber', 'assessment', a.id]))
      .catch(error.set)
      .finally(() => setBusy(false));
  };
  return (
    <div>
      <h3>{t('cy.assess.list')}</h3>
      <LoadedTable
        loaded={list}
        none={t('cy.assess.none')}
        testId="cy-assessments"
        columns={[
          t('cy.assess.titleField'),
          t('cy.assess.framework'),
          t('cy.assess.status'),
          t('cy.marking'),
          t('cy.assess.updated'),
        ]}
        row={(a) => (
          <tr key={a.id}>
            <td>
              <a href={href(['cyber', 'assessment', a.id])}>{a.title}</a>
            </td>
            <td>{frameworkTitle(a.frameworkId)}</td>
            <td>{t(`cy.assess.statuses.${a.status}`)}</td>
            <MarkingCell marking={a.marking} />
            <td>{formatDate(a.updatedAt, i18n.language)}</td>
          </tr>
        )}
      />
      <form onSubmit={submit} className="cy-form" aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>{t('cy.assess.create')}</h3>
        <label>
          {t('cy.assess.framework')}
          <select
            name="framework"
            value={chosen?.id ?? ''}
            onChange={(e) => setFramework(e.target.value)}
            aria-describedby={`${id}-framework`}
          >
            {frameworks.data?.items.map((f) => (
              <option key={f.id} value={f.id}>
                {localized(f.title, i18n.language)} ({f.version})
              </option>
            ))}
          </select>
        </label>
        <FieldError id={`${id}-framework`} message={error.at('framework')} />
        {chosen && (
          <p>
            <small>
              {chosen.publisher} · {t('cy.assess.requirements', { count: chosen.requirements })} ·{' '}
              {chosen.levels.map((l) => localized(l.name, i18n.language)).join(' / ')}
              {chosen.missing.length > 0 && (
                <>
                  <br />
                  {t('cy.assess.missing', { what: chosen.missing.join('; ') })}
                </>
              )}
            </small>
          </p>
        )}
        <label>
          {t('cy.assess.titleField')}
          <input name="title" required maxLength={200} aria-describedby={`${id}-title`} />
        </label>
        <FieldError id={`${id}-title`} message={error.at('title')} />
        <button type="submit" disabled={busy || !chosen}>
          {t('cy.assess.createRun')}
        </button>
        {error.general && <p role="alert">{error.general}</p>}
      </form>
      <FrameworkImport
        onImported={(fid) => {
          setFramework(fid);
          frameworks.reload();
        }}
      />
    </div>
  );
}
