import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import type { ApiResponse } from '../../api/schema.ts';
import { ApiErrorText } from './ApiErrorText.tsx';
import { lang } from './bilingual.ts';

type Questionnaire = ApiResponse<'GET /api/exercises/{id}'>['design']['questionnaire'];

/** The lessons-learned questionnaire, answered once at the end (anonymous when the exercise says so). */
export function QuestionnaireForm({
  sessionId,
  questionnaire,
}: {
  sessionId: string;
  questionnaire: Questionnaire;
}) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (questionnaire.questions.length === 0) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body: Record<string, string | number> = {};
    for (const q of questionnaire.questions) {
      const a = (answers[q.id] ?? '').trim();
      if (a) body[q.id] = q.kind === 'scale' ? Number(a) : a;
    }
    try {
      await post('POST /api/exercise-sessions/{id}/answers', {
        path: { id: sessionId },
        body: { answers: body },
      });
      setSent(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="questionnaire-heading" className="form-box">
      <h4 id="questionnaire-heading">{t('exercises.questionnaire.heading')}</h4>
      {questionnaire.anonymous && <p className="note">{t('exercises.questionnaire.anonymous')}</p>}
      {sent ? (
        <p role="status">{t('exercises.questionnaire.sent')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          {questionnaire.questions.map((q) => (
            <div className="field" key={q.id}>
              <label htmlFor={`qn-${q.id}`}>{q.text[l]}</label>
              {q.kind === 'scale' ? (
                <select
                  id={`qn-${q.id}`}
                  value={answers[q.id] ?? ''}
                  onChange={(e) => setAnswers((a) => ({ ...a, [q.id]: e.target.value }))}
                >
                  <option value="" />
                  {[1, 2, 3, 4, 5].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              ) : (
                <textarea
                  id={`qn-${q.id}`}
                  rows={2}
                  value={answers[q.id] ?? ''}
                  onChange={(e) => setAnswers((a) => ({ ...a, [q.id]: e.target.value }))}
                />
              )}
            </div>
          ))}
          <button type="submit">{t('exercises.questionnaire.submit')}</button>
          <ApiErrorText error={error} />
        </form>
      )}
    </section>
  );
}
