import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../api/client.ts';
import type { ViewProps } from '../../views.ts';
import { href } from '../../router/router.ts';
import { CaseThread } from './CaseThread.tsx';
import { topics, type ConsultationCase } from './types.ts';
import './texts.ts';
import { Options } from '../../components/Options.tsx';

/**
 * The anonymous consultation desk (PRODUCT.md §3.9): ask without an account, get a case token, read answers
 * with it. The token stays in this page's memory and in request bodies, never in the URL or browser storage.
 */
export function DeskPage(_props: ViewProps) {
  const { t } = useTranslation();
  const [token, setToken] = useState<string | null>(null);
  const [found, setFound] = useState<ConsultationCase | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const failed = (e: unknown) =>
    setError(
      e instanceof ApiError && e.status === 404
        ? t('desk.notFound')
        : e instanceof Error
          ? e.message
          : String(e),
    );

  const ask = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    post('POST /api/consultation/cases', {
      body: { topic: form.get('topic'), question: String(form.get('question') ?? '') },
    })
      .then((r) => {
        setToken(r.caseToken);
        setFound(null);
      })
      .catch(failed);
  };
  const read = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('token') ?? '').trim();
    setError(null);
    post('POST /api/consultation/cases/read', { body: { token: value } })
      .then((c) => {
        setFound(c);
        setToken(value);
      })
      .catch(failed);
  };
  const followUp = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const body = String(new FormData(formElement).get('body') ?? '');
    post('POST /api/consultation/cases/reply', { body: { token, body } })
      .then((c) => {
        setFound(c);
        formElement.reset();
      })
      .catch(failed);
  };

  return (
    <section aria-labelledby="desk-heading" className="desk">
      <h2 id="desk-heading">{t('desk.title')}</h2>
      <p>{t('desk.intro')}</p>
      {error && <p role="alert">{error}</p>}
      {token && !found && (
        <div role="status" className="desk-token">
          <p>{t('desk.sent')}</p>
          <code data-testid="case-token">{token}</code>{' '}
          <button
            type="button"
            onClick={() => void navigator.clipboard?.writeText(token).then(() => setCopied(true))}
          >
            {copied ? t('desk.copied') : t('desk.copy')}
          </button>
        </div>
      )}
      <form onSubmit={ask} aria-label={t('desk.send')}>
        <label>
          {t('desk.topic')}{' '}
          <select name="topic" defaultValue="technology_leakage">
            <Options values={topics} label={(topic) => t(`desk.topics.${topic}`)} />
          </select>
        </label>
        <label className="block">
          {t('desk.question')}
          <textarea name="question" required maxLength={10000} rows={6} />
        </label>
        <button type="submit">{t('desk.send')}</button>
      </form>

      <h3>{t('desk.readTitle')}</h3>
      <form onSubmit={read} aria-label={t('desk.readTitle')}>
        <label>
          {t('desk.token')} <input name="token" required minLength={10} maxLength={100} autoComplete="off" />
        </label>{' '}
        <button type="submit">{t('desk.read')}</button>
      </form>
      {found && (
        <>
          <CaseThread found={found} />
          <form onSubmit={followUp} aria-label={t('desk.followUp')}>
            <label className="block">
              {t('desk.followUp')}
              <textarea name="body" required maxLength={10000} rows={3} />
            </label>
            <button type="submit">{t('desk.sendFollowUp')}</button>
          </form>
        </>
      )}
      <p>
        <a href={href(['consultations'])}>{t('desk.staffLink')}</a>
      </p>
    </section>
  );
}
