import { addFeatureTexts } from '../../i18n/featureTexts.ts';

/** Texts of the country view (t('country.…')). */
export const countryTexts = addFeatureTexts('country', {
  en: {
    kind: 'Country view',
    title: '{{partner}} as a supplier of {{reporter}}',
    loading: 'Loading what {{partner}} supplies…',
    summary:
      'In {{year}}, {{partner}} supplied {{value}} of {{reporter}}’s {{total}} imports of the {{screened}} screened products ({{share}}). It is the top supplier of {{top}} and supplies more than {{threshold}} of {{majority}} of them.',
    none: '{{reporter}} imported none of the screened products from {{partner}} in {{year}}.',
    supplies: 'What {{partner}} supplies {{reporter}}',
    exposed: 'Where {{reporter}} is most exposed to {{partner}}',
    exposedIntro:
      'Products with the highest share from {{partner}}. Together: {{value}} from {{partner}}, {{share}} of {{reporter}}’s imports of these products.',
    product: 'Product',
    fromPartner: 'Imports from {{partner}}',
    importValue: 'All imports',
    share: 'Share from {{partner}}',
    rank: 'Rank',
    topSupplier: 'Top supplier',
    flags: 'Markers',
    flag: { top: 'top supplier', majority: 'majority', critical: 'critical good' },
    dossier: 'Product dossier of HS {{hs6}}',
    method:
      'share of the partner in the reporter’s imports of each HS6: s = M[r,k,X] / Σₚ M[r,k,p]; groups exclude flows between members',
  },
  ja: {
    kind: '国別ビュー',
    title: '{{reporter}}にとっての供給国としての{{partner}}',
    loading: '{{partner}}からの供給品目を読み込んでいます…',
    summary:
      '{{year}}年、スクリーニング対象{{screened}}品目の{{reporter}}の輸入額{{total}}のうち、{{partner}}からは{{value}}（{{share}}）。{{partner}}は{{top}}品目で最大輸入先、{{majority}}品目で{{threshold}}超を占める。',
    none: '{{year}}年に{{reporter}}はスクリーニング対象品目を{{partner}}から輸入していません。',
    supplies: '{{partner}}から{{reporter}}への供給品目',
    exposed: '{{reporter}}の{{partner}}への依存度が高い品目',
    exposedIntro:
      '{{partner}}からの輸入シェアが高い品目。合計で{{partner}}から{{value}}、これら品目の{{reporter}}の輸入額の{{share}}。',
    product: '品目',
    fromPartner: '{{partner}}からの輸入額',
    importValue: '輸入総額',
    share: '{{partner}}のシェア',
    rank: '順位',
    topSupplier: '最大輸入先',
    flags: '区分',
    flag: { top: '最大輸入先', majority: '過半', critical: '特定重要物資' },
    dossier: 'HS {{hs6}} の品目別調書',
    method:
      '品目（HS6）ごとの輸入に占める相手国のシェア: s = M[r,k,X] / Σₚ M[r,k,p]（国グループではグループ内の取引を除く）',
  },
});
