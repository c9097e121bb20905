import { useTranslation } from 'react-i18next';
import type { ViewProps } from '../../views.ts';
import { SubNav } from '../../components/SubNav.tsx';
import '../../components/forms.css';
import './texts.ts';
import './cyber.css';
import { SbomList } from './SbomList.tsx';
import { SbomPage } from './SbomPage.tsx';
import { AssessmentList } from './AssessmentList.tsx';
import { AssessmentPage } from './AssessmentPage.tsx';
import { InvitationsPanel } from './InvitationsPanel.tsx';

/**
 * サイバー・SBOM / Cyber & SBOM (issue 22): #/cyber (SBOMs, import), #/cyber/sbom/<id> (inventory and
 * vulnerabilities), #/cyber/assessments (★ self-assessments), #/cyber/assessment/<id> (questionnaire, scores,
 * gaps, release, submit), #/cyber/invitations (buyer invites supplier, supplier responds).
 */
export function CyberPage({ route }: ViewProps) {
  const { t } = useTranslation();
  const sub = route.path[1] ?? '';
  const links: [string, string][] = [
    ['', t('cy.nav.sboms')],
    ['assessments', t('cy.nav.assessments')],
    ['invitations', t('cy.nav.invitations')],
  ];
  const current = sub === 'sbom' ? '' : sub === 'assessment' ? 'assessments' : sub;
  return (
    <section aria-labelledby="cy-heading" className="cyber">
      <h2 id="cy-heading">{t('cy.title')}</h2>
      <SubNav view="cyber" current={current} label={t('cy.title')} links={links} />
      {sub === 'sbom' && route.path[2] ? (
        <SbomPage id={route.path[2]} />
      ) : sub === 'assessment' && route.path[2] ? (
        <AssessmentPage id={route.path[2]} />
      ) : sub === 'assessments' ? (
        <AssessmentList />
      ) : sub === 'invitations' ? (
        <InvitationsPanel />
      ) : (
        <SbomList />
      )}
    </section>
  );
}
