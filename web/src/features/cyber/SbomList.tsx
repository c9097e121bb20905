import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { formatDate } from '../../format/numbers.ts';
import { href } from '../../router/router.ts';
import { SbomImport } from './SbomImport.tsx';

/** The SBOMs the user may read, and the import form. */
export function SbomList() {
  const { t, i18n } = useTranslation();
  const sboms = useGet('GET /api/cyber/sboms', { query: {} });
  return (
    <div>
      <h3>{t('cy.sbom.list')}</h3>
      {sboms.error && <p role="alert">{sboms.error.message}</p>}
      {sboms.data && sboms.data.items.length === 0 && <p>{t('cy.sbom.none')}</p>}
      {sboms.data && sboms.data.items.length > 0 && (
        <table data-testid="cy-sboms">
          <TableHead
            columns={[
              t('cy.sbom.name'),
              t('cy.sbom.version'),
              t('cy.sbom.format'),
              t('cy.sbom.components'),
              t('cy.marking'),
              t('cy.sbom.created'),
            ]}
          />
          <tbody>
            {sboms.data.items.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={href(['cyber', 'sbom', s.id])}>{s.name}</a>
                </td>
                <td>{s.version ?? '—'}</td>
                <td>
                  {s.format} {s.specVersion}
                </td>
                <td>{s.componentCount}</td>
                <MarkingCell marking={s.marking} />
                <td>{formatDate(s.createdAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sboms.data && (
        <p>
          <small>{t('cy.total', { count: sboms.data.total })}</small>
        </p>
      )}
      <SbomImport onImported={sboms.reload} />
    </div>
  );
}
