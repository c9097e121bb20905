/**
 * The three zones of the METI action plan (経済安全保障に関する産業・技術基盤強化アクションプラン改訂版, May 2024):
 * every critical good or technology is placed in one, and each zone has its policy direction.
 */
export type Zone = 'disruptive' | 'advantage' | 'dependence';

export const zones: Zone[] = ['disruptive', 'advantage', 'dependence'];

export const zoneNames: Record<Zone, { number: string; ja: string; en: string }> = {
  disruptive: { number: '①', ja: '破壊的技術革新が進む領域', en: 'disruptive innovation' },
  advantage: { number: '②', ja: '我が国が技術優位性を持つ領域', en: 'technological advantage' },
  dependence: { number: '③', ja: '対外依存の領域', en: 'external dependence' },
};

export function isZone(value: unknown): value is Zone {
  return typeof value === 'string' && (zones as string[]).includes(value);
}

export function zoneLabel(zone: Zone | null, lang: 'ja' | 'en'): string {
  if (!zone) return lang === 'ja' ? '未分類' : 'unclassified';
  return `${zoneNames[zone].number} ${zoneNames[zone][lang]}`;
}
