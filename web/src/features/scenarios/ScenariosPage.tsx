import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewProps } from '../../views.ts';
import './texts.ts';
import './scenarios.css';
import { MoneyContext, type MoneyChoice } from './money.tsx';
import { ScenarioComparison } from './ScenarioComparison.tsx';
import { ScenarioDetail } from './ScenarioDetail.tsx';
import { ScenarioList } from './ScenarioList.tsx';

/**
 * Scenario analysis (PRODUCT.md §3.4): `#/scenarios` lists saved scenarios, `#/scenarios/new` and
 * `#/scenarios/<id>` edit and run one, `#/scenarios/compare?runs=a,b` compares runs side by side.
 */
export function ScenariosPage({ route }: ViewProps) {
  const { t } = useTranslation();
  const [money, setMoney] = useState<MoneyChoice>({ currency: 'USD', jpyPerUsd: 150 });
  const sub = route.path[1];
  const versionText = route.query.get('version');
  return (
    <MoneyContext.Provider value={money}>
      <section aria-labelledby="scenarios-heading" className="scenarios">
        <h2 id="scenarios-heading">{t('scenarios.title')}</h2>
        <p className="note">{t('scenarios.intro')}</p>
        <div className="currency">
          <label htmlFor="sc-currency">{t('scenarios.currency')}</label>{' '}
          <select
            id="sc-currency"
            value={money.currency}
            onChange={(e) => setMoney({ ...money, currency: e.target.value === 'JPY' ? 'JPY' : 'USD' })}
          >
            <option value="USD">{t('scenarios.usd')}</option>
            <option value="JPY">{t('scenarios.jpy')}</option>
          </select>
          {money.currency === 'JPY' && (
            <>
              {' '}
              <label htmlFor="sc-rate">{t('scenarios.rate')}</label>{' '}
              <input
                id="sc-rate"
                type="number"
                min={1}
                step="any"
                value={money.jpyPerUsd}
                onChange={(e) => {
                  const rate = Number(e.target.value);
                  if (rate > 0) setMoney({ ...money, jpyPerUsd: rate });
                }}
              />
            </>
          )}
        </div>
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
    </MoneyContext.Provider>
  );
}
