import { useTranslation } from 'react-i18next';
import { TableHead } from '../../components/TableHead.tsx';
import { formatNumber } from '../../format/numbers.ts';
import type { UploadPreview } from './setup.ts';
import { useCountryNames } from './useCountryNames.ts';

/**
 * What an upload holds: the file's first lines as they are (checking the mapping against them), and once the
 * mapping is complete what the import keeps — rows, series, months, products — with what it leaves out and why.
 */
export function UploadPreviewTable({ preview }: { preview: UploadPreview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const country = useCountryNames();
  const r = preview.result;
  return (
    <div data-testid="ews-upload-preview">
      <h4>{t('ews.setup.preview.file')}</h4>
      <div className="ews-scroll">
        <table>
          <TableHead columns={preview.header} />
          <tbody>
            {preview.sample.slice(0, 5).map((row, i) => (
              <tr key={i}>
                {preview.header.map((_, j) => (
                  <td key={j}>{row[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {r && (
        <>
          <h4>{t('ews.setup.preview.kept')}</h4>
          <p data-testid="ews-preview-summary" data-rows={r.rows}>
            {t('ews.setup.preview.summary', {
              rows: formatNumber(r.rows, lang),
              series: formatNumber(r.series, lang),
              from: r.from,
              to: r.to,
              products: r.products.length,
              partners: r.partners,
              unit: r.valueUnit === 'unknown' ? t('ews.setup.preview.unitUnknown') : r.valueUnit[lang],
            })}
          </p>
          {(r.rejected > 0 || r.unresolvedPartners.length > 0) && (
            <ul data-testid="ews-preview-left-out">
              {r.unresolvedPartners.length > 0 && (
                <li>
                  {t('ews.setup.preview.unresolved', {
                    names: r.unresolvedPartners.map((u) => `${u.name} ×${u.rows}`).join(', '),
                  })}
                </li>
              )}
              {r.rejectedSample.map((x) => (
                <li key={x.line}>{t('ews.setup.preview.rejected', { line: x.line, reason: x.reason })}</li>
              ))}
              {r.rejected > r.rejectedSample.length && (
                <li>
                  {t('ews.setup.preview.moreRejected', { count: r.rejected - r.rejectedSample.length })}
                </li>
              )}
            </ul>
          )}
          <div className="ews-scroll">
            <table>
              <TableHead
                columns={['period', 'reporter', 'partner', 'hs', 'flow', 'value', 'quantity'].map((c) =>
                  t(`ews.setup.preview.columns.${c}`),
                )}
              />
              <tbody>
                {r.first.slice(0, 10).map((row, i) => (
                  <tr key={i}>
                    <td>{row.period}</td>
                    <td>{country(row.reporter)}</td>
                    <td>{country(row.partner)}</td>
                    <td>{row.hs}</td>
                    <td>{t(`ews.flow.${row.flow}`)}</td>
                    <td className="num">{formatNumber(row.value, lang)}</td>
                    <td className="num">
                      {row.quantity === null ? '' : `${formatNumber(row.quantity, lang)} ${row.unit ?? ''}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
