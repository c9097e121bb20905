import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, post } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { formatDate } from '../../format/numbers.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ApiErrorText } from './ApiErrorText.tsx';

/** What the report panel has chosen: the report a new link stands for. */
export interface ReportChoice {
  org: string;
  lang: 'ja' | 'en';
  session: string;
}

/**
 * Signed links to the report for participants without an account (POST /api/exercises/{id}/report-links): each
 * stands for one recipient organisation's redacted report, expires after the days chosen and can be revoked. The
 * address is shown once, when it is made (the server keeps only its hash).
 */
export function ReportLinks({ exerciseId, choice }: { exerciseId: string; choice: ReportChoice }) {
  const { t, i18n } = useTranslation();
  const links = useGet('GET /api/exercises/{id}/report-links', { path: { id: exerciseId } });
  const [format, setFormat] = useState<'pdf' | 'xlsx'>('pdf');
  const [days, setDays] = useState(14);
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const create = () => {
    setError(null);
    post('POST /api/exercises/{id}/report-links', {
      path: { id: exerciseId },
      body: {
        org: choice.org,
        format,
        lang: choice.lang,
        days,
        ...(choice.session ? { session: choice.session } : {}),
      },
    })
      .then((created) => {
        setMade(new URL(created.url, window.location.origin).href);
        links.reload();
      })
      .catch(setError);
  };
  const revoke = (linkId: string) => {
    setError(null);
    del('DELETE /api/exercises/{id}/report-links/{linkId}', { path: { id: exerciseId, linkId }, body: {} })
      .then(() => links.reload())
      .catch(setError);
  };
  return (
    <div className="report-links">
      <h5>{t('exercises.links.heading')}</h5>
      <p className="note">{t('exercises.links.note')}</p>
      <div className="field">
        <label htmlFor="rl-format">{t('exercises.links.format')}</label>
        <select id="rl-format" value={format} onChange={(e) => setFormat(e.target.value as 'pdf' | 'xlsx')}>
          <option value="pdf">PDF</option>
          <option value="xlsx">XLSX</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="rl-days">{t('exercises.links.days')}</label>
        <input
          id="rl-days"
          type="number"
          min={1}
          max={90}
          value={days}
          onChange={(e) => setDays(Number(e.target.value))}
        />
      </div>
      <button type="button" disabled={!choice.org} onClick={create}>
        {t('exercises.links.create')}
      </button>
      <ApiErrorText error={error} />
      {made && (
        <p className="one-time" role="status">
          {t('exercises.links.made')} <code data-testid="report-link-url">{made}</code>
        </p>
      )}
      {links.data && links.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('exercises.report.organisation')}</th>
              <th>{t('exercises.links.format')}</th>
              <th>{t('exercises.links.expires')}</th>
              <th>{t('exercises.links.marking')}</th>
              <th>{t('exercises.links.state')}</th>
            </tr>
          </thead>
          <tbody>
            {links.data.items.map((l) => (
              <tr key={l.id} data-link={l.id}>
                <td>{l.organisationId}</td>
                <td>
                  {l.format.toUpperCase()} · {l.lang}
                </td>
                <td>{formatDate(l.expiresAt, i18n.language)}</td>
                <td>
                  <MarkingBadge marking={l.marking} />
                </td>
                <td>
                  {l.revokedAt ? (
                    t('exercises.links.revoked')
                  ) : (
                    <button type="button" onClick={() => revoke(l.id)}>
                      {t('exercises.links.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
