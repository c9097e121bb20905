import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { put } from '../../api/client.ts';
import type { ApiResponse } from '../../api/schema.ts';
import { localized } from './localized.ts';

type Requirement = ApiResponse<'GET /api/cyber/frameworks/{id}'>['requirements'][number];
type Stored = ApiResponse<'GET /api/cyber/assessments/{id}'>['answers'][number];
type Answer = Stored['answer'];
const answers: readonly Answer[] = ['implemented', 'partial', 'not_implemented', 'not_applicable'];

/**
 * One requirement of the questionnaire. Saves as you go: choosing an answer, or leaving the comment field, PUTs
 * this answer alone (the server keeps the others), then `onSaved` reloads the scores.
 */
export function AnswerRow({
  assessmentId,
  requirement,
  stored,
  frozen,
  onSaved,
}: {
  assessmentId: string;
  requirement: Requirement;
  stored: Stored | undefined;
  frozen: boolean;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [answer, setAnswer] = useState<Answer | ''>(stored?.answer ?? '');
  const [comment, setComment] = useState(stored?.comment ?? '');
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const save = (next: Answer | '', nextComment: string) => {
    if (!next) return;
    setState('saving');
    setError(null);
    put('PUT /api/cyber/assessments/{id}/answers/{requirement}', {
      path: { id: assessmentId, requirement: requirement.id },
      body: { answer: next, comment: nextComment.trim() || undefined },
    })
      .then(() => {
        setState('saved');
        onSaved();
      })
      .catch((e: unknown) => {
        setState('idle');
        setError(e instanceof Error ? e.message : String(e));
      });
  };
  const selectId = `cy-answer-${requirement.id}`;
  return (
    <tr className="cy-answer" data-requirement={requirement.id}>
      <td>
        <label htmlFor={selectId}>
          <strong>{requirement.id}</strong> {localized(requirement.text, i18n.language)}
        </label>{' '}
        <small>({requirement.level})</small>
      </td>
      <td>
        <select
          id={selectId}
          value={answer}
          disabled={frozen}
          onChange={(e) => {
            const next = e.target.value as Answer | '';
            setAnswer(next);
            save(next, comment);
          }}
        >
          <option value="">{t('cy.assess.answersValues.none')}</option>
          {answers.map((a) => (
            <option key={a} value={a}>
              {t(`cy.assess.answersValues.${a}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <textarea
          aria-label={`${t('cy.assess.comment')} ${requirement.id}`}
          rows={1}
          maxLength={5000}
          value={comment}
          disabled={frozen}
          onChange={(e) => setComment(e.target.value)}
          onBlur={() => comment !== (stored?.comment ?? '') && save(answer, comment)}
        />
      </td>
      <td aria-live="polite">
        {state === 'saving' && t('cy.assess.saving')}
        {state === 'saved' && t('cy.assess.saved')}
        {error && <span role="alert">{error}</span>}
      </td>
    </tr>
  );
}
