import { useTranslation } from 'react-i18next';
import type { ViewProps } from '../../views.ts';
import './texts.ts';
import './scenarios.css';
import { ScenarioComparison } from './ScenarioComparison.tsx';
import { ScenarioDetail } from './ScenarioDetail.tsx';
import { ScenarioList } from './ScenarioList.tsx';

/**
 * Scenario analysis (PRODUCT.md §3.4): `#/scenarios` lists saved scenarios, `#/scenarios/new` and
 * `#/scenarios/<id>` edit and run one, `#/scenarios/compare?runs=a,b` compares runs side by side.
 */
export function ScenariosPage({ route }: ViewProps) {
  const { t } = useTranslation();
  const sub = route.path[1];
  const versionText = route.query.get('version');
  return (
    <section aria-labelledby="scenarios-heading" className="scenarios">
      <h2 id="scenarios-heading">{t('scenarios.title')}</h2>
      <p className="note">{t('scenarios.intro')}</p>
      {!sub && <ScenarioList />}
      {sub === 'new' && <ScenarioDetail />}
      {sub === 'compare' && <ScenarioComparison runs={route.query.get('runs') ?? ''} />}
      {sub && sub !== 'new' && sub !== 'compare' && (
        <ScenarioDetail
          id={sub}
          version={versionText ? Number(versionText) : undefined}
          runId={route.query.get('run') ?? undefined}
        />
      )}
    </section>
  );
}
