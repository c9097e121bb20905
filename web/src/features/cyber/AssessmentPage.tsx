import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useGet, useGetWhen } from '../../api/useGet.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { formatDate } from '../../format/numbers.ts';
import { href } from '../../router/router.ts';
import { AnswerRow } from './AnswerRow.tsx';
import { localized } from './localized.ts';
import { ReleaseForm } from './ReleaseForm.tsx';
import { ScorePanel } from './ScorePanel.tsx';

/**
 * One self-assessment: the questionnaire by category (each answer saved as it is given), the ★ level, scores and
 * gaps the server computes from the stored answers, release to organisations and submission.
 */
export function AssessmentPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const assessment = useGet('GET /api/cyber/assessments/{id}', { path: { id } });
  const frameworkId = assessment.data?.frameworkId ?? '';
  const framework = useGetWhen(frameworkId !== '', 'GET /api/cyber/frameworks/{id}', {
    path: { id: frameworkId },
  });
  const [error, setError] = useState<string | null>(null);
  if (assessment.error) return <p role="alert">{assessment.error.message}</p>;
  if (!assessment.data || !framework.data) return <p>{t('cy.loading')}</p>;
  const a = assessment.data;
  const f = framework.data;
  const frozen = a.status === 'submitted';
  const byRequirement = new Map(a.answers.map((x) => [x.requirementId, x]));
  const categories = f.categories.length > 0 ? f.categories : [{ id: '', name: {} }];
  const submit = () => {
    setError(null);
    post('POST /api/cyber/assessments/{id}/submit', { path: { id } })
      .then(assessment.reload)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div>
      <p>
        <a href={href(['cyber', 'assessments'])}>← {t('cy.assess.back')}</a>
      </p>
      <h3>
        {a.title} <MarkingBadge marking={a.marking} />
      </h3>
      <p>
        {localized(f.title, i18n.language)} ({f.version}, {f.publisher}) ·{' '}
        {t(`cy.assess.statuses.${a.status}`)}
        {a.submittedAt && (
          <> · {t('cy.assess.submitted', { date: formatDate(a.submittedAt, i18n.language) })}</>
        )}
      </p>
      {a.score && <ScorePanel score={a.score} />}
      <h4>{t('cy.assess.answers')}</h4>
      {categories.map((c) => {
        const requirements = f.requirements.filter((r) => c.id === '' || r.category === c.id);
        if (requirements.length === 0) return null;
        return (
          <section key={c.id} aria-label={localized(c.name, i18n.language) || c.id}>
            {c.id && <h5>{localized(c.name, i18n.language) || c.id}</h5>}
            <table data-testid="cy-questionnaire">
              <TableHead
                columns={[t('cy.assess.answers'), t('cy.assess.answer'), t('cy.assess.comment'), '']}
              />
              <tbody>
                {requirements.map((r) => (
                  <AnswerRow
                    key={r.id}
                    assessmentId={a.id}
                    requirement={r}
                    stored={byRequirement.get(r.id)}
                    frozen={frozen}
                    onSaved={assessment.reload}
                  />
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
      <ReleaseForm
        assessmentId={a.id}
        releasableTo={a.marking.releasableTo ?? []}
        onReleased={assessment.reload}
      />
      {!frozen && (
        <p>
          <button type="button" onClick={submit}>
            {t('cy.assess.submit')}
          </button>
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
