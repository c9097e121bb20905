import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import type { ApiResponse } from '../../api/schema.ts';
import type { Marking } from '../../components/MarkingBadge.tsx';
import { MarkingFields } from '../../components/MarkingFields.tsx';
import './texts.ts';
import './sharing.css';

type ShareKind = 'screen' | 'dossier' | 'scenario-run' | 'zone' | 'exercise-report';
type Created = ApiResponse<'POST /api/shares'>;

const listOf = (text: string) =>
  text
    .split(/[,、，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The share dialog (issue 24), offered on every page whose result can be shared: a button opening a dialog with
 * the recipients (users, organisations), the marking (by default the result's own), the expiry and an optional
 * signed link for a person without an account. The server takes the snapshot and checks every rule.
 */
export function ShareButton({
  kind,
  source,
  title,
}: {
  kind: ShareKind;
  source: Record<string, string>;
  title: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [keep, setKeep] = useState(true);
  const [marking, setMarking] = useState<Marking>({ level: 1, compartments: [], releasableTo: null });
  const [reason, setReason] = useState('');
  const [withLink, setWithLink] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    setBusy(true);
    setError(null);
    post('POST /api/shares', {
      body: {
        kind,
        source,
        title: text('title') || title,
        note: text('note') || undefined,
        recipients: { users: listOf(text('users')), organisations: listOf(text('organisations')) },
        marking: keep ? undefined : marking,
        reason: keep || !reason ? undefined : reason,
        days: Number(text('days')) || 30,
        link: withLink
          ? { recipientName: text('linkName'), days: Number(text('linkDays')) || 14 }
          : undefined,
      },
    })
      .then(setCreated)
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  if (!open)
    return (
      <button type="button" className="share-button" onClick={() => setOpen(true)}>
        {t('sharing.share')}
      </button>
    );
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="share-dialog-title" className="share-dialog">
      <h3 id="share-dialog-title">{t('sharing.dialogTitle')}</h3>
      <p>{t('sharing.intro')}</p>
      {error && <p role="alert">{error}</p>}
      {created ? (
        <div aria-live="polite">
          <p>{t('sharing.done', { count: created.share.recipients.length })}</p>
          {created.link && (
            <p>
              {t('sharing.token')}{' '}
              <code className="share-token">{`${location.origin}${created.link.url}`}</code>
            </p>
          )}
        </div>
      ) : (
        <form onSubmit={submit} aria-label={t('sharing.dialogTitle')}>
          <div className="field">
            <label htmlFor="share-title">{t('sharing.title')}</label>
            <input id="share-title" name="title" defaultValue={title} required maxLength={300} size={50} />
          </div>
          <div className="field">
            <label htmlFor="share-users">{t('sharing.users')}</label>
            <input id="share-users" name="users" size={40} />
          </div>
          <div className="field">
            <label htmlFor="share-orgs">{t('sharing.organisations')}</label>
            <input id="share-orgs" name="organisations" size={40} />
          </div>
          <label className="block">
            <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} />{' '}
            {t('sharing.keepMarking')}
          </label>
          {!keep && (
            <MarkingFields
              idPrefix="share"
              labels={{
                level: t('sharing.level'),
                compartments: t('sharing.compartments'),
                reason: t('sharing.reason'),
              }}
              marking={marking}
              onMarking={setMarking}
              lowered
              reason={reason}
              onReason={setReason}
            />
          )}
          <div className="field">
            <label htmlFor="share-days">{t('sharing.days')}</label>
            <input id="share-days" name="days" type="number" min={1} max={365} defaultValue={30} />
          </div>
          <div className="field">
            <label htmlFor="share-note">{t('sharing.note')}</label>
            <textarea id="share-note" name="note" rows={2} cols={50} maxLength={5000} />
          </div>
          <label className="block">
            <input type="checkbox" checked={withLink} onChange={(e) => setWithLink(e.target.checked)} />{' '}
            {t('sharing.link')}
          </label>
          {withLink && (
            <>
              <div className="field">
                <label htmlFor="share-link-name">{t('sharing.linkName')}</label>
                <input id="share-link-name" name="linkName" required maxLength={200} size={40} />
              </div>
              <div className="field">
                <label htmlFor="share-link-days">{t('sharing.linkDays')}</label>
                <input
                  id="share-link-days"
                  name="linkDays"
                  type="number"
                  min={1}
                  max={90}
                  defaultValue={14}
                />
              </div>
            </>
          )}
          <button type="submit" disabled={busy}>
            {t('sharing.send')}
          </button>
        </form>
      )}
      <button type="button" onClick={() => (setOpen(false), setCreated(null), setError(null))}>
        {t('sharing.cancel')}
      </button>
    </div>
  );
}
