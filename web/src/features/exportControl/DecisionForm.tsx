import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { useFormError } from '../../components/formErrors.ts';
import type { Decision, Party, ScreenMatch } from './types.ts';

/**
 * A decision on one hit (match, no match, escalate) with its reason. The server takes the entry's fingerprint
 * from the list's current version, so a dismissal holds until the entry changes.
 */
export function DecisionForm({
  party,
  match,
  caseId,
  onDecided,
}: {
  party: Party;
  match: ScreenMatch;
  caseId?: string | null;
  onDecided: (decision: Decision) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const error = useFormError(['decision', 'reasonText']);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    error.clear();
    post('POST /api/export-control/decisions', {
      body: {
        partyName: party.name,
        country: party.country || undefined,
        list: match.list,
        entryId: match.entryId,
        decision: String(data.get('decision')) as Decision['decision'],
        reasonText: String(data.get('reasonText') ?? ''),
        caseId: caseId ?? undefined,
      },
    })
      .then(onDecided)
      .catch(error.set);
  };
  return (
    <form className="ec-decision" onSubmit={submit} aria-label={t('ec.decision.title', { name: match.name })}>
      <label>
        {t('ec.decision.choice')}{' '}
        <select
          name="decision"
          defaultValue="no-match"
          aria-label={t('ec.decision.choice')}
          aria-describedby={`${id}-decision`}
        >
          {(['match', 'no-match', 'escalate'] as const).map((d) => (
            <option key={d} value={d}>
              {t(`ec.decision.kinds.${d}`)}
            </option>
          ))}
        </select>
      </label>
      <FieldError id={`${id}-decision`} message={error.at('decision')} />
      <label className="block">
        {t('ec.decision.reason')}
        <textarea name="reasonText" required maxLength={4000} rows={2} aria-describedby={`${id}-reason`} />
      </label>
      <FieldError id={`${id}-reason`} message={error.at('reasonText')} />
      {error.general && (
        <p role="alert" className="error">
          {error.general}
        </p>
      )}
      <button type="submit">{t('ec.decision.record')}</button>
    </form>
  );
}
