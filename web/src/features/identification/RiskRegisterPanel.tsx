import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { useFormError } from '../../components/formErrors.ts';
import { MarkingBadge, MarkingCell } from '../../components/MarkingBadge.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import type { Lang, RiskType } from './types.ts';

const levels = ['low', 'medium', 'high', 'critical'] as const;

/** An evidence link as the page that shows it: a product's dossier in the app, any other analysis as its JSON. */
export function evidenceHref(path: string): string {
  const product = /^\/api\/products\/(\w+)(?:\?(.*))?$/.exec(path);
  return product ? `#/product/${product[1]}${product[2] ? `?${product[2]}` : ''}` : path;
}

/**
 * The risk register: every good and technology by the four risk types (supply disruption, coercion and forced
 * technology transfer, acquisition with overproduction, leakage through like-minded firms), the analyst's latest
 * judgement on each with its marking, links to the analyses that bear on it, and a form to record a judgement.
 */
export function RiskRegisterPanel() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const [reporter, setReporter] = useState('JPN');
  const register = useGet('GET /api/identification/risk-register', { query: { reporter } });
  const error = useFormError(['entryId', 'riskType', 'level', 'judgement'], register.error);
  const r = register.data;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const level = String(data.get('level'));
    error.clear();
    post('POST /api/identification/risk-register/assessments', {
      body: {
        entryId: String(data.get('entryId')),
        reporter,
        riskType: String(data.get('riskType')) as RiskType,
        level: level === 'none' ? null : (level as (typeof levels)[number]),
        judgement: String(data.get('judgement') ?? ''),
      },
    })
      .then(() => {
        form.reset();
        register.reload();
      })
      .catch(error.set);
  };
  return (
    <div>
      <h3>{t('ident.risk.title')}</h3>
      <p>{t('ident.risk.intro')}</p>
      <label>
        {t('ident.risk.reporter')}{' '}
        <input
          defaultValue={reporter}
          pattern="[A-Z][A-Z0-9_]{1,31}"
          onBlur={(e) => e.currentTarget.checkValidity() && setReporter(e.currentTarget.value)}
        />
      </label>
      {error.general && (
        <p role="alert" className="error">
          {error.general}
        </p>
      )}
      {r && (
        <table data-testid="ident-risk-register">
          <TableHead
            columns={[t('ident.risk.entry'), ...r.riskTypes.map((x) => x[lang]), t('ident.marking')]}
          />
          <tbody>
            {r.items.map((e) => (
              <tr key={e.id}>
                <td>
                  {e[lang]}
                  <br />
                  <small>{t(`ident.registry.kinds.${e.kind}`)}</small>
                </td>
                {e.risks.map((c) => (
                  <td key={c.riskType}>
                    {c.assessment?.level ? (
                      <>
                        <strong className={`ident-level ident-level-${c.assessment.level}`}>
                          {t(`ident.risk.levels.${c.assessment.level}`)}
                        </strong>{' '}
                        <MarkingBadge marking={c.assessment.marking} />
                        <br />
                        <small>{c.assessment.judgement}</small>
                      </>
                    ) : (
                      <small>{t('ident.risk.notJudged')}</small>
                    )}
                    {c.links.length > 0 && (
                      <ul className="ident-links">
                        {c.links.map((l) => (
                          <li key={l.path}>
                            <a href={evidenceHref(l.path)}>{l.title[lang]}</a>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                ))}
                <MarkingCell marking={e.marking} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r && (
        <form onSubmit={submit} aria-label={t('ident.risk.record')} className="form-row">
          <label>
            {t('ident.risk.entry')}
            <select name="entryId">
              {r.items.map((e) => (
                <option key={e.id} value={e.id}>
                  {e[lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('ident.risk.riskType')}
            <select name="riskType">
              {r.riskTypes.map((x) => (
                <option key={x.id} value={x.id}>
                  {x[lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('ident.risk.level')}
            <select name="level" defaultValue="medium">
              {levels.map((l) => (
                <option key={l} value={l}>
                  {t(`ident.risk.levels.${l}`)}
                </option>
              ))}
              <option value="none">{t('ident.risk.withdraw')}</option>
            </select>
          </label>
          <label className="block">
            {t('ident.risk.judgement')}
            <textarea name="judgement" required minLength={10} maxLength={5000} rows={2} />
          </label>
          <button type="submit">{t('ident.risk.save')}</button>
        </form>
      )}
    </div>
  );
}
