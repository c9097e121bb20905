import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, type Route } from '../../router/router.ts';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { formatShare } from '../../format/numbers.ts';
import { AlertRow } from './AlertRow.tsx';
import { InboxEmpty } from './InboxEmpty.tsx';
import { InboxFilterForm } from './InboxFilterForm.tsx';
import { unfiltered } from './inboxSteps.ts';
import { inboxFiltersOf, inboxProvenance, inboxRouteQuery } from './inbox.ts';
import type { InboxFilters } from './shape.ts';
import { useInbox } from './useInbox.ts';
import { useCountryNames } from './useCountryNames.ts';
import type { Alert } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

const pageSize = 25;

/** The alert inbox: filters in the URL (#/ews?level=4&status=new), alerts with their reasons and lifecycle actions, precision per rule. */
export function AlertInbox({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const country = useCountryNames();
  const applied = useMemo(() => inboxFiltersOf(route.query), [route.query]);
  const { data, items, datasets, labels, precision, error, updated } = useInbox(applied, pageSize);
  const [message, setMessage] = useState('');

  const itemById = new Map(items.map((i) => [i.id, i]));
  const datasetById = new Map(datasets.map((d) => [d.id, d]));
  const apply = (f: InboxFilters) => navigate(['ews'], inboxRouteQuery(f));
  const onChange = (a: Alert, text: string) => {
    updated(a);
    setMessage(text);
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  const provenance = inboxProvenance(data?.items ?? [], items, datasets, (id) =>
    t('ews.common.ruleSetMethod', { id }),
  );

  return (
    <div>
      <h3>{t('ews.inbox.title')}</h3>
      <InboxFilterForm applied={applied} items={items} onApply={apply} />
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
          {data.items.length === 0 && data.total === 0 && unfiltered(applied) ? (
            <InboxEmpty
              monthlyDatasets={datasets.filter((d) => d.kind === 'trade-monthly').length}
              items={items.length}
            />
          ) : data.items.length === 0 ? (
            <p>{t('ews.inbox.none')}</p>
          ) : (
            <table className="ews-inbox">
              <TableHead
                columns={['level', 'period', 'subject', 'why', 'status', 'actions', 'marking'].map((c) =>
                  t(`ews.inbox.columns.${c}`),
                )}
              />
              <tbody>
                {data.items.map((a) => {
                  const item = a.itemId ? itemById.get(a.itemId) : undefined;
                  return (
                    <AlertRow
                      key={a.id}
                      alert={a}
                      item={item}
                      dataset={item?.dataset ? datasetById.get(item.dataset) : undefined}
                      labels={labels}
                      country={country}
                      onChange={onChange}
                    />
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
          <TableHead
            columns={['rule', 'trueAlarms', 'falseAlarms', 'precision'].map((c) => t(`ews.precision.${c}`))}
          />
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
