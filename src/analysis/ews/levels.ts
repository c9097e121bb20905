/**
 * Alert levels of the early warning system. Four levels, as in Korea's crisis alert scale used by its supply-chain
 * EWS (관심 attention, 주의 caution, 경계 alert, 심각 severe; Framework Act on Supply Chain Stabilisation, 2024).
 */
export type AlertLevel = 1 | 2 | 3 | 4;

export const alertLevels: Record<AlertLevel, { ja: string; en: string }> = {
  1: { ja: '関心', en: 'attention' },
  2: { ja: '注意', en: 'caution' },
  3: { ja: '警戒', en: 'alert' },
  4: { ja: '深刻', en: 'severe' },
};

export function isAlertLevel(value: unknown): value is AlertLevel {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** "3 警戒 alert" */
export function levelLabel(level: AlertLevel): string {
  return `${level} ${alertLevels[level].ja} ${alertLevels[level].en}`;
}
