import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';
import { Chart } from '../../components/Chart.tsx';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { useGet, useGetWhen } from '../../api/useGet.ts';
import { href } from '../../router/router.ts';
import type { ViewProps } from '../../views.ts';
import './texts.ts';
import { ownershipGraphOption } from './ownershipGraph.ts';
import type { InvestmentCaseDetail } from './types.ts';

// The graph series is registered here, so only this lazily loaded view carries it.
echarts.use([GraphChart]);

const percent = (x: number) => `${+(x * 100).toFixed(2)} %`;

/** #/investment: the deadlines and the case inbox; #/investment/<id>: one case with its ownership graph. */
export function InvestmentPage({ route }: ViewProps) {
  const id = route.path[1];
  return id ? <CasePage id={id} /> : <Inbox />;
}

function Inbox() {
  const { t } = useTranslation();
  const deadlines = useGet('GET /api/investment/deadlines');
  const cases = useGet('GET /api/investment/cases');
  return (
    <section aria-labelledby="investment-heading" className="investment">
      <h2 id="investment-heading">{t('investment.title')}</h2>
      <p>{t('investment.intro')}</p>
      <h3>{t('investment.deadlines')}</h3>
      {deadlines.error && <p role="alert">{deadlines.error.message}</p>}
      {deadlines.data && deadlines.data.items.length === 0 && <p>{t('investment.noDeadlines')}</p>}
      {deadlines.data && deadlines.data.items.length > 0 && (
        <ul className="investment-deadlines">
          {deadlines.data.items.map((d) => (
            <li key={d.id} className={d.daysLeft < 0 ? 'overdue' : d.daysLeft <= 7 ? 'due-soon' : undefined}>
              <a href={href(['investment', d.id])}>{d.title}</a> — {d.reviewEndsOn} (
              {d.daysLeft < 0
                ? t('investment.overdue', { count: -d.daysLeft })
                : t('investment.daysLeft', { count: d.daysLeft })}
              ) <MarkingBadge marking={d.marking} />
            </li>
          ))}
        </ul>
      )}
      <h3>{t('investment.inbox')}</h3>
      {cases.loading && !cases.data && <p>{t('investment.loading')}</p>}
      {cases.error && <p role="alert">{cases.error.message}</p>}
      {cases.data && cases.data.items.length === 0 && <p>{t('investment.noCases')}</p>}
      {cases.data && cases.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('investment.col.title')}</th>
              <th>{t('investment.col.notification')}</th>
              <th>{t('investment.col.status')}</th>
              <th>{t('investment.col.reviewer')}</th>
              <th>{t('investment.col.ends')}</th>
              <th>{t('investment.col.marking')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.data.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={href(['investment', c.id])}>{c.title}</a>
                </td>
                <td>{t(`investment.notification.${c.notification}`)}</td>
                <td>{t(`investment.status.${c.status}`)}</td>
                <td>{c.reviewer ?? '—'}</td>
                <td>{c.reviewEndsOn ?? '—'}</td>
                <td>
                  <MarkingBadge marking={c.marking} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RuleReference />
    </section>
  );
}

/** The FEFTA rules applied (GET /api/investment/rules): designated and core sectors with their JSIC codes. */
function RuleReference() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const rules = useGet('GET /api/investment/rules');
  const r = rules.data;
  if (!r) return rules.error ? <p role="alert">{rules.error.message}</p> : null;
  return (
    <>
      <h3>{t('investment.rules')}</h3>
      <p>
        {lang === 'ja' ? r.titleJa : r.title} ({r.version})
      </p>
      <p>
        <small>{r.note}</small>
      </p>
      <table>
        <thead>
          <tr>
            <th>{t('investment.col.sector')}</th>
            <th>{t('investment.col.kind')}</th>
            <th>JSIC</th>
            <th>{t('investment.col.cite')}</th>
          </tr>
        </thead>
        <tbody>
          {r.sectors.map((s) => (
            <tr key={s.id}>
              <td>{s[lang]}</td>
              <td>{s.core ? t('investment.core') : t('investment.designated')}</td>
              <td>{s.jsic.map((j) => `${j.code}${j.scope === 'part' ? '*' : ''}`).join(', ') || '—'}</td>
              <td>{s.cite}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <small>{t('investment.partNote')}</small>
      </p>
    </>
  );
}

function CasePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const found = useGet('GET /api/investment/cases/{id}', { path: { id } });
  const c: InvestmentCaseDetail | null = found.data;
  return (
    <section aria-labelledby="investment-case-heading" className="investment">
      <p>
        <a href={href(['investment'])}>{t('investment.back')}</a>
      </p>
      {found.error && <p role="alert">{found.error.message}</p>}
      {!c && !found.error && <p>{t('investment.loading')}</p>}
      {c && (
        <>
          <h2 id="investment-case-heading">
            {c.title} <MarkingBadge marking={c.marking} />
          </h2>
          <p>
            {t(`investment.status.${c.status}`)}
            {c.reviewer ? ` · ${c.reviewer}` : ''}
            {c.outcome ? ` · ${t('investment.outcomeLabel')}: ${t(`investment.outcome.${c.outcome}`)}` : ''}
          </p>
          <h3>{t('investment.review')}</h3>
          <p>
            {c.acceptedOn ? t('investment.accepted', { date: c.acceptedOn }) : '—'}
            {c.reviewEndsOn ? ` · ${t('investment.ends', { date: c.reviewEndsOn })}` : ''}
            {c.reviewChange ? ` (${t(`investment.change.${c.reviewChange}`)})` : ''}
          </p>
          {c.consultations.length > 0 && (
            <p>
              {t('investment.consultations')}: {c.consultations.join(', ')}
            </p>
          )}
          <h3>{t('investment.assessment')}</h3>
          <p>
            <strong>{t(`investment.notification.${c.assessment.notification}`)}</strong>
            {c.assessment.exemption ? ` · ${t(`investment.exemption.${c.assessment.exemption}`)}` : ''}
            {c.assessment.coreSector ? ` · ${t('investment.core')}` : ''}
          </p>
          <h4>{t('investment.reasons')}</h4>
          <ol className="investment-reasons">
            {c.assessment.reasons.map((r, i) => (
              <li key={i}>
                <code>{r.rule}</code> {r[lang]} <small>— {r.cite}</small>
              </li>
            ))}
          </ol>
          <OwnershipSection
            entity={c.caseInput.investor.ownershipEntity}
            dataset={c.caseInput.investor.ownershipDataset}
          />
        </>
      )}
    </section>
  );
}

function OwnershipSection({ entity, dataset }: { entity: string | undefined; dataset: string | undefined }) {
  const { t } = useTranslation();
  const owners = useGetWhen(entity !== undefined, 'GET /api/ownership/owners/{entity}', {
    path: { entity: entity ?? '' },
    query: { dataset },
  });
  if (!entity)
    return (
      <>
        <h3>{t('investment.ownership')}</h3>
        <p>{t('investment.noOwnership')}</p>
      </>
    );
  const r = owners.data;
  return (
    <>
      <h3>
        {t('investment.ownership')} {r && <MarkingBadge marking={r.marking} />}
      </h3>
      {owners.error && <p role="alert">{owners.error.message}</p>}
      {r && (
        <>
          <Chart
            option={ownershipGraphOption(r, { control: t('investment.control') })}
            height={360}
            label={t('investment.graphLabel')}
          />
          <h4>{t('investment.owners')}</h4>
          <ul>
            {r.owners.map((o) => (
              <li key={o.id}>
                {o.name} {o.country ? `(${o.country})` : ''} —{' '}
                {t('investment.effective', { share: percent(o.effectiveShare) })}
                {o.viaControl
                  ? ` · ${t('investment.attributed', { share: percent(o.attributedShare) })}`
                  : ''}
              </li>
            ))}
          </ul>
          {r.cycles.length > 0 && (
            <p>{t('investment.cycles', { list: r.cycles.map((c) => c.ids.join(' ⇄ ')).join('; ') })}</p>
          )}
        </>
      )}
    </>
  );
}
