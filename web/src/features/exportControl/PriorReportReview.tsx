import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useFormError } from '../../components/formErrors.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { CheckVerdict } from './CheckVerdict.tsx';
import type { CaseDetail, CheckResult } from './types.ts';

const outcomes = ['more-information', 'no-objection', 'conditions', 'recommendation', 'withdrawn'] as const;

/** A prior report's result as kept: the report, the check made on arrival, the reviews, newest last. */
interface PriorReportResult {
  check: CheckResult;
  reviews: {
    outcome: (typeof outcomes)[number];
    reason: string;
    conditions: string[];
    by: string | null;
    at: string;
  }[];
}

/** A prior report on its case page: what was reported, the check on arrival, the reviews and a review form. */
export function PriorReportReview({ found, onReviewed }: { found: CaseDetail; onReviewed: () => void }) {
  const { t, i18n } = useTranslation();
  const error = useFormError(['outcome', 'reason', 'conditions']);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const r = found.result as PriorReportResult;
  const subject = found.subject as Record<string, string | undefined>;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    error.clear();
    post('POST /api/export-control/prior-reports/{id}/reviews', {
      path: { id: found.id },
      body: {
        outcome: String(data.get('outcome')) as (typeof outcomes)[number],
        reason: String(data.get('reason') ?? ''),
        conditions: String(data.get('conditions') ?? '')
          .split('\n')
          .map((c) => c.trim())
          .filter(Boolean),
      },
    })
      .then(onReviewed)
      .catch(error.set);
  };
  return (
    <>
      <dl className="ec-report">
        {(
          [
            'kind',
            'company',
            'technology',
            'destination',
            'counterparty',
            'plannedOn',
            'description',
          ] as const
        )
          .filter((k) => subject[k])
          .map((k) => (
            <div key={k}>
              <dt>{t(`ec.prior.fields.${k}`)}</dt>
              <dd>{k === 'kind' ? t(`ec.prior.kinds.${subject[k]}`) : subject[k]}</dd>
            </div>
          ))}
      </dl>
      <h4>{t('ec.prior.check')}</h4>
      <CheckVerdict result={r.check} marking={found.marking} caseId={found.id} />
      <h4>{t('ec.prior.reviews')}</h4>
      {r.reviews.length === 0 ? (
        <p>{t('ec.prior.noReviews')}</p>
      ) : (
        <table data-testid="ec-reviews">
          <TableHead
            columns={[
              t('ec.case.when'),
              t('ec.prior.outcome'),
              t('ec.prior.reason'),
              t('ec.prior.conditions'),
              t('ec.case.actor'),
            ]}
          />
          <tbody>
            {r.reviews.map((v, i) => (
              <tr key={i}>
                <td>{date.format(new Date(v.at))}</td>
                <td>{t(`ec.prior.outcomes.${v.outcome}`)}</td>
                <td>{v.reason}</td>
                <td>{v.conditions.join('; ')}</td>
                <td>{v.by ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {found.status !== 'closed' && (
        <form onSubmit={submit} aria-label={t('ec.prior.review')} className="form-row">
          <label>
            {t('ec.prior.outcome')}
            <select name="outcome" defaultValue="more-information">
              {outcomes.map((o) => (
                <option key={o} value={o}>
                  {t(`ec.prior.outcomes.${o}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            {t('ec.prior.reason')}
            <textarea name="reason" required maxLength={4000} rows={2} />
          </label>
          <label className="block">
            {t('ec.prior.conditionsHint')}
            <textarea name="conditions" maxLength={8000} rows={2} />
          </label>
          {(error.general ?? error.at('conditions') ?? error.at('reason')) && (
            <p role="alert" className="error">
              {error.general ?? error.at('conditions') ?? error.at('reason')}
            </p>
          )}
          <button type="submit">{t('ec.prior.record')}</button>
        </form>
      )}
    </>
  );
}
