import { useTranslation } from 'react-i18next';
import { MoneyRange, useMoney } from './money.tsx';
import type { ScenarioRunResult } from './types.ts';

/** A run's totals: imports affected, lost, replaced, drawn from stock and left unmet (Monte Carlo ranges). */
export function RunTotals({ totals }: { totals: ScenarioRunResult['totals'] }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <>
      <dl className="totals">
        <div>
          <dt>{t('scenarios.importsAffected')}</dt>
          <dd data-testid="total-imports" data-value={totals.importsAffected}>
            {money(totals.importsAffected)}
          </dd>
        </div>
        <div>
          <dt>{t('scenarios.lost')}</dt>
          <dd>
            <MoneyRange value={totals.lost} testId="total-lost" />
          </dd>
        </div>
        <div>
          <dt>{t('scenarios.replaced')}</dt>
          <dd>
            <MoneyRange value={totals.replaced} testId="total-replaced" />
          </dd>
        </div>
        <div>
          <dt>{t('scenarios.stockDrawn')}</dt>
          <dd>
            <MoneyRange value={totals.stockDrawn} testId="total-stock" />
          </dd>
        </div>
        <div>
          <dt>{t('scenarios.unmet')}</dt>
          <dd>
            <MoneyRange value={totals.unmet} testId="total-unmet" />
          </dd>
        </div>
      </dl>
    </>
  );
}
