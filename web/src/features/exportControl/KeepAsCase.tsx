import { useTranslation } from 'react-i18next';
import { href } from '../../router/router.ts';

/** The fields that keep a screen or a check as a case: a tick box and an optional title. */
export function KeepAsCaseFields() {
  const { t } = useTranslation();
  return (
    <>
      <label>
        <input type="checkbox" name="keep" /> {t('ec.screen.keep')}
      </label>
      <label>
        {t('ec.case.titleField')}
        <input name="title" maxLength={300} />
      </label>
    </>
  );
}

/** The `case` of a request from those fields: absent unless the box is ticked. */
export function caseToKeep(data: FormData): { title?: string } | undefined {
  if (!data.get('keep')) return undefined;
  return { title: String(data.get('title') ?? '').trim() || undefined };
}

/** A link to a case's page (after a screen, a check or a report opened one). */
export function CaseLink({ id }: { id: string }) {
  const { t } = useTranslation();
  return <a href={href(['export-control', 'case', id])}>{t('ec.case.open')}</a>;
}
