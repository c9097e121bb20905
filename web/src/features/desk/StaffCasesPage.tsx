import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { useGet } from '../../api/useGet.ts';
import type { ViewProps } from '../../views.ts';
import { CaseThread } from './CaseThread.tsx';
import './texts.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** Staff side of the desk (administrators, analysts): the cases, one case's thread, and an answer form. */
export function StaffCasesPage(_props: ViewProps) {
  const { t, i18n } = useTranslation();
  const list = useGet('GET /api/consultation/cases');
  const cases = list.data?.items ?? null;
  const [openId, setOpenId] = useState<string | null>(null);
  const thread = useApi(openId && `case:${openId}`, (signal) =>
    get('GET /api/consultation/cases/{id}', { path: { id: openId! }, signal }),
  );
  const open = thread.data;
  const [answerError, setAnswerError] = useState<string | null>(null);
  const error = answerError ?? thread.error?.message ?? list.error?.message ?? null;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const show = (id: string) => {
    setAnswerError(null);
    setOpenId(id);
  };
  const answer = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!open) return;
    const formElement = event.currentTarget;
    const body = String(new FormData(formElement).get('body') ?? '');
    post('POST /api/consultation/cases/{id}/answers', { path: { id: open.id }, body: { body } })
      .then((c) => {
        thread.update(() => c);
        formElement.reset();
        list.reload();
      })
      .catch((e: Error) => setAnswerError(e.message));
  };
  return (
    <section aria-labelledby="cases-heading">
      <h2 id="cases-heading">{t('desk.staffTitle')}</h2>
      <p>{t('desk.staffIntro')}</p>
      {error && <p role="alert">{error}</p>}
      {cases && cases.length === 0 && <p>{t('desk.none')}</p>}
      {cases && cases.length > 0 && (
        <table>
          <TableHead
            columns={[
              t('desk.case'),
              t('desk.topic'),
              t('desk.received'),
              { label: t('desk.messages'), num: true },
            ]}
          />
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <td>
                  <button type="button" onClick={() => show(c.id)}>
                    {c.id.slice(0, 8)} · {t(`desk.status.${c.status}`)}
                  </button>
                </td>
                <td>{t(`desk.topics.${c.topic}`)}</td>
                <td>{date.format(new Date(c.createdAt))}</td>
                <td className="num">{c.messages}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <div aria-live="polite">
          <h3>
            {t('desk.case')} {open.id.slice(0, 8)}
          </h3>
          <CaseThread found={open} />
          <form onSubmit={answer} aria-label={t('desk.answer')}>
            <label className="block">
              {t('desk.answer')}
              <textarea name="body" required maxLength={10000} rows={4} />
            </label>
            <button type="submit">{t('desk.sendAnswer')}</button>
          </form>
        </div>
      )}
    </section>
  );
}
