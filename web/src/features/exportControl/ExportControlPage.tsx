import { useTranslation } from 'react-i18next';
import type { ViewProps } from '../../views.ts';
import { SubNav } from '../../components/SubNav.tsx';
import '../../components/forms.css';
import './texts.ts';
import './exportControl.css';
import { ScreeningPanel } from './ScreeningPanel.tsx';
import { CaseList } from './CaseList.tsx';
import { CasePage } from './CasePage.tsx';
import { CheckPanel } from './CheckPanel.tsx';
import { CircumventionPanel } from './CircumventionPanel.tsx';
import { PriorReportPanel } from './PriorReportPanel.tsx';

/**
 * 輸出管理 / Export control (issue 20): #/export-control (party screening and batch screening),
 * #/export-control/cases (inbox), #/export-control/case/<id>, #/export-control/check (transaction and catch-all
 * check, inform notices), #/export-control/circumvention (monitor), #/export-control/prior-reports (事前報告). One navigation entry; sub-pages linked here.
 */
export function ExportControlPage({ route }: ViewProps) {
  const { t } = useTranslation();
  const sub = route.path[1] ?? '';
  const links: [string, string][] = [
    ['', t('ec.nav.screen')],
    ['cases', t('ec.nav.cases')],
    ['check', t('ec.nav.check')],
    ['circumvention', t('ec.nav.circumvention')],
    ['prior-reports', t('ec.nav.priorReports')],
  ];
  const current = sub === 'case' ? 'cases' : sub;
  return (
    <section aria-labelledby="ec-heading" className="export-control">
      <h2 id="ec-heading">{t('ec.title')}</h2>
      <SubNav view="export-control" current={current} label={t('ec.title')} links={links} />
      {sub === 'case' && route.path[2] ? (
        <CasePage id={route.path[2]} />
      ) : sub === 'cases' ? (
        <CaseList route={route} />
      ) : sub === 'check' ? (
        <CheckPanel />
      ) : sub === 'circumvention' ? (
        <CircumventionPanel />
      ) : sub === 'prior-reports' ? (
        <PriorReportPanel />
      ) : (
        <ScreeningPanel />
      )}
    </section>
  );
}
