import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { useFormError } from '../../components/formErrors.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { href } from '../../router/router.ts';
import { CaseResult } from './CaseResult.tsx';
import type { Lang } from './types.ts';
import { apiUrl } from '../../api/client.ts';

const statuses = ['open', 'in-review', 'escalated', 'closed'] as const;

/** The file of a case (PDF or XLSX) in a language; a plain link, since files are not JSON routes. */
const fileUrl = (id: string, format: 'pdf' | 'xlsx', lang: Lang) =>
  apiUrl('GET /api/export-control/cases/{id}/export', { path: { id }, query: { format, lang } });

/** One case: what it is about, its marking, status and assignee (editable), its result as kept and its trail. */
export function CasePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const found = useGet('GET /api/export-control/cases/{id}', { path: { id } });
  const error = useFormError(['status', 'assignee'], found.error);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const c = found.data;
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const assignee = String(data.get('assignee') ?? '').trim();
    error.clear();
    request('PATCH /api/export-control/cases/{id}', {
      path: { id },
      body: { status: String(data.get('status')), assignee: assignee || null },
    })
      .then(() => found.reload())
      .catch(error.set);
  };
  return (
    <div className="ec-case" data-testid="ec-case">
      <p>
        <a href={href(['export-control', 'cases'])}>{t('ec.case.back')}</a>
      </p>
      {error.general && (
        <p role="alert" className="error">
          {error.general}
        </p>
      )}
      {c && (
        <>
          <h3>
            {c.title} <MarkingBadge marking={c.marking} />
          </h3>
          <p>
            {t(`ec.case.kinds.${c.kind}`)} · {t('ec.case.opened')} {date.format(new Date(c.createdAt))}
            {c.createdBy ? ` · ${c.createdBy}` : ''}
          </p>
          <p className="ec-downloads">
            {(['pdf', 'xlsx'] as const).map((format) => (
              <a key={format} href={fileUrl(c.id, format, lang)} download>
                {t(`ec.case.download.${format}`)}
              </a>
            ))}
          </p>
          <form key={c.updatedAt} onSubmit={save} aria-label={t('ec.case.change')} className="form-row">
            <label>
              {t('ec.case.status')}
              <select name="status" defaultValue={c.status}>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`ec.case.statuses.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('ec.case.assignee')}
              <input name="assignee" defaultValue={c.assignee ?? ''} maxLength={100} />
            </label>
            <button type="submit">{t('ec.case.save')}</button>
          </form>
          <h4>{t('ec.case.result')}</h4>
          <CaseResult found={c} onChange={found.reload} />
          <h4>{t('ec.case.trail')}</h4>
          <table data-testid="ec-trail">
            <TableHead
              columns={[t('ec.case.when'), t('ec.case.action'), t('ec.case.actor'), t('ec.case.detail')]}
            />
            <tbody>
              {c.events.map((e) => (
                <tr key={e.id}>
                  <td>{date.format(new Date(e.at))}</td>
                  <td>{t(`ec.case.actions.${e.action}`, { defaultValue: e.action })}</td>
                  <td>{e.actor ?? '—'}</td>
                  <td>
                    <small>
                      {Object.entries(e.detail)
                        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
                        .join(' · ')}
                    </small>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
