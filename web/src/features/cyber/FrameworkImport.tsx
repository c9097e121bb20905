import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import type { ApiResponse } from '../../api/schema.ts';
import { localized } from './localized.ts';
import { useFileUpload } from './useFileUpload.ts';

type Imported = ApiResponse<'POST /api/cyber/frameworks'>;

/**
 * Imports a requirement catalogue (the catalogue format, or a CISO Assistant library YAML) as text: the shipped
 * ★3/★4 and SEMI E187 catalogues carry no requirement texts, so an official file is imported here to assess.
 */
export function FrameworkImport({ onImported }: { onImported: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { busy, done, error, submit } = useFileUpload<Imported>(
    (text) => post('POST /api/cyber/frameworks', { body: { text } }),
    (saved) => onImported(saved.id),
  );
  return (
    <details>
      <summary>{t('cy.assess.importFramework')}</summary>
      <form onSubmit={submit} className="cy-form" aria-labelledby={`${id}-h`}>
        <p id={`${id}-h`}>{t('cy.assess.importIntro')}</p>
        <label>
          {t('cy.assess.frameworkFile')}
          <input type="file" name="file" accept=".yaml,.yml,.json" required />
        </label>
        <button type="submit" disabled={busy}>
          {t('cy.assess.importRun')}
        </button>
        {error.general && <p role="alert">{error.general}</p>}
        {done && (
          <p role="status">
            {t('cy.assess.imported', {
              title: localized(done.title, i18n.language),
              count: done.requirements,
            })}
          </p>
        )}
      </form>
    </details>
  );
}
