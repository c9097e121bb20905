import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { formatDate } from '../../format/numbers.ts';
import { href } from '../../router/router.ts';
import { TemplateForm } from './TemplateForm.tsx';
import { lang } from './bilingual.ts';

/** The exercises the user may read (hidden ones are absent), and the two ways to make a new one. */
export function ExerciseList() {
  const { t, i18n } = useTranslation();
  const list = useGet('GET /api/exercises');
  const items = list.data?.items ?? null;
  return (
    <>
      <section aria-labelledby="exercise-list-heading">
        <h3 id="exercise-list-heading">{t('exercises.all')}</h3>
        <p>
          <a href={href(['exercises', 'new'])} className="button">
            {t('exercises.newByHand')}
          </a>
        </p>
        {list.error && <p role="alert">{t('error.load', { message: list.error.message })}</p>}
        {items && items.length === 0 && <p>{t('exercises.empty')}</p>}
        {items && items.length > 0 && (
          <table data-testid="exercise-list">
            <TableHead
              columns={[
                t('exercises.name'),
                t('exercises.template'),
                t('exercises.sessions.state'),
                t('marking.title'),
                t('exercises.updated'),
              ]}
            />
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <a href={href(['exercises', e.id])}>{e.title[lang(i18n.language)]}</a>
                  </td>
                  <td>{e.template ?? ''}</td>
                  <td>{t(`exercises.status.${e.status}`)}</td>
                  <MarkingCell marking={e.marking} />
                  <td>{formatDate(e.updatedAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <TemplateForm />
    </>
  );
}
