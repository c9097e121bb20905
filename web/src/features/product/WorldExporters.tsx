import { useTranslation } from 'react-i18next';
import { formatNumber, formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import type { DossierYear, Lang, Supplier } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** World exporters of the product in the target year, and the reporter's own exports with M/X. */
export function WorldExporters({
  exporters,
  year,
  target,
  reporterName,
  nameOf,
}: {
  exporters: Supplier[];
  year: number;
  target: DossierYear | undefined;
  reporterName: string;
  nameOf: (iso3: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const total = exporters.reduce((sum, e) => sum + e.valueUsd, 0);
  return (
    <section aria-labelledby="world-heading" className="dossier-section dossier-grid">
      <div>
        <h3 id="world-heading">{t('product.world.heading', { year })}</h3>
        <p>
          {t('product.world.total')}: {money(total)}
          {target?.worldExportHhi != null && (
            <>
              {' · '}
              {t('product.world.hhi')}: {formatNumber(target.worldExportHhi, lang, 3)}
            </>
          )}
        </p>
        <table data-testid="world-exporters">
          <TableHead
            columns={[
              t('product.world.exporter'),
              { label: t('product.world.value'), num: true },
              { label: t('product.world.share'), num: true },
            ]}
          />
          <tbody>
            {exporters.slice(0, 10).map((e) => (
              <tr key={e.partner}>
                <td>{nameOf(e.partner)}</td>
                <td className="num">{money(e.valueUsd)}</td>
                <td className="num">{formatShare(e.share, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {target && (
        <div>
          <h3>{t('product.exports.heading', { reporter: reporterName })}</h3>
          <dl className="figures">
            <div>
              <dt>{t('product.exports.exportValue', { reporter: reporterName })}</dt>
              <dd data-testid="export-value">{money(target.exportValueUsd)}</dd>
            </div>
            <div>
              <dt>{t('product.exports.mx')}</dt>
              <dd data-testid="mx">
                {target.noExports ? '∞' : formatNumber(target.importExportRatio, lang, 2)}
              </dd>
            </div>
          </dl>
          {target.noExports && (
            <p className="note">
              {t('product.exports.noExports', {
                reporter: reporterName,
                value: formatNumber(target.importExportRatio, lang, 0),
              })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
