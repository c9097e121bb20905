import { useCountryName } from '../../reference/useReference.ts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../api/client.ts';
import { errorField } from './errorField.ts';
import type { Alert } from './types.ts';

type Body =
  | { action: 'acknowledge' }
  | { action: 'assign'; assignee: string }
  | { action: 'resolve'; feedback: 'true_alarm' | 'false_alarm'; reason?: string };

/** Lifecycle of one alert: acknowledge, assign, resolve as a true or a false alarm (with a reason). */
export function AlertActions({
  alert,
  onChange,
}: {
  alert: Alert;
  onChange: (updated: Alert, message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const id = useId();
  const [assignee, setAssignee] = useState(alert.assignee ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const open = alert.status !== 'resolved';

  const act = async (body: Body) => {
    if (body.action === 'resolve' && body.feedback === 'false_alarm' && !reason.trim()) {
      setError({ message: t('ews.actions.reasonNeeded'), field: 'reason' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await post('POST /api/ews/alerts/{id}/actions', { path: { id: alert.id }, body });
      const subject = `${countryName(updated.partner)} ${updated.period}`;
      onChange(updated, t('ews.actions.done', { subject, status: t(`ews.status.${updated.status}`) }));
    } catch (e) {
      const err = e as ApiError;
      setError({
        message: err.status === 403 ? t('ews.actions.forbidden') : err.message,
        field: errorField(e),
      });
    } finally {
      setBusy(false);
    }
  };

  if (!open) return null;
  return (
    <div className="ews-actions" lang={lang}>
      {alert.status === 'new' && (
        <button type="button" disabled={busy} onClick={() => void act({ action: 'acknowledge' })}>
          {t('ews.actions.acknowledge')}
        </button>
      )}
      <div className="row">
        <label htmlFor={`${id}-assignee`} className="visually-hidden">
          {t('ews.actions.assignee')}
        </label>
        <input
          id={`${id}-assignee`}
          value={assignee}
          placeholder={t('ews.actions.assignee')}
          onChange={(e) => setAssignee(e.target.value)}
          aria-invalid={error?.field === 'assignee' || undefined}
        />
        <button
          type="button"
          disabled={busy || !assignee.trim()}
          onClick={() => void act({ action: 'assign', assignee: assignee.trim() })}
        >
          {t('ews.actions.assign')}
        </button>
      </div>
      <button
        type="button"
        disabled={busy}
        onClick={() => void act({ action: 'resolve', feedback: 'true_alarm' })}
      >
        {t('ews.actions.trueAlarm')}
      </button>
      <div className="row">
        <label htmlFor={`${id}-reason`} className="visually-hidden">
          {t('ews.actions.reason')}
        </label>
        <input
          id={`${id}-reason`}
          value={reason}
          placeholder={t('ews.actions.reason')}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={error?.field === 'reason' || undefined}
          aria-describedby={error?.field === 'reason' ? `${id}-error` : undefined}
        />
        <button
          type="button"
          disabled={busy}
          onClick={() => void act({ action: 'resolve', feedback: 'false_alarm', reason: reason.trim() })}
        >
          {t('ews.actions.falseAlarm')}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="ews-field-error">
          {error.message}
        </p>
      )}
    </div>
  );
}
