/**
 * A job's stage as the server words it (src/server/jobs/kinds.ts: "copying FILE", "importing FILE", …) in the
 * reader's language. File names and other details after the verb are kept as they are.
 */
const stages: { en: string; ja: string }[] = [
  {
    en: 'screening every reporter (one DuckDB pass)',
    ja: '全報告国をスクリーニング中（DuckDB で1回の走査）',
  },
  { en: 'generating SYNTHETIC flows', ja: '合成データ（SYNTHETIC）を生成中' },
  { en: 'downloading', ja: 'ダウンロード中' },
  { en: 'copying', ja: 'コピー中' },
  { en: 'importing', ja: '取り込み中' },
];

export function jobStageText(stage: string | null, language: string): string {
  if (!stage) return '';
  if (!language.startsWith('ja')) return stage;
  const known = stages.find((s) => stage === s.en || stage.startsWith(`${s.en} `));
  return known ? `${known.ja}${stage.slice(known.en.length)}` : stage;
}
