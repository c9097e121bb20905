import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers.ts';
import type { Lang, Verdict } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

const knownMethods = ['eu2021', 'geodep', 'majority', 'hhi'];

/** Every method's verdict: the criteria with the figure, the operator and the threshold, the rule, formula and source. */
export function VerdictTable({ verdicts, year }: { verdicts: Verdict[]; year: number }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const text = (method: string, key: string) =>
    knownMethods.includes(method) ? t(`product.methods.${method}.${key}`) : '';
  return (
    <section aria-labelledby="verdicts-heading" className="dossier-section">
      <h3 id="verdicts-heading">{t('product.verdicts.heading', { year })}</h3>
      {verdicts.map((v) => (
        <article key={v.method} className="verdict" data-method={v.method} data-flagged={v.flagged}>
          <h4>
            {text(v.method, 'name') || v.method}{' '}
            <span
              className={`tag ${v.flagged ? 'flagged' : 'not-flagged'}`}
              data-testid={`verdict-${v.method}`}
            >
              {v.flagged ? t('product.verdicts.flagged') : t('product.verdicts.notFlagged')}
            </span>
          </h4>
          <table>
            <TableHead
              columns={[
                t('product.verdicts.indicator'),
                { label: t('product.verdicts.value'), num: true },
                { label: t('product.verdicts.threshold'), num: true },
                t('product.verdicts.verdict'),
              ]}
            />
            <tbody>
              {v.criteria.map((c) => (
                <tr key={c.indicator}>
                  <td>{c.label[lang]}</td>
                  <td className="num">{formatNumber(c.value, lang, 3)}</td>
                  <td className="num">
                    {c.op} {formatNumber(c.threshold, lang, 3)}
                  </td>
                  <td>{c.met ? `✓ ${t('product.verdicts.met')}` : `✗ ${t('product.verdicts.notMet')}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {v.persistence && (
            <p>
              {t('product.verdicts.persistence', {
                met: v.persistence.met,
                of: v.persistence.of,
                years: v.persistence.years.join(', '),
                required: v.persistence.required,
              })}
            </p>
          )}
          <dl className="method-notes">
            <dt>{t('product.verdicts.rule')}</dt>
            <dd>
              <code>{v.rule}</code>
            </dd>
            <dt>{t('product.verdicts.formula')}</dt>
            <dd>{text(v.method, 'formula')}</dd>
            <dt>{t('product.verdicts.citation')}</dt>
            <dd>{text(v.method, 'citation')}</dd>
          </dl>
        </article>
      ))}
    </section>
  );
}
