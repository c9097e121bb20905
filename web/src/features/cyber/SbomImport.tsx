import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import type { ApiResponse } from '../../api/schema.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { href } from '../../router/router.ts';
import { useFileUpload } from './useFileUpload.ts';

type Imported = ApiResponse<'POST /api/cyber/sboms'>;

/** Imports a CycloneDX or SPDX file: its text goes to POST /api/cyber/sboms; the server's error names the place. */
export function SbomImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, done, error, submit } = useFileUpload<Imported>(
    (text, data) =>
      post('POST /api/cyber/sboms', {
        body: { text, name: String(data.get('name') ?? '').trim() || undefined },
      }),
    () => onImported(),
    ['text', 'name'],
  );
  return (
    <form onSubmit={submit} className="cy-form" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('cy.sbom.import')}</h3>
      <p>{t('cy.sbom.importIntro')}</p>
      <label>
        {t('cy.sbom.file')}
        <input
          type="file"
          name="file"
          accept=".json,.xml,application/json,text/xml"
          required
          aria-describedby={`${id}-text`}
        />
      </label>
      <FieldError id={`${id}-text`} message={error.at('text')} />
      <label>
        {t('cy.sbom.nameOptional')}
        <input name="name" maxLength={200} aria-describedby={`${id}-name`} />
      </label>
      <FieldError id={`${id}-name`} message={error.at('name')} />
      <button type="submit" disabled={busy}>
        {t('cy.sbom.run')}
      </button>
      {error.general && <p role="alert">{error.general}</p>}
      {done && (
        <p role="status">
          <a href={href(['cyber', 'sbom', done.id])}>
            {t('cy.sbom.imported', { name: done.name, count: done.componentCount })}
          </a>
        </p>
      )}
    </form>
  );
}
