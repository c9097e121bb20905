import { useTranslation } from 'react-i18next';
import { levelStyle } from './shape.ts';
import type { Level } from './types.ts';

/** An alert level as colour, symbol and text ("▲ 3 警戒"), never by colour alone. */
export function LevelBadge({ level }: { level: Level }) {
  const { t } = useTranslation();
  const name = t(`ews.level.${level}`);
  return (
    <span
      className={`ews-level ews-level-${level}`}
      title={t('ews.levelTitle', { level, name })}
      data-level={level}
    >
      <span aria-hidden="true">{levelStyle[level].glyph}</span> {level} {name}
    </span>
  );
}
