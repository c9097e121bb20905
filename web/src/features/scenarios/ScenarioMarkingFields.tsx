import { useTranslation } from 'react-i18next';
import type { Marking } from '../../components/MarkingBadge.tsx';
import { Options } from '../../components/Options.tsx';

/** "a, b、c" → ['a', 'b', 'c'] (Japanese commas too). */
const compartmentsOf = (text: string) =>
  text
    .split(/[,、，]/)
    .map((c) => c.trim())
    .filter(Boolean);

/** The scenario's marking (level, compartments) and, when it is lowered, the reason the API asks for. */
export function ScenarioMarkingFields({
  marking,
  onMarking,
  lowered,
  reason,
  onReason,
}: {
  marking: Marking;
  onMarking: (marking: Marking) => void;
  lowered: boolean;
  reason: string;
  onReason: (reason: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('marking.title')}</legend>
      <div className="field">
        <label htmlFor="sc-marking">{t('scenarios.markingLevel')}</label>
        <select
          id="sc-marking"
          value={marking.level}
          onChange={(e) => onMarking({ ...marking, level: Number(e.target.value) as Marking['level'] })}
        >
          <Options values={[0, 1, 2, 3]} label={(l) => t(`marking.level.${l}`)} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="sc-compartments">{t('scenarios.compartments')}</label>
        <input
          id="sc-compartments"
          size={30}
          value={marking.compartments.join(', ')}
          onChange={(e) => onMarking({ ...marking, compartments: compartmentsOf(e.target.value) })}
        />
      </div>
      {lowered && (
        <div className="field">
          <label htmlFor="sc-reason">{t('scenarios.reason')}</label>
          <input id="sc-reason" value={reason} onChange={(e) => onReason(e.target.value)} size={60} />
        </div>
      )}
    </fieldset>
  );
}
