import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../api/schema.ts';
import type { Loaded } from '../../api/useApi.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { TableHead } from '../../components/TableHead.tsx';

type Vulnerabilities = ApiResponse<'GET /api/cyber/sboms/{id}/vulnerabilities'>;

/**
 * The SBOM's known vulnerabilities (OSV ranges per ecosystem, CISA KEV flag, VEX applied) with the datasets'
 * versions they came from and the result's marking.
 */
export function SbomVulnerabilities({ loaded }: { loaded: Loaded<Vulnerabilities> }) {
  const { t } = useTranslation();
  const v = loaded.data;
  return (
    <section aria-labelledby="cy-vulns-h">
      <h4 id="cy-vulns-h">
        {t('cy.vuln.title')} {v && <MarkingBadge marking={v.marking} />}
      </h4>
      {loaded.error && <p role="alert">{loaded.error.message}</p>}
      {!v && !loaded.error && <p>{t('cy.loading')}</p>}
      {v && v.vulnerabilities.length === 0 && <p>{t('cy.vuln.none')}</p>}
      {v && v.vulnerabilities.length > 0 && (
        <table data-testid="cy-vulns">
          <TableHead
            columns={[
              t('cy.vuln.component'),
              t('cy.sbom.version'),
              t('cy.vuln.id'),
              t('cy.vuln.severity'),
              t('cy.vuln.kev'),
              t('cy.vuln.fixedIn'),
              t('cy.vuln.vex'),
            ]}
          />
          <tbody>
            {v.vulnerabilities.map((x) => (
              <tr key={`${x.purl}|${x.vulnId}`} className={x.suppressed ? 'cy-suppressed' : undefined}>
                <td title={x.purl}>{x.component}</td>
                <td>{x.version}</td>
                <td title={x.summary}>
                  {x.vulnId}
                  {x.aliases.length > 0 && <small> ({x.aliases.join(', ')})</small>}
                </td>
                <td>{x.severity ?? '—'}</td>
                <td>{x.kev ? <strong>{t('cy.vuln.kevYes')}</strong> : '—'}</td>
                <td>{x.fixedIn.join(', ') || '—'}</td>
                <td>
                  {x.vex ? `${x.vex.status}${x.suppressed ? ` (${t('cy.vuln.notAffected')})` : ''}` : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {v && (
        <p data-testid="cy-vuln-provenance">
          <small>
            {t('cy.vuln.checked', { count: v.componentsChecked })}
            {v.unchecked.length > 0 && <> · {t('cy.vuln.unchecked', { count: v.unchecked.length })}</>}
            {v.withdrawn.length > 0 && <> · {t('cy.vuln.withdrawn', { count: v.withdrawn.length })}</>}
            <br />
            {t('cy.vuln.provenance', {
              osv: v.osv.dataset,
              osvVersion: v.osv.version,
              records: v.osv.records,
              kev: v.kev ? `${v.kev.dataset} ${v.kev.version}` : t('cy.vuln.noKev'),
            })}
          </small>
        </p>
      )}
    </section>
  );
}
