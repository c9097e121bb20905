import { useTranslation } from 'react-i18next';
import type { Marking } from '../../components/MarkingBadge.tsx';
import { MarkingFields } from '../../components/MarkingFields.tsx';

/** The scenario's marking (level, compartments) and, when it is lowered, the reason the API asks for. */
export function ScenarioMarkingFields(props: {
  marking: Marking;
  onMarking: (marking: Marking) => void;
  lowered: boolean;
  reason: string;
  onReason: (reason: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <MarkingFields
      idPrefix="sc"
      labels={{
        level: t('scenarios.markingLevel'),
        compartments: t('scenarios.compartments'),
        reason: t('scenarios.reason'),
      }}
      {...props}
    />
  );
}
