import { useTranslation } from 'react-i18next';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { MethodList } from './MethodList.tsx';
import { resultProvenance } from './shaping.ts';
import type { ScenarioRunResult } from './types.ts';

/** Where a run's figures come from: methods, the concordance, the assumptions made, and every dataset read. */
export function RunSources({ result }: { result: ScenarioRunResult }) {
  const { t } = useTranslation();
  return (
    <>
      <h4>{t('scenarios.sources')}</h4>
      <h5>{t('scenarios.methods')}</h5>
      <MethodList methods={result.provenance.methods} />
      {result.provenance.concordance && (
        <p>
          {t('scenarios.concordance')}: {result.provenance.concordance.id} —{' '}
          {result.provenance.concordance.source}
        </p>
      )}
      {result.assumptions.length > 0 && (
        <details>
          <summary>{t('scenarios.assumptions')}</summary>
          <ul>
            {result.assumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </details>
      )}
      <ProvenanceFooter provenance={resultProvenance(result)} money />
    </>
  );
}
