import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useFormError } from '../../components/formErrors.ts';
import { fileText } from './readFileText.ts';

/** Attaches the VEX statements of a CycloneDX document to the SBOM (POST /api/cyber/sboms/{id}/vex). */
export function VexImport({ sbomId, onAdded }: { sbomId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [added, setAdded] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const error = useFormError([]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    error.clear();
    setAdded(null);
    setBusy(true);
    fileText(data, 'file')
      .then((text) =>
        text === null
          ? null
          : post('POST /api/cyber/sboms/{id}/vex', { path: { id: sbomId }, body: { text } }),
      )
      .then((r) => {
        if (!r) return;
        setAdded(r.added);
        onAdded();
      })
      .catch(error.set)
      .finally(() => setBusy(false));
  };
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
        {added !== null && <p role="status">{t('cy.vuln.vexAdded', { count: added })}</p>}
      </form>
    </details>
  );
}
