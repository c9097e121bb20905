import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { useFormError } from '../../components/formErrors.ts';
import { TableHead } from '../../components/TableHead.tsx';

const pageSize = 50;

/**
 * The auditor view: the hash chain's verification first (prominent, red when broken), then the entries newest
 * first, filtered by action and actor, paged by sequence number. Only entries the auditor is cleared for appear.
 */
export function AuditPanel() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<{ action: string; actor: string }>({ action: '', actor: '' });
  // Page starts: `before` of each page seen so far (undefined = newest), so "Newer" goes back exactly.
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const before = pages[pages.length - 1];
  const verification = useGet('GET /api/audit/verify');
  const entries = useGet('GET /api/audit', {
    query: { limit: pageSize, before, action: filter.action, actor: filter.actor },
  });
  const verify = verification.data;
  const result = entries.data;
  const error = useFormError(['action', 'actor'], entries.error, verification.error);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  const runVerify = verification.reload;

  const applyFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    error.clear();
    setPages([undefined]);
    setFilter({
      action: String(data.get('action') ?? '').trim(),
      actor: String(data.get('actor') ?? '').trim(),
    });
  };
  const last = result?.items[result.items.length - 1];

  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('admin.tabs.audit')}</h2>
      <div
        className={`audit-verify ${verify ? (verify.ok ? 'ok' : 'broken') : ''}`}
        role="status"
        aria-live="polite"
        data-testid="audit-verify"
      >
        <strong>{t('admin.audit.verify')}: </strong>
        {verify &&
          (verify.ok
            ? t('admin.audit.ok', {
                entries: verify.entries,
                seq: verify.head?.seq ?? 0,
                hash: verify.head?.hash.slice(0, 16) ?? '',
              })
            : t('admin.audit.broken', { count: verify.problems.length }))}
        {verify && !verify.ok && (
          <ul>
            {verify.problems.slice(0, 20).map((p) => (
              <li key={`${p.seq}-${p.problem}`}>{t('admin.audit.problem', p)}</li>
            ))}
          </ul>
        )}{' '}
        <button type="button" onClick={runVerify}>
          {t('admin.audit.verifyAgain')}
        </button>
      </div>
      <form className="form-box" onSubmit={applyFilter} role="search">
        <label>
          {t('admin.audit.action')} <input name="action" maxLength={64} placeholder="user.add" />
        </label>{' '}
        <label>
          {t('admin.audit.actor')} <input name="actor" maxLength={64} />
        </label>{' '}
        <button type="submit">{t('admin.audit.filter')}</button>{' '}
        <button
          type="reset"
          onClick={() => {
            setPages([undefined]);
            setFilter({ action: '', actor: '' });
          }}
        >
          {t('admin.audit.clear')}
        </button>
      </form>
      {error.general && (
        <p role="alert" className="error">
          {error.general}
        </p>
      )}
      {result && <p>{t('admin.audit.total', { total: result.total })}</p>}
      {result && result.items.length === 0 && <p>{t('admin.audit.none')}</p>}
      {result && result.items.length > 0 && (
        <table data-testid="audit">
          <TableHead
            columns={['seq', 'at', 'actor', 'action', 'object', 'marking', 'details'].map((c) =>
              t(`admin.audit.${c}`),
            )}
          />
          <tbody>
            {result.items.map((e) => (
              <tr key={e.seq} data-action={e.action}>
                <td className="num">{e.seq}</td>
                <td>
                  <time dateTime={e.at}>{date.format(new Date(e.at))}</time>
                </td>
                <td>{e.actor}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.objectType}
                  {e.objectId ? ` ${e.objectId}` : ''}
                </td>
                <td>{e.marking && <MarkingBadge marking={e.marking} />}</td>
                <td className="details">{e.details ? JSON.stringify(e.details) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label={t('admin.tabs.audit')}>
        <button type="button" disabled={pages.length <= 1} onClick={() => setPages((p) => p.slice(0, -1))}>
          {t('admin.audit.newer')}
        </button>{' '}
        <button
          type="button"
          disabled={!last || (result?.items.length ?? 0) < pageSize}
          onClick={() => last && setPages((p) => [...p, last.seq])}
        >
          {t('admin.audit.older')}
        </button>
      </nav>
    </section>
  );
}
