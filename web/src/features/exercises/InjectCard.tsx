import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { formatNumber } from '../../format/numbers.ts';
import { lang } from './bilingual.ts';
import type { Decision, Inject } from './liveState.ts';
import { teamName } from './teams.ts';

type Team = { id: string; name: { ja: string; en: string } };

/** A delivered inject: title, text, the run's figures with their provenance, its marking and the decisions on it. */
export function InjectCard({
  inject,
  teams,
  decisions,
  children,
}: {
  inject: Inject;
  teams: readonly Team[];
  decisions: Decision[];
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  return (
    <article
      className="inject"
      data-testid="inject"
      data-inject={inject.id}
      aria-labelledby={`inj-${inject.id}`}
    >
      <div className="inject-head">
        <span className="inject-at">{inject.at}</span>{' '}
        <strong id={`inj-${inject.id}`}>{inject.title[l]}</strong> <MarkingBadge marking={inject.marking} />
        <div className="note">
          {t(`exercises.kinds.${inject.kind}`)} ·{' '}
          {t('exercises.live.forTeam', {
            team: teamName(teams, inject.team, l, t('exercises.designer.allTeams')),
          })}
        </div>
      </div>
      {inject.body[l] && <p className="inject-body">{inject.body[l]}</p>}
      {inject.figures.length > 0 && (
        <dl className="inject-figures" aria-label={t('exercises.live.figures')}>
          {inject.figures.map((f) => (
            <div key={f.key}>
              <dt>{f.label[l]}</dt>
              <dd title={f.path}>
                {formatNumber(f.value, i18n.language)} {f.unit}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {inject.source && (
        <p className="note">
          {t('exercises.live.source', {
            run: inject.source.runId ?? '—',
            dataset: inject.source.trade.dataset,
            version: inject.source.trade.version,
          })}
        </p>
      )}
      {decisions.length > 0 && (
        <section className="decisions" aria-label={t('exercises.live.decisions')}>
          {decisions.map((d) => (
            <div key={d.id} className="decision" data-testid="decision">
              <strong>{t('exercises.live.decisionBy', { team: teamName(teams, d.team, l) })}:</strong>{' '}
              {d.action} <MarkingBadge marking={d.marking} />
              {d.adjustment && <span className="note"> ({t(`exercises.actions.${d.adjustment.kind}`)})</span>}
              {d.optionsConsidered.length > 0 && (
                <div>
                  {t('exercises.decision.option')}: {d.optionsConsidered.join(' / ')}
                </div>
              )}
              {d.rationale && (
                <div>
                  {t('exercises.decision.rationaleShort')}: {d.rationale}
                </div>
              )}
              {(d.owner || d.followUp) && (
                <div>
                  {d.owner && `${t('exercises.decision.ownerShort')}: ${d.owner}`}
                  {d.owner && d.followUp && ' · '}
                  {d.followUp && `${t('exercises.decision.followUpShort')}: ${d.followUp}`}
                </div>
              )}
            </div>
          ))}
        </section>
      )}
      {children}
    </article>
  );
}
