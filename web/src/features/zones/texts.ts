import { addFeatureTexts } from '../../i18n/featureTexts.ts';

/** Texts of the zones page and the zone names the policy map shows (t('zones.…')). */
export const zonesTexts = addFeatureTexts('zones', {
  en: {
    title: 'Zones of critical goods and technologies',
    reporter: 'Reporter',
    rules: 'Rules',
    entry: 'Good / technology',
    zone: 'Zone',
    rule: 'Rule',
    override: 'Override',
    exportShare: 'World export share',
    screenFlags: 'Screen flags',
    dossier: 'Dossier',
    unclassified: 'unclassified',
    advantage: 'Advantage (RCA for goods, RTA for technologies)',
    concentration: 'Supply concentration (HHI)',
    matrixLabel: 'Zone matrix: advantage against supply concentration',
    names: {
      disruptive: '① Disruptive innovation',
      advantage: '② Technological advantage',
      dependence: '③ External dependence',
    },
  },
  ja: {
    title: '重要物資・技術の3領域',
    reporter: '分析対象国',
    rules: '判定規則',
    entry: '物資・技術',
    zone: '領域',
    rule: '規則',
    override: '分析者判断',
    exportShare: '世界輸出シェア',
    screenFlags: '依存スクリーニング該当',
    dossier: 'ドシエ',
    unclassified: '未分類',
    advantage: '優位性(物資はRCA、技術はRTA)',
    concentration: '供給集中度 (HHI)',
    matrixLabel: '3領域マトリクス: 優位性と供給集中度',
    names: {
      disruptive: '① 破壊的技術革新が進む領域',
      advantage: '② 我が国が技術優位性を持つ領域',
      dependence: '③ 対外依存の領域',
    },
  },
});

/** Texts of the technology indicators (t('tech.…')). */
export const techTexts = addFeatureTexts('tech', {
  en: {
    title: 'Technology indicators (RTA)',
    field: 'Patent field',
    leader: 'leader',
    leadRatio: 'lead ratio',
    countriesTo75: 'countries to 75 %:',
    growth: 'world growth/yr',
    country: 'Country',
    patents: 'Patents',
    share: 'Share',
    trend: 'RTA trend/yr',
  },
  ja: {
    title: '技術指標 (RTA)',
    field: '特許分野',
    leader: '首位',
    leadRatio: '首位/2位',
    countriesTo75: '75%に達する国数:',
    growth: '世界の年伸び率',
    country: '国・地域',
    patents: '特許数',
    share: 'シェア',
    trend: 'RTAの傾向/年',
  },
});

/** Texts of the policy map (t('policy.…')). */
export const policyTexts = addFeatureTexts('policy', {
  en: {
    title: 'Policy map',
    applied: 'Applied',
  },
  ja: {
    title: '施策マップ',
    applied: '実施中',
  },
});
