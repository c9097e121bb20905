import { useTranslation } from 'react-i18next';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
import type { DatasetRef } from '../../reference/reference.ts';
import { href } from '../../router/router.ts';
import { AlertActions } from './AlertActions.tsx';
import { LevelBadge } from './LevelBadge.tsx';
import { formatMonth } from './months.ts';
import { formatIndicator, opSymbol } from './shape.ts';
import type { Alert, Item, RuleSetsResponse } from './types.ts';

/** One alert: level, month, what it is about, why (each rule with its crossed indicators), status, actions, marking. */
export function AlertRow({
  alert: a,
  item,
  dataset,
  labels,
  country,
  onChange,
}: {
  alert: Alert;
  item: Item | undefined;
  dataset: DatasetRef | undefined;
  labels: RuleSetsResponse['indicatorLabels'];
  country: (iso3: string) => string;
  onChange: (updated: Alert, message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  return (
    <tr data-alert-id={a.id} data-period={a.period} data-partner={a.partner} data-level={a.level}>
      <td>
        <LevelBadge level={a.level} />
      </td>
      <td>{formatMonth(a.period, lang)}</td>
      <td>
        {item ? <strong>{item.label[lang]}</strong> : <strong>HS {a.hs}</strong>}
        <br />
        {country(a.reporter)} {a.flow === 'export' ? '→' : '←'} {country(a.partner)} · HS {a.hs} ·{' '}
        {t(`ews.flow.${a.flow}`)}
        <br />
        {a.itemId && (
          <a href={href(['ews', 'item', a.itemId], { partner: a.partner })}>{t('ews.inbox.itemPage')}</a>
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
        <AlertActions alert={a} onChange={onChange} />
      </td>
      <MarkingCell marking={a.marking} />
    </tr>
  );
}
