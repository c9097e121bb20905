import { useTranslation } from 'react-i18next';
import type { ViewProps } from '../../views.ts';
import { SubNav } from '../../components/SubNav.tsx';
import '../../components/forms.css';
import './texts.ts';
import './identification.css';
import { RegistryPanel } from './RegistryPanel.tsx';
import { CoercionPanel } from './CoercionPanel.tsx';
import { RiskRegisterPanel } from './RiskRegisterPanel.tsx';

/**
 * 重要物資・技術の特定 / Identification (issue 25): #/identification (registry of goods and technologies and the four
 * domains), #/identification/coercion (coercion exposure, alternative markets), #/identification/risks (register).
 */
export function IdentificationPage({ route }: ViewProps) {
  const { t } = useTranslation();
  const sub = route.path[1] ?? '';
  const links: [string, string][] = [
    ['', t('ident.nav.registry')],
    ['coercion', t('ident.nav.coercion')],
    ['risks', t('ident.nav.risks')],
  ];
  return (
    <section aria-labelledby="ident-heading" className="identification">
      <h2 id="ident-heading">{t('ident.title')}</h2>
      <SubNav view="identification" current={sub} label={t('ident.title')} links={links} />
      {sub === 'coercion' ? <CoercionPanel /> : sub === 'risks' ? <RiskRegisterPanel /> : <RegistryPanel />}
    </section>
  );
}
