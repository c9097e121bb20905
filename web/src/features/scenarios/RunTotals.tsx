import { useTranslation } from 'react-i18next';
import { Figures } from '../../components/Figures.tsx';
import { MoneyRange, useMoney } from './money.tsx';
import type { ScenarioRunResult } from './types.ts';

/** The ranged totals, with the test id of each figure. */
const ranged = [
  ['lost', 'total-lost'],
  ['replaced', 'total-replaced'],
  ['stockDrawn', 'total-stock'],
  ['unmet', 'total-unmet'],
] as const;

/** A run's totals: imports affected, lost, replaced, drawn from stock and left unmet (Monte Carlo ranges). */
export function RunTotals({ totals }: { totals: ScenarioRunResult['totals'] }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <Figures
      className="totals"
      figures={[
        {
          label: t('scenarios.importsAffected'),
          value: money(totals.importsAffected),
          data: { testid: 'total-imports', value: totals.importsAffected },
        },
        ...ranged.map(([key, testId]) => ({
          label: t(`scenarios.${key}`),
          value: <MoneyRange value={totals[key]} testId={testId} />,
        })),
      ]}
    />
  );
}
