import { useTranslation } from 'react-i18next';
import { href } from '../../router/router.ts';
import { views } from '../../views.ts';
import type { Dataset } from './types.ts';

const cliSteps = [
  'chokepoint data fetch baci-critical-minerals --mirror ../shared/data',
  'chokepoint data synth --year 2024 --rows 200000 --out synthetic-2024.csv --import',
].join('\n');

/** "What to do next": import data when there is no trade data yet, otherwise the analyses that exist in this build. */
export function NextSteps({ datasets, canManage }: { datasets: Dataset[]; canManage: boolean }) {
  const { t } = useTranslation();
  const hasTrade = datasets.some((d) => d.kind === 'trade-annual');
  const present = new Set(views.map((v) => v.path));
  const steps = (['screen', 'chokepoints', 'critical'] as const).filter((p) => present.has(p));
  return (
    <section aria-labelledby="next-heading" className="next-steps">
      <h2 id="next-heading">{t('home.next.title')}</h2>
      {!hasTrade && <p>{canManage ? t('home.next.noTrade') : t('home.next.askAdmin')}</p>}
      {!hasTrade && !canManage && <pre>{cliSteps}</pre>}
      {hasTrade && steps.length > 0 && (
        <ul>
          {steps.map((p) => (
            <li key={p}>
              <a href={href([p])}>{t(`home.next.${p}`)}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
