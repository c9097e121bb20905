import { useTranslation } from 'react-i18next';
import type { AssessmentScore } from '../../api/schema.ts';
import { TableHead, figureColumn } from '../../components/TableHead.tsx';
import { localized } from './localized.ts';

const percent = (x: number | null, language: string) =>
  x === null
    ? '—'
    : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(x);

/**
 * The ★ level reached, the score per category ((implemented + ½ partial) / applicable, docs/cyber.md) and the
 * gaps to the next level with the measures that close them.
 */
export function ScorePanel({ score }: { score: AssessmentScore }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <section aria-labelledby="cy-score-h" data-testid="cy-score">
      <h4 id="cy-score-h">{t('cy.assess.level')}</h4>
      <p className="cy-level" data-testid="cy-level">
        {score.level ? localized(score.levelName, lang) || score.level : t('cy.assess.noLevel')}
      </p>
      {score.targetLevel && <p>{t('cy.assess.target', { level: score.targetLevel })}</p>}
      <h4>{t('cy.assess.scores')}</h4>
      <table data-testid="cy-scores">
        <TableHead
          columns={[
            t('cy.assess.category'),
            figureColumn(t('cy.assess.score')),
            figureColumn(t('cy.assess.applicable')),
            figureColumn(t('cy.assess.answersValues.implemented')),
            figureColumn(t('cy.assess.answersValues.partial')),
            figureColumn(t('cy.assess.unanswered')),
          ]}
        />
        <tbody>
          {Object.values(score.scores).map((c) => (
            <tr key={c.category}>
              <td>{localized(c.name, lang) || c.category}</td>
              <td className="num">{percent(c.score, lang)}</td>
              <td className="num">{c.applicable}</td>
              <td className="num">{c.implemented}</td>
              <td className="num">{c.partial}</td>
              <td className="num">{c.unanswered}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('cy.assess.overall')}</th>
            <td className="num" data-testid="cy-overall">
              {percent(score.overall.score, lang)}
            </td>
            <td className="num">{score.overall.applicable}</td>
            <td className="num">{score.overall.implemented}</td>
            <td className="num">{score.overall.partial}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <h4>{t('cy.assess.gaps')}</h4>
      {score.gaps.length === 0 ? (
        <p>{t('cy.assess.noGaps')}</p>
      ) : (
        <details>
          <summary>{t('cy.assess.gapCount', { count: score.gaps.length })}</summary>
          <ul data-testid="cy-gaps">
            {score.gaps.map((g) => (
              <li key={g.requirement}>
                <strong>{g.requirement}</strong> ({g.level},{' '}
                {t(`cy.assess.answersValues.${g.answer === 'unanswered' ? 'none' : g.answer}`)}){' '}
                {localized(g.text, lang)}
                {g.measures.length > 0 && (
                  <>
                    {' '}
                    — {t('cy.assess.measures')}: {g.measures.map((m) => localized(m, lang)).join('; ')}
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
