import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { useFormError } from '../../components/formErrors.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { BatchScreening } from './BatchScreening.tsx';
import { listProvenance } from './listProvenance.ts';
import { MatchTable } from './MatchTable.tsx';
import { CaseLink, caseToKeep, KeepAsCaseFields } from './KeepAsCase.tsx';
import type { Lang, ScreenResult } from './types.ts';

/** The name, country and identifiers of a party, screened against every list present; optionally kept as a case. */
export function ScreeningPanel() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const id = useId();
  const lists = useGet('GET /api/export-control/lists');
  const [result, setResult] = useState<ScreenResult | null>(null);
  const [busy, setBusy] = useState(false);
  const error = useFormError(['name', 'country', 'identifiers', 'threshold'], lists.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const identifiers = text('identifiers')
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    error.clear();
    setBusy(true);
    post('POST /api/export-control/screenings', {
      body: {
        name: text('name'),
        country: text('country') || undefined,
        identifiers: identifiers.length ? identifiers : undefined,
        threshold: Number(text('threshold')) || undefined,
        case: caseToKeep(data),
      },
    })
      .then(setResult)
      .catch(error.set)
      .finally(() => setBusy(false));
  };
  const threshold = result?.query.threshold ?? 0.7;
  return (
    <div className="ec-screening">
      <h3>{t('ec.screen.title')}</h3>
      <p>{t('ec.screen.intro')}</p>
      {lists.data && (
        <p className="ec-lists" data-testid="ec-lists">
          {t('ec.screen.listsPresent')}:{' '}
          {lists.data.items.length === 0
            ? t('ec.screen.noLists')
            : lists.data.items
                .map((l) => `${l.title[lang]} (${l.versions.at(-1)?.version ?? '—'})`)
                .join(' · ')}
        </p>
      )}
      <form onSubmit={submit} aria-label={t('ec.screen.title')} className="form-row">
        <label>
          {t('ec.screen.name')}
          <input name="name" required maxLength={500} aria-describedby={`${id}-name`} />
        </label>
        <FieldError id={`${id}-name`} message={error.at('name')} />
        <label>
          {t('ec.screen.country')}
          <input name="country" maxLength={100} placeholder="CHN" aria-describedby={`${id}-country`} />
        </label>
        <FieldError id={`${id}-country`} message={error.at('country')} />
        <label>
          {t('ec.screen.identifiers')}
          <input name="identifiers" maxLength={2000} aria-describedby={`${id}-identifiers`} />
        </label>
        <FieldError id={`${id}-identifiers`} message={error.at('identifiers')} />
        <label>
          {t('ec.screen.threshold')}
          <input name="threshold" type="number" min={0.05} max={1} step={0.05} defaultValue={0.7} />
        </label>
        <KeepAsCaseFields />
        {error.general && (
          <p role="alert" className="error">
            {error.general}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('ec.screen.run')}
        </button>
      </form>
      {result && (
        <section aria-live="polite" aria-label={t('ec.screen.results')} data-testid="ec-screen-result">
          <h4>
            {t('ec.screen.resultsFor', { name: result.query.name })} <MarkingBadge marking={result.marking} />
          </h4>
          {result.caseId && (
            <p>
              <CaseLink id={result.caseId} />
            </p>
          )}
          <MatchTable
            party={{ name: result.query.name, country: result.query.country }}
            matches={result.matches}
            caseId={result.caseId}
          />
          <ProvenanceFooter
            provenance={listProvenance(result.lists, lists.data, lang, t('ec.screen.method', { threshold }))}
          />
        </section>
      )}
      <BatchScreening />
    </div>
  );
}
