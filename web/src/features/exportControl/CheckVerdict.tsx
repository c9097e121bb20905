import { useTranslation } from 'react-i18next';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { MatchTable } from './MatchTable.tsx';
import type { CheckResult, Lang } from './types.ts';

/**
 * The verdict of a transaction check with the rule path (each rule, its outcome and the article it applies),
 * the questions of METI's clear-evidence guideline when a catch-all check is needed, the end user's screening
 * hits and the inform notices that apply, and the sources it read.
 */
export function CheckVerdict({
  result,
  marking,
  caseId,
}: {
  result: Omit<CheckResult, 'caseId' | 'marking'>;
  marking: CheckResult['marking'];
  caseId?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  return (
    <div className="ec-verdict" data-testid="ec-verdict">
      <p className={`ec-verdict-${result.verdict}`}>
        <strong data-testid="ec-verdict-text">{t(`ec.check.verdicts.${result.verdict}`)}</strong>{' '}
        <MarkingBadge marking={marking} />
      </p>
      <p>
        {result.item} → {result.destination}
        {result.endUser ? ` · ${result.endUser}` : ''}
        {result.endUse ? ` · ${t(`ec.check.uses.${result.endUse}`)}` : ''}
      </p>
      <h4>{t('ec.check.reasons')}</h4>
      <ol className="ec-reasons">
        {result.reasons.map((r, i) => (
          <li key={i}>
            <span className={`ec-outcome ec-outcome-${r.outcome}`}>
              {t(`ec.check.outcomes.${r.outcome}`)}
            </span>{' '}
            {r[lang]} <small>({r.citation})</small>
          </li>
        ))}
      </ol>
      {result.questions.length > 0 && (
        <>
          <h4>{t('ec.check.questions')}</h4>
          <ol className="ec-questions" data-testid="ec-questions">
            {result.questions.map((q) => (
              <li key={q.id}>
                {q[lang]} <small>({q.source})</small>
              </li>
            ))}
          </ol>
        </>
      )}
      {result.informs.length > 0 && (
        <>
          <h4>{t('ec.check.informs')}</h4>
          <ul data-testid="ec-informs">
            {result.informs.map((n) => (
              <li key={n.id}>
                {n.reference} ({t(`ec.inform.kinds.${n.kind}`)}, {n.issuedOn}){' '}
                <MarkingBadge marking={n.marking} />: {n.why.map((w) => w[lang]).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.endUser && (
        <>
          <h4>{t('ec.check.endUserHits')}</h4>
          <MatchTable party={{ name: result.endUser }} matches={result.endUserMatches} caseId={caseId} />
        </>
      )}
      <ProvenanceFooter
        provenance={result.sources.map((s) => ({
          ...s,
          // The lists were read by the end-user screen, the Order's tables by the rules.
          method: s.dataset.startsWith('list-') ? t('ec.screen.methodShort') : t('ec.check.method'),
        }))}
      />
    </div>
  );
}
