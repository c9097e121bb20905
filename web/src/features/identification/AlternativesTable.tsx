import { useCountryName } from '../../reference/useReference.ts';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { TableHead, figureColumn } from '../../components/TableHead.tsx';

/** Other importers (or exporters) of one product, ranked by the market the reporter does not serve yet. */
export function AlternativesTable({
  query,
}: {
  query: { reporter: string; coercer: string; year: number; direction: 'exports' | 'imports'; hs6: string };
}) {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const alternatives = useGet('GET /api/identification/alternatives', { query });
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const usd = new Intl.NumberFormat(i18n.language, { notation: 'compact', maximumFractionDigits: 1 });
  const a = alternatives.data;
  // For imports, the alternatives are other suppliers (their exports); for exports, other markets (their imports).
  const title = t(
    query.direction === 'imports' ? 'ident.alternatives.suppliersTitle' : 'ident.alternatives.title',
    {
      hs6: query.hs6,
    },
  );
  return (
    <section aria-label={title} data-testid="ident-alternatives">
      <h4>
        {title} {a && <MarkingBadge marking={a.marking} />}
      </h4>
      {alternatives.error && <p role="alert">{alternatives.error.message}</p>}
      {a && (
        <>
          <table>
            <TableHead
              columns={[
                figureColumn(t('ident.alternatives.rank')),
                t('ident.alternatives.country'),
                figureColumn(
                  t(
                    query.direction === 'imports' ? 'ident.alternatives.exports' : 'ident.alternatives.value',
                  ),
                ),
                figureColumn(t('ident.alternatives.headroom')),
                figureColumn(t('ident.alternatives.reporterShare')),
                figureColumn(t('ident.alternatives.coercerShare')),
                figureColumn(t('ident.alternatives.growth')),
                t('ident.alternatives.groups'),
              ]}
            />
            <tbody>
              {a.items.map((x) => (
                <tr key={x.country}>
                  <td className="num">{x.rank}</td>
                  <td data-iso3={x.country}>{countryName(x.country)}</td>
                  <td className="num">{usd.format(x.value)}</td>
                  <td className="num">{usd.format(x.headroom)}</td>
                  <td className="num">{pct.format(x.reporterShare)}</td>
                  <td className="num">{pct.format(x.coercerShare)}</td>
                  <td className="num">{x.growth === null ? '—' : pct.format(x.growth)}</td>
                  <td>{x.groups.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ProvenanceFooter money provenance={{ ...a.provenance, method: t('ident.alternatives.method') }} />
        </>
      )}
    </section>
  );
}
