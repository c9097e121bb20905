import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { LoadedTable } from './LoadedTable.tsx';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
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
      <LoadedTable
        loaded={sboms}
        none={t('cy.sbom.none')}
        testId="cy-sboms"
        columns={[
          t('cy.sbom.name'),
          t('cy.sbom.version'),
          t('cy.sbom.format'),
          t('cy.sbom.components'),
          t('cy.marking'),
          t('cy.sbom.created'),
        ]}
        row={(s) => (
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
        )}
      />
      {sboms.data && (
        <p>
          <small>{t('cy.total', { count: sboms.data.total })}</small>
        </p>
      )}
      <SbomImport onImported={sboms.reload} />
    </div>
  );
}
