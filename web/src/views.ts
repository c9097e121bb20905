import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Route } from './router/router.ts';
import type { NavGroupId } from './components/navEntries.ts';

/**
 * Every top-level view of the app: its path (the first segment of the hash route), its navigation label in
 * both languages and its page component, loaded on first visit so the first screen downloads little.
 * A feature adds one entry here; its texts live in its own folder (i18n/featureTexts.ts).
 */
export interface ViewProps {
  route: Route;
}

export interface ViewDefinition {
  path: string;
  label: { en: string; ja: string };
  page: LazyExoticComponent<ComponentType<ViewProps>>;
  /**
   * Where the navigation shows it: true on the bar itself, a group's id inside that group's menu, false nowhere
   * (detail pages such as a product dossier are reached by links).
   */
  nav: boolean | NavGroupId;
  /** Served without signing in (only the anonymous consultation desk). */
  public?: boolean;
  /** Only these roles see the entry in the navigation (the API still decides every action). */
  roles?: ('administrator' | 'analyst' | 'viewer' | 'auditor')[];
}

/** `page(() => import('./features/x/XPage.tsx'), 'XPage')`: a named export as a lazily loaded page. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType<ViewProps>>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

/** The first screen: Home's code downloads while the session is being checked, not after (bench/web.ts). */
const homeModule = import('./features/home/Home.tsx');

export const views: ViewDefinition[] = [
  {
    path: '',
    label: { en: 'Home', ja: 'ホーム' },
    nav: true,
    page: page(() => homeModule, 'Home'),
  },
  {
    path: 'screen',
    label: { en: 'Screening', ja: 'サプライチェーン分析' },
    nav: 'analysis',
    page: page(() => import('./features/screening/ScreeningPage.tsx'), 'ScreeningPage'),
  },
  {
    path: 'tech',
    label: { en: 'Technology', ja: '技術分析' },
    nav: 'analysis',
    page: page(() => import('./features/zones/TechIndicators.tsx'), 'TechIndicators'),
  },
  {
    path: 'zones',
    label: { en: 'Zones', ja: '3領域' },
    nav: 'analysis',
    page: page(() => import('./features/zones/ZonesPage.tsx'), 'ZonesPage'),
  },
  {
    path: 'policy',
    label: { en: 'Policy map', ja: '施策マップ' },
    nav: 'analysis',
    page: page(() => import('./features/zones/PolicyMap.tsx'), 'PolicyMap'),
  },
  {
    path: 'chokepoints',
    label: { en: 'Chokepoints', ja: 'チョークポイント' },
    nav: 'analysis',
    page: page(() => import('./features/chokepoints/ChokepointsPage.tsx'), 'ChokepointsPage'),
  },
  {
    path: 'critical',
    label: { en: 'Critical goods', ja: '特定重要物資' },
    nav: 'analysis',
    page: page(() => import('./features/critical/CriticalGoodsPage.tsx'), 'CriticalGoodsPage'),
  },
  {
    path: 'desk',
    label: { en: 'Consultation desk', ja: '相談窓口' },
    nav: true,
    public: true,
    page: page(() => import('./features/desk/DeskPage.tsx'), 'DeskPage'),
  },
  {
    path: 'consultations',
    label: { en: 'Consultation cases', ja: '相談一覧' },
    nav: false,
    page: page(() => import('./features/desk/StaffCasesPage.tsx'), 'StaffCasesPage'),
  },
  {
    path: 'scenarios',
    label: { en: 'Scenarios', ja: 'シナリオ分析' },
    nav: 'foresight',
    page: page(() => import('./features/scenarios/ScenariosPage.tsx'), 'ScenariosPage'),
  },
  {
    path: 'exercises',
    label: { en: 'Exercises', ja: '図上演習' },
    nav: 'foresight',
    page: page(() => import('./features/exercises/ExercisesPage.tsx'), 'ExercisesPage'),
  },
  {
    path: 'ews',
    label: { en: 'Early warning', ja: '早期警戒' },
    nav: 'foresight',
    page: page(() => import('./features/ews/EwsPage.tsx'), 'EwsPage'),
  },
  {
    path: 'identification',
    label: { en: 'Identification', ja: '重要物資・技術の特定' },
    nav: 'analysis',
    page: page(() => import('./features/identification/IdentificationPage.tsx'), 'IdentificationPage'),
  },
  {
    path: 'export-control',
    label: { en: 'Export control', ja: '輸出管理' },
    nav: 'protection',
    page: page(() => import('./features/exportControl/ExportControlPage.tsx'), 'ExportControlPage'),
  },
  {
    path: 'investment',
    label: { en: 'Investment screening', ja: '対内投資審査' },
    nav: 'protection',
    roles: ['administrator', 'analyst', 'viewer'],
    page: page(() => import('./features/investment/InvestmentPage.tsx'), 'InvestmentPage'),
  },
  {
    path: 'network',
    label: { en: 'Supply-chain structure', ja: 'サプライチェーン構造' },
    nav: 'analysis',
    page: page(() => import('./features/network/NetworkPage.tsx'), 'NetworkPage'),
  },
  {
    path: 'cyber',
    label: { en: 'Cyber & SBOM', ja: 'サイバー・SBOM' },
    nav: 'protection',
    page: page(() => import('./features/cyber/CyberPage.tsx'), 'CyberPage'),
  },
  {
    path: 'dialogue',
    label: { en: 'Public-private dialogue', ja: '官民対話' },
    nav: 'analysis',
    roles: ['administrator', 'analyst', 'viewer'],
    page: page(() => import('./features/dialogue/DialoguePage.tsx'), 'DialoguePage'),
  },
  {
    path: 'shared',
    label: { en: 'Shared with me', ja: '共有された分析' },
    nav: 'analysis',
    page: page(() => import('./features/sharing/SharedWithMePage.tsx'), 'SharedWithMePage'),
  },
  {
    path: 'admin',
    label: { en: 'Administration', ja: '管理' },
    nav: true,
    roles: ['administrator', 'auditor'],
    page: page(() => import('./features/admin/AdminPage.tsx'), 'AdminPage'),
  },
  {
    path: 'account',
    label: { en: 'My account', ja: 'アカウント' },
    nav: false,
    page: page(() => import('./features/account/AccountPage.tsx'), 'AccountPage'),
  },
  {
    path: 'product',
    label: { en: 'Product dossier', ja: '品目別調書' },
    nav: false,
    page: page(() => import('./features/product/ProductDossier.tsx'), 'ProductDossier'),
  },
  {
    path: 'country',
    label: { en: 'Country view', ja: '国別ビュー' },
    nav: false,
    page: page(() => import('./features/country/CountryView.tsx'), 'CountryView'),
  },
];
