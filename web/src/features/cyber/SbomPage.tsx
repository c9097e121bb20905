import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { href } from '../../router/router.ts';
import { SbomVulnerabilities } from './SbomVulnerabilities.tsx';
import { VexImport } from './VexImport.tsx';

/** Rows of the inventory shown at once; a 10,000-component SBOM stays usable (the count says what is cut). */
const shownComponents = 500;

/** One SBOM: its inventory (purl, version, licences), its known vulnerabilities and the VEX form. */
export function SbomPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const sbom = useGet('GET /api/cyber/sboms/{id}', { path: { id } });
  const vulns = useGet('GET /api/cyber/sboms/{id}/vulnerabilities', { path: { id } });
  if (sbom.error) return <p role="alert">{sbom.error.message}</p>;
  if (!sbom.data) return <p>{t('cy.loading')}</p>;
  const s = sbom.data;
  return (
    <div>
      <p>
        <a href={href(['cyber'])}>← {t('cy.sbom.back')}</a>
      </p>
      <h3>
        {s.name} {s.version ?? ''} <MarkingBadge marking={s.marking} />
      </h3>
      <p>
        {s.format} {s.specVersion} · {t('cy.sbom.components')}: {s.componentCount}
      </p>
      {s.warnings.length > 0 && (
        <details>
          <summary>
            {t('cy.sbom.warnings')} ({s.warnings.length})
          </summary>
          <ul>
            {s.warnings.map((w, i) => (
              <li key={i}>
                <code>{w.pointer}</code> {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <SbomVulnerabilities loaded={vulns} />
      <VexImport sbomId={s.id} onAdded={vulns.reload} />
      <h4>{t('cy.sbom.components')}</h4>
      <table data-testid="cy-components">
        <TableHead
          columns={[
            t('cy.sbom.name'),
            t('cy.sbom.version'),
            t('cy.sbom.purl'),
            t('cy.sbom.licences'),
            t('cy.sbom.type'),
          ]}
        />
        <tbody>
          {s.components.slice(0, shownComponents).map((c) => (
            <tr key={c.ref}>
              <td>{c.name}</td>
              <td>{c.version ?? '—'}</td>
              <td>
                <code>{c.purl ?? '—'}</code>
              </td>
              <td>{c.licences.join(', ') || '—'}</td>
              <td>{c.type ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <small>{t('cy.total', { count: s.components.length })}</small>
      </p>
    </div>
  );
}
