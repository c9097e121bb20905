import { useTranslation } from 'react-i18next';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { formatDate } from '../../format/numbers.ts';
import type { RecordedEvent } from './types.ts';

/** An event's source: its leading URL as a link, the rest as text. */
function SourceText({ source }: { source: string }) {
  const m = /^(https?:\/\/\S+)(.*)$/s.exec(source);
  if (!m) return <>{source}</>;
  return (
    <>
      <a href={m[1]}>{m[1]}</a>
      {m[2]}
    </>
  );
}

const columns = ['announced', 'effective', 'eventTitle', 'targets', 'source'];

/** The export-control events recorded for an item: announced, effective, what, on whom, where it was said. */
export function RecordedEvents({ events }: { events: RecordedEvent[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  return (
    <>
      <h4>{t('ews.item.events')}</h4>
      {events.length === 0 ? (
        <p>{t('ews.item.noEvents')}</p>
      ) : (
        <table data-testid="ews-events">
          <TableHead columns={[...columns.map((c) => t(`ews.item.${c}`)), t('ews.inbox.columns.marking')]} />
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{formatDate(e.announced, i18n.language)}</td>
                <td>{formatDate(e.effective, i18n.language)}</td>
                <td>
                  {e.title[lang]}{' '}
                  <span className="ews-muted">({e.seed ? t('ews.item.seed') : t('ews.item.recorded')})</span>
                </td>
                <td>{e.targets.length ? e.targets.join(', ') : t('ews.item.allTargets')}</td>
                <td>
                  <SourceText source={e.source} />
                </td>
                <MarkingCell marking={e.marking} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
