import { useTranslation } from 'react-i18next';
import type { Marking } from './MarkingBadge.tsx';
import { Options } from './Options.tsx';

/** "a, b、c" → ['a', 'b', 'c'] (Japanese commas too). */
const compartmentsOf = (text: string) =>
  text
    .split(/[,、，]/)
    .map((c) => c.trim())
    .filter(Boolean);

/**
 * An object's marking as a form sets it (level, compartments) and, when it is lowered, the reason the API asks
 * for. `idPrefix` keeps the ids unique when a form has several (one per inject); `labels` name the fields.
 */
export function MarkingFields({
  idPrefix,
  labels,
  marking,
  onMarking,
  lowered = false,
  reason = '',
  onReason,
}: {
  idPrefix: string;
  labels: { level: string; compartments: string; reason?: string; legend?: string };
  marking: Marking;
  onMarking: (marking: Marking) => void;
  lowered?: boolean;
  reason?: string;
  onReason?: (reason: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{labels.legend ?? t('marking.title')}</legend>
      <div className="field">
        <label htmlFor={`${idPrefix}-marking`}>{labels.level}</label>
        <select
          id={`${idPrefix}-marking`}
          value={marking.level}
          onChange={(e) => onMarking({ ...marking, level: Number(e.target.value) as Marking['level'] })}
        >
          <Options values={[0, 1, 2, 3]} label={(l) => t(`marking.level.${l}`)} />
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-compartments`}>{labels.compartments}</label>
        <input
          id={`${idPrefix}-compartments`}
          size={30}
          value={marking.compartments.join(', ')}
          onChange={(e) => onMarking({ ...marking, compartments: compartmentsOf(e.target.value) })}
        />
      </div>
      {lowered && onReason && (
        <div className="field">
          <label htmlFor={`${idPrefix}-reason`}>{labels.reason}</label>
          <input
            id={`${idPrefix}-reason`}
            value={reason}
            onChange={(e) => onReason(e.target.value)}
            size={60}
          />
        </div>
      )}
    </fieldset>
  );
}
