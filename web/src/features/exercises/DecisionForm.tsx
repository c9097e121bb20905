import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Options } from '../../components/Options.tsx';
import { adjustmentKinds } from './designForm.ts';
import { decisionOf, emptyDecision, type DecisionFields } from './decisionForm.ts';
import type { LiveAnswer } from './useLiveSession.ts';

/**
 * A player's decision on a delivered inject, sent over the live socket: options considered, action chosen,
 * rationale, owner, follow-up and, optionally, what it changes in the scenario for the re-run.
 */
export function DecisionForm({
  injectId,
  title,
  send,
}: {
  injectId: string;
  title: string;
  send: (frame: Record<string, unknown>) => Promise<LiveAnswer>;
}) {
  const { t } = useTranslation();
  const [f, setF] = useState<DecisionFields>(emptyDecision);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (k: keyof DecisionFields) => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value }));
  const id = (name: string) => `dc-${injectId}-${name}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const answer = await send({ type: 'decision', decision: decisionOf(injectId, f) });
    setBusy(false);
    if (answer.ok) {
      setF(emptyDecision);
      setStatus({ ok: true, text: t('exercises.decision.recorded') });
    } else setStatus({ ok: false, text: `${answer.message}${answer.field ? ` (${answer.field})` : ''}` });
  };

  return (
    <form
      className="decision-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('exercises.decision.heading', { title })}
    >
      <div className="field">
        <label htmlFor={id('options')}>{t('exercises.decision.options')}</label>
        <textarea id={id('options')} rows={3} value={f.options} onChange={set('options')} />
      </div>
      <div className="field">
        <label htmlFor={id('action')}>{t('exercises.decision.action')}</label>
        <input id={id('action')} value={f.action} onChange={set('action')} required size={50} />
      </div>
      <div className="field">
        <label htmlFor={id('rationale')}>{t('exercises.decision.rationale')}</label>
        <textarea id={id('rationale')} rows={2} value={f.rationale} onChange={set('rationale')} />
      </div>
      <div className="field">
        <label htmlFor={id('owner')}>{t('exercises.decision.owner')}</label>
        <input id={id('owner')} value={f.owner} onChange={set('owner')} />
      </div>
      <div className="field">
        <label htmlFor={id('followUp')}>{t('exercises.decision.followUp')}</label>
        <input id={id('followUp')} value={f.followUp} onChange={set('followUp')} size={50} />
      </div>
      <div className="field">
        <label htmlFor={id('adjustment')}>{t('exercises.decision.adjustment')}</label>
        <select id={id('adjustment')} value={f.adjustment} onChange={set('adjustment')}>
          <option value="">{t('exercises.decision.noAdjustment')}</option>
          <Options values={adjustmentKinds} label={(k) => t(`exercises.actions.${k}`)} />
        </select>
      </div>
      {f.adjustment === 'stockpile-release' && (
        <div className="field">
          <label htmlFor={id('days')}>{t('exercises.decision.days')}</label>
          <input id={id('days')} inputMode="numeric" value={f.days} onChange={set('days')} size={6} />
        </div>
      )}
      {f.adjustment === 'like-minded-substitution' && (
        <div className="field">
          <label htmlFor={id('partners')}>{t('exercises.decision.partners')}</label>
          <input id={id('partners')} value={f.partners} onChange={set('partners')} size={20} />
        </div>
      )}
      {f.adjustment && f.adjustment !== 'stockpile-release' && (
        <div className="field">
          <label htmlFor={id('share')}>{t('exercises.decision.share')}</label>
          <input id={id('share')} inputMode="decimal" value={f.share} onChange={set('share')} size={6} />
        </div>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('exercises.decision.sending') : t('exercises.decision.submit')}
      </button>
      {status && (
        <span role={status.ok ? 'status' : 'alert'} className={status.ok ? 'status' : 'field-error'}>
          {status.text}
        </span>
      )}
    </form>
  );
}
