import { addFeatureTexts } from '../i18n/featureTexts.ts';

/** The currency notes of views that show money (t('currency.note…')); the header's control texts stay in i18n/. */
export const currencyNoteTexts = addFeatureTexts('currency', {
  en: {
    noteUsd: 'Money figures in US dollars, as published in the data.',
    noteNoRate: 'Money figures stay in US dollars until you state a valid JPY/USD rate (header).',
    noteYen:
      'Money figures in yen converted at {{rate}} JPY/USD — the rate you stated (header), not a figure of the data; the data are in US dollars.',
    exportsUsd: 'Exported files keep US dollars (the raw data), whatever currency the screen shows.',
  },
  ja: {
    noteUsd: '金額はデータの公表値どおり米ドル建てです。',
    noteNoRate: '有効な円/ドル換算レートが入力されるまで、金額は米ドルで表示します（ヘッダーで入力）。',
    noteYen:
      '金額は利用者が入力した {{rate}} 円/ドル（ヘッダーで指定）で円換算しています。レートはデータに含まれる値ではなく、元データは米ドル建てです。',
    exportsUsd: 'ダウンロードするファイルは画面の表示通貨にかかわらず米ドル建て（元データのまま）です。',
  },
});
