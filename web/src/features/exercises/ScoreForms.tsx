import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { put } from '../../api/client.ts';
import type { ApiResponse } from '../../api/schema.ts';
import { ApiErrorText } from './ApiErrorText.tsx';
import { lang } from './bilingual.ts';
import type { Inject } from './liveState.ts';

type Score = ApiResponse<'GET /api/exercise-sessions/{id}/scores'>['items'][number];

/** The evaluator's scores (0–100, with a comment) of each expectation of a delivered inject. */
export function ScoreForms({
  sessionId,
  inject,
  scores,
  onSaved,
}: {
  sessionId: string;
  inject: Inject;
  scores: Score[];
  onSaved: () => void;
}) {
  if (inject.expectations.length === 0) return null;
  return (
    <div className="scores">
      {inject.expectations.map((e) => (
        <ScoreForm
          key={e.id}
          sessionId={sessionId}
          injectId={inject.id}
          expectation={e}
          current={scores.find((s) => s.injectId === inject.id && s.expectationId === e.id)}
          onSaved={onSaved}
        />
      ))}
    </div>
  );
}

function ScoreForm({
  sessionId,
  injectId,
  expectation,
  current,
  onSaved,
}: {
  sessionId: string;
  injectId: string;
  expectation: Inject['expectations'][number];
  current: Score | undefined;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [score, setScore] = useState(current ? String(current.score) : '');
  const [comment, setComment] = useState(current?.comment ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const id = `sc-${injectId}-${expectation.id}`;
  const save = async () => {
    setError(null);
    setSaved(false);
    try {
      await put('PUT /api/exercise-sessions/{id}/scores', {
        path: { id: sessionId },
        body: { injectId, expectationId: expectation.id, score: Number(score), comment },
      });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form
      className="score-form inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p>{expectation.text[lang(i18n.language)]}</p>
      <div className="field">
        <label htmlFor={`${id}-score`}>{t('exercises.evaluator.score')}</label>
        <input
          id={`${id}-score`}
          type="number"
          min={0}
          max={100}
          value={score}
          onChange={(e) => setScore(e.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t('exercises.evaluator.comment')}</label>
        <input id={`${id}-comment`} value={comment} onChange={(e) => setComment(e.target.value)} size={40} />
      </div>
      <button type="submit">{t('exercises.evaluator.save')}</button>
      {saved && <span role="status">{t('exercises.evaluator.saved')}</span>}
      <ApiErrorText error={error} />
    </form>
  );
}
