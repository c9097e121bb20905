import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../api/schema.ts';
import { useGet } from '../../api/useGet.ts';
import { useSignedIn } from '../auth/signedIn.ts';
import { Options } from '../../components/Options.tsx';
import { formatDate } from '../../format/numbers.ts';
import { ReportLinks } from './ReportLinks.tsx';
import { apiUrl } from '../../api/client.ts';
import { ShareButton } from '../sharing/ShareButton.tsx';

type Exercise = ApiResponse<'GET /api/exercises/{id}'>;

/**
 * The after-action report (GET /api/exercises/{id}/report): PDF or XLSX, Japanese or English, for one recipient
 * organisation, redacted by the server to what that organisation may read. File downloads are plain links.
 */
export function ReportPanel({ exercise }: { exercise: Exercise }) {
  const { t, i18n } = useTranslation();
  const me = useSignedIn();
  const recipients = [
    ...new Set(
      [me?.organisationId, ...exercise.design.organisations.map((o) => o.platformOrganisation)].filter(
        (x): x is string => !!x,
      ),
    ),
  ];
  const [org, setOrg] = useState(recipients[0] ?? '');
  const [language, setLanguage] = useState<'ja' | 'en'>(i18n.language === 'ja' ? 'ja' : 'en');
  const sessions = useGet('GET /api/exercises/{id}/sessions', { path: { id: exercise.id } });
  // The newest session until the user picks another (or the design alone).
  const [picked, setPicked] = useState<string | null>(null);
  const session = picked ?? sessions.data?.items[0]?.id ?? '';
  const link = (format: 'pdf' | 'xlsx' | 'docx') => {
    return apiUrl('GET /api/exercises/{id}/report', {
      path: { id: exercise.id },
      query: { format, lang: language, org, session },
    });
  };
  return (
    <section aria-labelledby="report-heading" className="form-box">
      <h4 id="report-heading">{t('exercises.report.heading')}</h4>
      <p className="note">{t('exercises.report.note')}</p>
      <div className="field">
        <label htmlFor="rp-org">{t('exercises.report.organisation')}</label>
        <input id="rp-org" list="rp-orgs" value={org} onChange={(e) => setOrg(e.target.value)} size={20} />
        <datalist id="rp-orgs">
          <Options values={recipients} />
        </datalist>
      </div>
      <div className="field">
        <label htmlFor="rp-lang">{t('exercises.report.language')}</label>
        <select id="rp-lang" value={language} onChange={(e) => setLanguage(e.target.value as 'ja' | 'en')}>
          <option value="ja">日本語</option>
          <option value="en">English</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="rp-session">{t('exercises.report.session')}</label>
        <select id="rp-session" value={session} onChange={(e) => setPicked(e.target.value)}>
          {(sessions.data?.items ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {formatDate(s.createdAt, i18n.language)} · {t(`exercises.states.${s.state}`)}
            </option>
          ))}
          <option value="">{t('exercises.report.designOnly')}</option>
        </select>
      </div>
      {org && sessions.data && (
        <p>
          <a className="button" href={link('pdf')} download>
            {t('exercises.report.pdf')}
          </a>{' '}
          <a className="button" href={link('xlsx')} download>
            {t('exercises.report.xlsx')}
          </a>{' '}
          <a className="button" href={link('docx')} download>
            {t('exercises.report.docx')}
          </a>{' '}
          <ShareButton
            kind="exercise-report"
            source={{ exercise: exercise.id, org, lang: language, ...(session ? { session } : {}) }}
            title={`${t('exercises.report.heading')} — ${org}`}
          />
        </p>
      )}
      {org && sessions.data && (
        <ReportLinks exerciseId={exercise.id} choice={{ org, lang: language, session }} />
      )}
    </section>
  );
}
