import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Marking } from '../../components/MarkingBadge.tsx';
import { MarkingBadge, MarkingCell } from '../../components/MarkingBadge.tsx';
import { MarkingFields } from '../../components/MarkingFields.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import type { ViewProps } from '../../views.ts';
import { findingsOf, followUpsOf, listOf, participantsOf } from './recordForm.ts';
import './texts.ts';

type Kind = 'hearing' | 'association-meeting';

const in30Days = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/**
 * Public-private dialogue (官民対話; issue 24): the records with filters (the server filters and counts), the
 * follow-ups due within 30 days, one record with what its findings can start, and a form for a new record.
 */
export function DialoguePage(_props: ViewProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<{
    kind: string;
    product: string;
    technology: string;
    q: string;
    open: boolean;
  }>({ kind: '', product: '', technology: '', q: '', open: false });
  const query = {
    kind: filter.kind || undefined,
    product: /^\d{6}$/.test(filter.product) ? filter.product : undefined,
    technology: filter.technology || undefined,
    q: filter.q || undefined,
    openFollowUps: filter.open || undefined,
  };
  const list = useApi(`dialogue:${JSON.stringify(query)}`, (signal) =>
    get('GET /api/dialogue', { query, signal }),
  );
  const due = useApi('dialogue:due', (signal) =>
    get('GET /api/dialogue/follow-ups', { query: { before: in30Days() }, signal }),
  );
  const [openId, setOpenId] = useState<string | null>(null);
  const record = useApi(openId && `dialogue:${openId}`, (signal) =>
    get('GET /api/dialogue/{id}', { path: { id: openId! }, signal }),
  );
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [marking, setMarking] = useState<Marking>({ level: 1, compartments: [], releasableTo: null });
  const fail = (e: Error) => setError(e.message);

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '');
    setError(null);
    post('POST /api/dialogue', {
      body: {
        heldOn: text('heldOn'),
        kind: text('kind') as Kind,
        title: text('title'),
        participants: participantsOf(text('participants')),
        organisations: listOf(text('organisations')),
        topics: listOf(text('topics')),
        products: listOf(text('products')),
        technologies: listOf(text('technologies')),
        cases: [],
        summary: text('summary'),
        findings: findingsOf(text('findings')),
        followUps: followUpsOf(text('followUps')),
        marking,
      },
    })
      .then((saved) => {
        setMessage(t('dialogue.saved'));
        formElement.reset();
        list.reload();
        due.reload();
        setOpenId(saved.id);
      })
      .catch(fail);
  };
  const markDone = (recordId: string, followUpId: string) =>
    post('POST /api/dialogue/{id}/follow-ups/{followUpId}/done', {
      path: { id: recordId, followUpId },
      body: { done: true },
    })
      .then(() => (due.reload(), list.reload(), openId === recordId && record.reload()))
      .catch(fail);
  const openScenario = (findingId: string) =>
    post('POST /api/dialogue/{id}/findings/{findingId}/scenario', { path: { id: openId!, findingId } })
      .then(
        (made) => (
          setMessage(t('dialogue.scenarioOpened', { id: made.scenario.slice(0, 8) })),
          record.reload()
        ),
      )
      .catch(fail);
  const applyRegistry = (findingId: string) =>
    post('POST /api/dialogue/{id}/findings/{findingId}/apply-registry', {
      path: { id: openId!, findingId },
      body: {},
    })
      .then(() => record.reload())
      .catch(fail);

  const shown = record.data;
  return (
    <section aria-labelledby="dialogue-heading">
      <h2 id="dialogue-heading">{t('dialogue.title')}</h2>
      <p>{t('dialogue.intro')}</p>
      {(error ?? list.error?.message) && <p role="alert">{error ?? list.error?.message}</p>}
      {message && <p aria-live="polite">{message}</p>}

      <fieldset>
        <legend>{t('dialogue.filters')}</legend>
        <label>
          {t('dialogue.kind')}{' '}
          <select value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value })}>
            <option value="">{t('dialogue.any')}</option>
            <option value="hearing">{t('dialogue.kinds.hearing')}</option>
            <option value="association-meeting">{t('dialogue.kinds.association-meeting')}</option>
          </select>
        </label>{' '}
        <label>
          {t('dialogue.product')}{' '}
          <input
            size={7}
            value={filter.product}
            onChange={(e) => setFilter({ ...filter, product: e.target.value })}
          />
        </label>{' '}
        <label>
          {t('dialogue.technology')}{' '}
          <input
            size={16}
            value={filter.technology}
            onChange={(e) => setFilter({ ...filter, technology: e.target.value })}
          />
        </label>{' '}
        <label>
          {t('dialogue.words')}{' '}
          <input value={filter.q} onChange={(e) => setFilter({ ...filter, q: e.target.value })} />
        </label>{' '}
        <label>
          <input
            type="checkbox"
            checked={filter.open}
            onChange={(e) => setFilter({ ...filter, open: e.target.checked })}
          />{' '}
          {t('dialogue.openOnly')}
        </label>
      </fieldset>

      {list.data && <p>{t('dialogue.total', { count: list.data.total })}</p>}
      {list.data && list.data.items.length === 0 && <p>{t('dialogue.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table aria-label={t('dialogue.title')}>
          <TableHead
            columns={[
              t('dialogue.heldOn'),
              t('dialogue.kind'),
              t('dialogue.recordTitle'),
              { label: t('dialogue.findings'), num: true },
              { label: t('dialogue.open'), num: true },
              t('dialogue.marking'),
            ]}
          />
          <tbody>
            {list.data.items.map((r) => (
              <tr key={r.id}>
                <td>{r.heldOn}</td>
                <td>{t(`dialogue.kinds.${r.kind}`)}</td>
                <td>
                  <button type="button" onClick={() => setOpenId(r.id)}>
                    {r.title}
                  </button>
                </td>
                <td className="num">{r.findingCount}</td>
                <td className="num">{r.openFollowUps}</td>
                <MarkingCell marking={r.marking} />
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {shown && (
        <article aria-label={shown.title}>
          <h3>
            {shown.heldOn} {shown.title} <MarkingBadge marking={shown.marking} />
          </h3>
          <p>
            {t('dialogue.participantsShort')}:{' '}
            {shown.participants.map((p) => [p.name, p.organisation].filter(Boolean).join(', ')).join('; ') ||
              '—'}
          </p>
          {shown.summary && <p>{shown.summary}</p>}
          <h4>{t('dialogue.findings')}</h4>
          <ol>
            {shown.findings.map((f) => (
              <li key={f.id}>
                {f.text} {f.product && <code>{f.product}</code>} {f.country && <code>{f.country}</code>}{' '}
                {f.product && f.country && !f.scenarioId && (
                  <button type="button" onClick={() => openScenario(f.id)}>
                    {t('dialogue.scenario')}
                  </button>
                )}
                {f.scenarioId && <a href={`#/scenarios/${f.scenarioId}`}>{f.scenarioId.slice(0, 8)}</a>}{' '}
                {f.registryProposal && !f.registryAppliedAt && (
                  <button type="button" onClick={() => applyRegistry(f.id)}>
                    {t('dialogue.applyRegistry')}
                  </button>
                )}
                {f.registryAppliedAt && t('dialogue.applied')}
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => setOpenId(null)}>
            {t('dialogue.back')}
          </button>
        </article>
      )}

      <h3>{t('dialogue.due')}</h3>
      {due.data && due.data.items.length === 0 && <p>{t('dialogue.none')}</p>}
      {due.data && due.data.items.length > 0 && (
        <table aria-label={t('dialogue.due')}>
          <TableHead
            columns={[
              t('dialogue.dueOn'),
              t('dialogue.action'),
              t('dialogue.owner'),
              t('dialogue.recordTitle'),
              '',
            ]}
          />
          <tbody>
            {due.data.items.map((f) => (
              <tr key={f.id}>
                <td>{f.dueOn}</td>
                <td>{f.action}</td>
                <td>{f.owner}</td>
                <td>{f.recordTitle}</td>
                <td>
                  <button type="button" onClick={() => markDone(f.recordId, f.id)}>
                    {t('dialogue.markDone')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('dialogue.newRecord')}</h3>
      <form onSubmit={save} aria-label={t('dialogue.newRecord')}>
        <div className="field">
          <label htmlFor="dlg-held">{t('dialogue.heldOn')}</label>
          <input id="dlg-held" name="heldOn" type="date" required />
        </div>
        <div className="field">
          <label htmlFor="dlg-kind">{t('dialogue.kind')}</label>
          <select id="dlg-kind" name="kind">
            <option value="hearing">{t('dialogue.kinds.hearing')}</option>
            <option value="association-meeting">{t('dialogue.kinds.association-meeting')}</option>
          </select>
        </div>
        {(
          [
            ['title', 'recordTitle'],
            ['organisations', 'organisations'],
            ['topics', 'topics'],
            ['products', 'products'],
            ['technologies', 'technologies'],
          ] as const
        ).map(([name, label]) => (
          <div className="field" key={name}>
            <label htmlFor={`dlg-${name}`}>{t(`dialogue.${label}`)}</label>
            <input id={`dlg-${name}`} name={name} size={50} required={name === 'title'} />
          </div>
        ))}
        {(
          [
            ['participants', 'participants'],
            ['summary', 'summary'],
            ['findings', 'findingLines'],
            ['followUps', 'followUpLines'],
          ] as const
        ).map(([name, label]) => (
          <div className="field" key={name}>
            <label htmlFor={`dlg-${name}`}>{t(`dialogue.${label}`)}</label>
            <textarea id={`dlg-${name}`} name={name} rows={3} cols={60} />
          </div>
        ))}
        <MarkingFields
          idPrefix="dlg"
          labels={{ level: t('dialogue.level'), compartments: t('dialogue.compartments') }}
          marking={marking}
          onMarking={setMarking}
        />
        <button type="submit">{t('dialogue.save')}</button>
      </form>
    </section>
  );
}
