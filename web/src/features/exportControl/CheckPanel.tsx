import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { useFormError } from '../../components/formErrors.ts';
import { CheckVerdict } from './CheckVerdict.tsx';
import { InformPanel } from './InformPanel.tsx';
import { CaseLink, caseToKeep, KeepAsCaseFields } from './KeepAsCase.tsx';
import type { CheckResult } from './types.ts';

const fields = ['item', 'destination', 'endUser', 'endUse', 'exporter', 'on'] as const;

/**
 * The transaction check: item (HS code or 別表第一 entry; 16 = catch-all) × destination × end user × end use →
 * licence required, catch-all check or no requirement, with the rule path; optionally kept as a case.
 */
export function CheckPanel() {
  const { t } = useTranslation();
  const id = useId();
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState(false);
  const error = useFormError(fields);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (k: string) => String(data.get(k) ?? '').trim() || undefined;
    error.clear();
    setBusy(true);
    post('POST /api/export-control/checks', {
      body: {
        item: text('item') ?? '',
        destination: text('destination') ?? '',
        endUser: text('endUser'),
        endUse: text('endUse') as 'wmd' | 'conventional' | 'civil' | undefined,
        exporter: text('exporter'),
        on: text('on'),
        informed:
          data.get('informedWmd') || data.get('informedConventional')
            ? { wmd: !!data.get('informedWmd'), conventional: !!data.get('informedConventional') }
            : undefined,
        case: caseToKeep(data),
      },
    })
      .then(setResult)
      .catch(error.set)
      .finally(() => setBusy(false));
  };
  const field = (name: (typeof fields)[number], input: React.ReactNode) => (
    <>
      <label>
        {t(`ec.check.fields.${name}`)}
        {input}
      </label>
      <FieldError id={`${id}-${name}`} message={error.at(name)} />
    </>
  );
  return (
    <div className="ec-check">
      <h3>{t('ec.check.title')}</h3>
      <p>{t('ec.check.intro')}</p>
      <form onSubmit={submit} aria-label={t('ec.check.title')} className="form-row">
        {field(
          'item',
          <input
            name="item"
            required
            maxLength={40}
            placeholder="8542.31 / 2(12) / 16"
            aria-describedby={`${id}-item`}
          />,
        )}
        {field(
          'destination',
          <input
            name="destination"
            required
            maxLength={100}
            placeholder="CHN"
            aria-describedby={`${id}-destination`}
          />,
        )}
        {field('endUser', <input name="endUser" maxLength={500} aria-describedby={`${id}-endUser`} />)}
        {field(
          'endUse',
          <select name="endUse" defaultValue="" aria-describedby={`${id}-endUse`}>
            <option value="">{t('ec.check.uses.unknown')}</option>
            {(['civil', 'conventional', 'wmd'] as const).map((u) => (
              <option key={u} value={u}>
                {t(`ec.check.uses.${u}`)}
              </option>
            ))}
          </select>,
        )}
        {field('exporter', <input name="exporter" maxLength={300} aria-describedby={`${id}-exporter`} />)}
        {field('on', <input name="on" type="date" aria-describedby={`${id}-on`} />)}
        <fieldset>
          <legend>{t('ec.check.informed')}</legend>
          <label>
            <input type="checkbox" name="informedWmd" /> {t('ec.inform.kinds.wmd')}
          </label>{' '}
          <label>
            <input type="checkbox" name="informedConventional" /> {t('ec.inform.kinds.conventional')}
          </label>
        </fieldset>
        <KeepAsCaseFields />
        {error.general && (
          <p role="alert" className="error">
            {error.general}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('ec.check.run')}
        </button>
      </form>
      {result && (
        <section aria-live="polite" aria-label={t('ec.check.result')}>
          {result.caseId && (
            <p>
              <CaseLink id={result.caseId} />
            </p>
          )}
          <CheckVerdict result={result} marking={result.marking} caseId={result.caseId} />
        </section>
      )}
      <InformPanel />
    </div>
  );
}
