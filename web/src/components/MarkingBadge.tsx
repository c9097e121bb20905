import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../api/schema.ts';

/** An object's marking as the API gives it (level, compartments, organisations it may be released to). */
export type Marking = ApiResponse<'GET /api/datasets/{id}/marking'>['marking'];

const levelClass = ['public', 'restricted', 'confidential', 'critical'];

/** Shows an object's marking: level name in the user's language, compartments and releasability. */
export function MarkingBadge({ marking }: { marking: Marking | undefined }) {
  const { t } = useTranslation();
  if (!marking) return null;
  const parts = [t(`marking.level.${marking.level}`)];
  if (marking.compartments.length) parts.push(marking.compartments.join('/'));
  if (marking.releasableTo) parts.push(t('marking.releasableTo', { orgs: marking.releasableTo.join(', ') }));
  return (
    <span className={`marking marking-${levelClass[marking.level]}`} data-testid="marking" title={t('marking.title')}>
      {parts.join(' · ')}
    </span>
  );
}

/** A table cell showing a row's marking. */
export function MarkingCell({ marking }: { marking: Marking | undefined }) {
  return (
    <td>
      <MarkingBadge marking={marking} />
    </td>
  );
}
