import { addFeatureTexts } from '../../i18n/featureTexts.ts';

/** Texts of the Home page: datasets with provenance, what to do next, fetching and generating data, jobs. */
export const homeTexts = addFeatureTexts('home', {
  en: {
    title: 'Datasets',
    empty: 'No datasets yet. Fetch data or generate a SYNTHETIC year to begin.',
    synthetic: 'SYNTHETIC DATA — generated, not real trade. Figures computed from it are not facts.',
    columns: {
      dataset: 'Dataset',
      marking: 'Marking',
      publisher: 'Publisher',
      version: 'Version',
      rows: 'Rows',
      retrieved: 'Retrieved',
      checksum: 'Checksum (SHA-256)',
      licence: 'Licence',
    },
    noLicence: 'not stated',
    next: {
      title: 'What to do next',
      noTrade:
        'Import trade data first: an administrator can fetch the BACI critical-minerals extract from the mirror below, or generate a SYNTHETIC year to try the tools.',
      askAdmin:
        'Ask an administrator to fetch a dataset or generate a SYNTHETIC year; the command line works too:',
      screen: 'Screen every product of a reporter for supply risk (concentration, import dependence).',
      chokepoints: 'See which straits and lanes your imports pass through, and what a closure would do.',
      critical: 'Review the 12 specified critical goods (特定重要物資) and their headline risks.',
      cli: 'On the command line:',
    },
    fetch: {
      title: 'Fetch a dataset',
      dataset: 'Dataset',
      button: 'Fetch',
      all: 'Fetch all',
      allHelp: 'Fetches every dataset this server can reach ({{count}}, {{size}}) and imports what the analyses read.',
      noMirror:
        'No mirror is configured on the server (CHOKEPOINT_MIRROR). Datasets that exist only in mirrors cannot be fetched.',
      present: 'present',
      size: '{{files}} file(s), {{size}}',
    },
    synth: {
      title: 'Generate a SYNTHETIC year',
      help: 'Writes a BACI-format year of made-up flows and imports it, labelled SYNTHETIC everywhere.',
      year: 'Year',
      rows: 'Flows',
      seed: 'Seed',
      button: 'Generate',
    },
    job: {
      started: 'Started: {{kind}}',
      progress: 'Progress',
      unknown: 'working…',
      done: 'Done: {{kind}}.',
      failed: 'Failed: {{message}}',
      kinds: { fetch: 'fetch', synth: 'SYNTHETIC year', 'screen-all': 'screen of every reporter' },
      status: { queued: 'queued', running: 'running', done: 'done', failed: 'failed' },
    },
    jobs: {
      title: 'Recent jobs',
      kind: 'Job',
      status: 'Status',
      marking: 'Marking',
      created: 'Started',
      by: 'Started by',
      none: 'No jobs you may see.',
    },
  },
  ja: {
    title: 'データセット',
    empty: 'データセットがありません。データを取得するか、合成データ（SYNTHETIC）の年を生成してください。',
    synthetic:
      '合成データ（SYNTHETIC）— 実際の貿易データではありません。これに基づく数値は事実ではありません。',
    columns: {
      dataset: 'データセット',
      marking: '区分',
      publisher: '提供元',
      version: '版',
      rows: '行数',
      retrieved: '取得日時',
      checksum: 'チェックサム（SHA-256）',
      licence: '利用条件',
    },
    noLicence: '記載なし',
    next: {
      title: '次にすること',
      noTrade:
        'まず貿易データを取り込んでください。管理者は下のミラーから BACI 重要鉱物抽出データを取得するか、ツールを試すために合成データの年を生成できます。',
      askAdmin:
        'データセットの取得または合成データの生成を管理者に依頼してください。コマンドラインでも行えます：',
      screen: '報告国の全品目について供給リスク（集中度・輸入依存度）をスクリーニングします。',
      chokepoints: '輸入が通過する海峡・航路と、封鎖された場合の影響を確認します。',
      critical: '特定重要物資（12物資）と主なリスクを確認します。',
      cli: 'コマンドライン：',
    },
    fetch: {
      title: 'データセットの取得',
      dataset: 'データセット',
      button: '取得',
      all: 'すべて取得',
      allHelp: 'このサーバーが取得できるすべてのデータセット（{{count}} 件、{{size}}）を取得し、分析が読む形に取り込みます。',
      noMirror:
        'サーバーにミラーが設定されていません（CHOKEPOINT_MIRROR）。ミラーにのみ存在するデータセットは取得できません。',
      present: '取得済み',
      size: '{{files}} ファイル、{{size}}',
    },
    synth: {
      title: '合成データ（SYNTHETIC）の年を生成',
      help: 'BACI 形式の架空の貿易フローを1年分生成して取り込みます。どこでも SYNTHETIC と表示されます。',
      year: '年',
      rows: 'フロー数',
      seed: 'シード',
      button: '生成',
    },
    job: {
      started: '開始しました：{{kind}}',
      progress: '進捗',
      unknown: '処理中…',
      done: '完了：{{kind}}',
      failed: '失敗しました：{{message}}',
      kinds: { fetch: '取得', synth: '合成データの年', 'screen-all': '全報告国のスクリーニング' },
      status: { queued: '待機中', running: '実行中', done: '完了', failed: '失敗' },
    },
    jobs: {
      title: '最近のジョブ',
      kind: 'ジョブ',
      status: '状態',
      marking: '区分',
      created: '開始',
      by: '開始者',
      none: '表示できるジョブはありません。',
    },
  },
});
