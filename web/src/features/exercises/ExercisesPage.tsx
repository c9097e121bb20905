import { useTranslation } from 'react-i18next';
import type { ViewProps } from '../../views.ts';
import './texts.ts';
import './exercises.css';
import { ExerciseList } from './ExerciseList.tsx';
import { ExerciseDetail } from './ExerciseDetail.tsx';
import { ExerciseDesigner } from './ExerciseDesigner.tsx';
import { LiveSession } from './LiveSession.tsx';

/**
 * Tabletop exercises (PRODUCT.md §3.5, docs/exercises.md): `#/exercises` lists them and creates one from a
 * template, `#/exercises/new` and `#/exercises/<id>/edit` design one, `#/exercises/<id>` shows it with its
 * participants, sessions and report, `#/exercises/<id>/session/<sid>` is the live session (facilitator console,
 * player view or evaluator view by the reader's part).
 */
export function ExercisesPage({ route }: ViewProps) {
  const { t } = useTranslation();
  const [, id, sub, sessionId] = route.path;
  return (
    <section aria-labelledby="exercises-heading" className="exercises">
      <h2 id="exercises-heading">{t('exercises.title')}</h2>
      {!id && <p className="note">{t('exercises.intro')}</p>}
      {!id && <ExerciseList />}
      {id === 'new' && <ExerciseDesigner />}
      {id && id !== 'new' && !sub && <ExerciseDetail id={id} />}
      {id && id !== 'new' && sub === 'edit' && <ExerciseDesigner id={id} />}
      {id && id !== 'new' && sub === 'session' && sessionId && (
        <LiveSession exerciseId={id} sessionId={sessionId} />
      )}
    </section>
  );
}
