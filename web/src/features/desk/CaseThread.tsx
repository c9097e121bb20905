import { useTranslation } from 'react-i18next';
import type { ConsultationCase } from './types.ts';

/** A case's messages in order, requester and staff told apart in words, not only by colour. */
export function CaseThread({ found }: { found: ConsultationCase }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <div className="case-thread">
      <p>
        {t(`desk.topics.${found.topic}`)} · {t(`desk.status.${found.status}`)} ·{' '}
        {date.format(new Date(found.createdAt))}
      </p>
      <ol>
        {found.messages.map((m, i) => (
          <li key={i} className={`message message-${m.author}`}>
            <strong>{t(`desk.author.${m.author}`)}</strong> ({date.format(new Date(m.createdAt))})
            <p style={{ whiteSpace: 'pre-wrap' }}>{m.body}</p>
          </li>
        ))}
      </ol>
      {!found.messages.some((m) => m.author === 'staff') && <p>{t('desk.noAnswer')}</p>}
    </div>
  );
}
