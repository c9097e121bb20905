import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { useDatasets } from '../../reference/useReference.ts';
import './setupTexts.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { ItemsPanel } from './ItemsPanel.tsx';
import { ScanPanel } from './ScanPanel.tsx';

/**
 * #/ews/setup — early warning without the command line (issue 27): import a monthly file, monitor items on it,
 * scan them; the inbox then shows the alerts of the months scanned.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const items = useGet('GET /api/ews/items');
  const datasets = useDatasets();
  const monthly = (datasets.data?.items ?? []).filter((d) => d.kind === 'trade-monthly');
  const [chosen, setChosen] = useState('');
  const dataset = monthly.some((d) => d.id === chosen) ? chosen : (monthly[0]?.id ?? '');
  const error = items.error ?? datasets.error;
  return (
    <div className="ews-setup">
      <p>{t('ews.setup.intro')}</p>
      {error && <p role="alert">{t('error.load', { message: error.message })}</p>}
      <ImportPanel onImported={setChosen} />
      <ItemsPanel
        items={items.data?.items ?? []}
        monthly={monthly}
        dataset={dataset}
        onDataset={setChosen}
        onChanged={items.reload}
      />
      <ScanPanel items={items.data?.items.length ?? 0} onScanned={items.reload} />
    </div>
  );
}
