import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableHead, figureColumn } from '../../components/TableHead.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import type { Decision, Lang, Party, ScreenMatch } from './types.ts';

/** A decision as the hit's state shows it, from the decision just recorded. */
function stateAfter(decision: Decision): NonNullable<ScreenMatch['state']> {
  const status = { match: 'confirmed', 'no-match': 'dismissed', escalate: 'escalated' } as const;
  return {
    status: status[decision.decision],
    decision: {
      id: decision.id,
      decision: decision.decision,
      reason: decision.reason,
      decidedBy: decision.decidedBy,
      decidedAt: decision.decidedAt,
      entryFingerprint: decision.entryFingerprint,
    },
    reopened: false,
  };
}

/**
 * The hits of a screen, best first: the list and its version, the entry, the score and why it matched (each
 * feature's contribution), the hit's status under the decisions in force, and a form to decide.
 */
export function MatchTable({
  party,
  matches,
  caseId,
  decide = true,
}: {
  party: Party;
  matches: readonly ScreenMatch[];
  caseId?: string | null;
  decide?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const [decided, setDecided] = useState<Record<string, NonNullable<ScreenMatch['state']>>>({});
  const score = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (matches.length === 0) return <p data-testid="ec-no-hits">{t('ec.screen.noHits')}</p>;
  return (
    <table className="ec-matches" data-testid="ec-matches">
      <TableHead
        columns={[
          t('ec.match.list'),
          t('ec.match.entry'),
          figureColumn(t('ec.match.score')),
          t('ec.match.countries'),
          t('ec.match.why'),
          t('ec.match.status'),
        ]}
      />
      <tbody>
        {matches.map((m) => {
          const key = `${m.list}:${m.entryId}`;
          const state = decided[key] ?? m.state;
          return (
            <tr key={key} data-testid="ec-match">
              <td>
                {m.list}
                <br />
                <small>
                  {t('ec.match.version')} {m.listVersion}
                </small>
              </td>
              <td>
                <strong>{m.name}</strong>
                {m.programme && (
                  <>
                    <br />
                    <small>{m.programme}</small>
                  </>
                )}
                {m.concerns.length > 0 && (
                  <>
                    <br />
                    <small>
                      {t('ec.match.concerns')}: {m.concerns.join(', ')}
                    </small>
                  </>
                )}
              </td>
              <td className="num">{score.format(m.score)}</td>
              <td>{m.countries.join(', ')}</td>
              <td>
                <ul className="ec-why">
                  {m.explanation.map((e, i) => (
                    <li key={i}>
                      {e[lang]} ({score.format(e.value)})
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <span className={`ec-status ec-status-${state?.status ?? 'open'}`}>
                  {t(`ec.match.states.${state?.status ?? 'open'}`)}
                </span>
                {state?.reopened && <small> {t('ec.match.reopened')}</small>}
                {state?.decision && (
                  <p>
                    <small>
                      {state.decision.reason} — {state.decision.decidedBy ?? '—'},{' '}
                      {state.decision.decidedAt.slice(0, 10)}
                    </small>
                  </p>
                )}
                {decide && (
                  <details>
                    <summary>{t('ec.decision.open')}</summary>
                    <DecisionForm
                      party={party}
                      match={m}
                      caseId={caseId}
                      onDecided={(d) => setDecided((s) => ({ ...s, [key]: stateAfter(d) }))}
                    />
                  </details>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
