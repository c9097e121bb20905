import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useFileUpload } from './useFileUpload.ts';

/** Attaches the VEX statements of a CycloneDX document to the SBOM (POST /api/cyber/sboms/{id}/vex). */
export function VexImport({ sbomId, onAdded }: { sbomId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, done, error, submit } = useFileUpload(
    (text) => post('POST /api/cyber/sboms/{id}/vex', { path: { id: sbomId }, body: { text } }),
    () => onAdded(),
  );
  return (
    <details className="cy-vex">
      <summary>{t('cy.vuln.vexTitle')}</summary>
      <form onSubmit={submit} className="cy-form" aria-labelledby={`${id}-h`}>
        <p id={`${id}-h`}>{t('cy.vuln.vexIntro')}</p>
        <label>
          {t('cy.vuln.vexFile')}
          <input type="file" name="file" accept=".json,.xml,application/json" required />
        </label>
        <button type="submit" disabled={busy}>
          {t('cy.vuln.vexRun')}
        </button>
        {error.general && <p role="alert">{error.general}</p>}
        {done && <p role="status">{t('cy.vuln.vexAdded', { count: done.added })}</p>}
      </form>
    </details>
  );
}
