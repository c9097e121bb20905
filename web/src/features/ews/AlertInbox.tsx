import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { href, navigate, type Route } from '../../router/router.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter, type Provenance } from '../../components/ProvenanceFooter.tsx';
import { formatShare } from '../../format/numbers.ts';
import { LevelBadge } from './LevelBadge.tsx';
import { AlertActions } from './AlertActions.tsx';
import { alertQuery, formatIndicator, opSymbol, type InboxFilters } from './shape.ts';
import { formatMonth } from './months.ts';
import { useCountryNames } from './useCountryNames.ts';
import type { Alert, AlertPage, Dataset, Item, RulePrecision, RuleSetsResponse } from './types.ts';

const pageSize = 25;
const filterKeys = ['level', 'minLevel', 'status', 'itemId', 'partner', 'from', 'to'] as const;

/** The alert inbox: filters in the URL (#/ews?level=4&status=new), alerts with their reasons and lifecycle actions, precision per rule. */
export function AlertInbox({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const country = useCountryNames();
  const applied: InboxFilters = useMemo(() => {
    const f: InboxFilters = { page: Number(route.query.get('page') ?? 1) || 1 };
    for (const k of filterKeys) f[k] = route.query.get(k) ?? '';
    return f;
  }, [route.query]);
  const [draft, setDraft] = useState<InboxFilters>(applied);
  useEffect(() => setDraft(applied), [applied]);
  const [data, setData] = useState<AlertPage | null>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [datasets, setDatasets] = useState<Dataset[]>([]);
  const [labels, setLabels] = useState<RuleSetsResponse['indicatorLabels']>({});
  const [precision, setPrecision] = useState<RulePrecision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    api<{ items: Item[] }>('/ews/items')
      .then((r) => setItems(r.items))
      .catch((e: Error) => setError(e.message));
    api<{ items: Dataset[] }>('/datasets')
      .then((r) => setDatasets(r.items))
      .catch((e: Error) => setError(e.message));
    api<RuleSetsResponse>('/ews/rule-sets')
      .then((r) => setLabels(r.indicatorLabels))
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    setData(null);
    api<AlertPage>(`/ews/alerts?${alertQuery(applied, pageSize)}`)
      .then(setData)
      .catch((e: Error) => setError(e.message));
  }, [applied]);
  useEffect(() => {
    api<{ items: RulePrecision[] }>('/ews/precision')
      .then((r) => setPrecision(r.items))
      .catch((e: Error) => setError(e.message));
  }, [reload]);

  const itemById = new Map(items.map((i) => [i.id, i]));
  const datasetById = new Map(datasets.map((d) => [d.id, d]));
  const apply = (f: InboxFilters) => {
    const query: Record<string, string | number | undefined> = {};
    for (const k of filterKeys) query[k] = f[k]?.trim() || undefined;
    if (f.page && f.page > 1) query.page = f.page;
    navigate(['ews'], query);
  };
  const updated = (a: Alert, text: string) => {
    setData((d) => (d ? { ...d, items: d.items.map((x) => (x.id === a.id ? a : x)) } : d));
    setMessage(text);
    setReload((n) => n + 1);
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  const shownDatasets = new Set(
    (data?.items ?? [])
      .map((a) => (a.itemId ? itemById.get(a.itemId)?.dataset : null))
      .filter(Boolean) as string[],
  );
  const provenance: Provenance[] = [...shownDatasets]
    .map((id) => datasetById.get(id))
    .filter((d): d is Dataset => Boolean(d))
    .map((d) => ({
      dataset: d.id,
      title: d.title,
      publisher: d.publisher,
      version: d.version,
      synthetic: d.synthetic,
      method: [...new Set(data!.items.map((a) => t('ews.common.ruleSetMethod', { id: a.ruleSet })))].join(
        ', ',
      ),
    }));
  const field = (key: (typeof filterKeys)[number], value: string) =>
    setDraft((d) => ({ ...d, [key]: value }));

  return (
    <div>
      <h3>{t('ews.inbox.title')}</h3>
      <form
        className="ews-filters"
        aria-label={t('ews.inbox.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          apply({ ...draft, page: 1 });
        }}
      >
        <label>
          {t('ews.inbox.level')}
          <select value={draft.level} onChange={(e) => field('level', e.target.value)} name="level">
            <option value="">{t('ews.inbox.anyLevel')}</option>
            {[1, 2, 3, 4].map((l) => (
              <option key={l} value={l}>
                {l} {t(`ews.level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ews.inbox.minLevel')}
          <select value={draft.minLevel} onChange={(e) => field('minLevel', e.target.value)} name="minLevel">
            <option value="">{t('ews.inbox.anyLevel')}</option>
            {[2, 3, 4].map((l) => (
              <option key={l} value={l}>
                {l} {t(`ews.level.${l}`)}+
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ews.inbox.status')}
          <select value={draft.status} onChange={(e) => field('status', e.target.value)} name="status">
            <option value="">{t('ews.inbox.anyStatus')}</option>
            {['new', 'acknowledged', 'assigned', 'resolved'].map((s) => (
              <option key={s} value={s}>
                {t(`ews.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ews.inbox.item')}
          <select value={draft.itemId} onChange={(e) => field('itemId', e.target.value)} name="itemId">
            <option value="">{t('ews.inbox.anyItem')}</option>
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.label[lang]} · {i.reporter} {t(`ews.flow.${i.flow}`)}
                {i.partner ? ` · ${i.partner}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ews.inbox.partner')}
          <input
            value={draft.partner}
            onChange={(e) => field('partner', e.target.value)}
            name="partner"
            size={5}
            maxLength={3}
            pattern="[A-Za-z]{3}"
          />
        </label>
        <label>
          {t('ews.inbox.from')}
          <input
            type="month"
            value={draft.from}
            onChange={(e) => field('from', e.target.value)}
            name="from"
          />
        </label>
        <label>
          {t('ews.inbox.to')}
          <input type="month" value={draft.to} onChange={(e) => field('to', e.target.value)} name="to" />
        </label>
        <button type="submit">{t('ews.inbox.apply')}</button>
        <button type="button" onClick={() => apply({ page: 1 })}>
          {t('ews.inbox.clear')}
        </button>
      </form>
      {error && <p role="alert">{t('error.load', { message: error })}</p>}
      <p role="status" aria-live="polite" className="ews-status">
        {message}
      </p>
      {!data && !error && <p role="status">{t('ews.common.loading')}</p>}
      {data && (
        <>
          <p data-testid="ews-total" data-total={data.total}>
            {t('ews.inbox.total', { count: data.total })}
          </p>
          {data.items.length === 0 ? (
            <p>{t('ews.inbox.none')}</p>
          ) : (
            <table className="ews-inbox">
              <thead>
                <tr>
                  <th scope="col">{t('ews.inbox.columns.level')}</th>
                  <th scope="col">{t('ews.inbox.columns.period')}</th>
                  <th scope="col">{t('ews.inbox.columns.subject')}</th>
                  <th scope="col">{t('ews.inbox.columns.why')}</th>
                  <th scope="col">{t('ews.inbox.columns.status')}</th>
                  <th scope="col">{t('ews.inbox.columns.actions')}</th>
                  <th scope="col">{t('ews.inbox.columns.marking')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((a) => {
                  const item = a.itemId ? itemById.get(a.itemId) : undefined;
                  const dataset = item?.dataset ? datasetById.get(item.dataset) : undefined;
                  return (
                    <tr
                      key={a.id}
                      data-alert-id={a.id}
                      data-period={a.period}
                      data-partner={a.partner}
                      data-level={a.level}
                    >
                      <td>
                        <LevelBadge level={a.level} />
                      </td>
                      <td>{formatMonth(a.period, lang)}</td>
                      <td>
                        {item ? <strong>{item.label[lang]}</strong> : <strong>HS {a.hs}</strong>}
                        <br />
                        {country(a.reporter, lang)} {a.flow === 'export' ? '→' : '←'}{' '}
                        {country(a.partner, lang)} · HS {a.hs} · {t(`ews.flow.${a.flow}`)}
                        <br />
                        {a.itemId && (
                          <a href={href(['ews', 'item', a.itemId], { partner: a.partner })}>
                            {t('ews.inbox.itemPage')}
                          </a>
                        )}
                        <div className="ews-muted">
                          {dataset
                            ? `${t('ews.inbox.dataset')}: ${dataset.title} (${t('provenance.version')} ${dataset.version})`
                            : null}
                          {dataset ? ' · ' : ''}
                          {t('ews.inbox.ruleSet')}: {a.ruleSet}
                        </div>
                      </td>
                      <td>
                        <ul className="ews-why">
                          {a.rules.map((r) => (
                            <li key={r.id} data-rule={r.id}>
                              <strong>
                                {r.label[lang]} ({t('ews.rules.level')} {r.level})
                              </strong>
                              :{' '}
                              {a.indicators
                                .filter((c) => c.rule === r.id)
                                .map((c) => {
                                  const unit = labels[c.name]?.unit;
                                  return `${labels[c.name]?.[lang] ?? c.name} ${formatIndicator(c.value, unit, lang)} ${opSymbol(c.op)} ${formatIndicator(c.threshold, unit, lang)}`;
                                })
                                .join(lang === 'ja' ? '、' : '; ')}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td data-status={a.status}>
                        {t(`ews.status.${a.status}`)}
                        {a.assignee && <div className="ews-muted">→ {a.assignee}</div>}
                        {a.feedback && (
                          <div className="ews-muted">
                            {t(`ews.feedback.${a.feedback}`)}
                            {a.feedbackReason ? `: ${a.feedbackReason}` : ''}
                          </div>
                        )}
                      </td>
                      <td>
                        <AlertActions alert={a} onChange={updated} />
                      </td>
                      <td>
                        <MarkingBadge marking={a.marking} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {pages > 1 && (
            <p>
              <button
                type="button"
                disabled={applied.page === 1}
                onClick={() => apply({ ...applied, page: (applied.page ?? 1) - 1 })}
              >
                {t('ews.inbox.prev')}
              </button>{' '}
              {t('ews.inbox.page', { page: applied.page, pages })}{' '}
              <button
                type="button"
                disabled={(applied.page ?? 1) >= pages}
                onClick={() => apply({ ...applied, page: (applied.page ?? 1) + 1 })}
              >
                {t('ews.inbox.next')}
              </button>
            </p>
          )}
        </>
      )}
      <h3>{t('ews.precision.title')}</h3>
      {precision && precision.length === 0 && <p>{t('ews.precision.none')}</p>}
      {precision && precision.length > 0 && (
        <table data-testid="ews-precision">
          <thead>
            <tr>
              <th scope="col">{t('ews.precision.rule')}</th>
              <th scope="col">{t('ews.precision.trueAlarms')}</th>
              <th scope="col">{t('ews.precision.falseAlarms')}</th>
              <th scope="col">{t('ews.precision.precision')}</th>
            </tr>
          </thead>
          <tbody>
            {precision.map((p) => (
              <tr key={p.rule}>
                <td>{p.rule}</td>
                <td className="num">{p.trueAlarms}</td>
                <td className="num">{p.falseAlarms}</td>
                <td className="num">{formatShare(p.precision, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProvenanceFooter provenance={provenance} />
    </div>
  );
}
