import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { navigate } from '../../router/router.ts';
import { ApiErrorText } from './ApiErrorText.tsx';
import { lang } from './bilingual.ts';

/** A new exercise from a template in one step: the server saves and runs its scenario, then generates the injects. */
export function TemplateForm() {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const templates = useGet('GET /api/exercise-templates');
  const [template, setTemplate] = useState('');
  const [reporter, setReporter] = useState('JPN');
  const [year, setYear] = useState('');
  const [products, setProducts] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const items = templates.data?.items ?? [];
  const chosen = items.find((x) => x.id === template) ?? items[0];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const codes = products
        .split(/[,、，\s]+/)
        .map((p) => p.trim())
        .filter(Boolean);
      const created = await post('POST /api/exercises/from-template', {
        body: {
          template: chosen.id,
          reporter: reporter.trim(),
          ...(year ? { year: Number(year) } : {}),
          ...(codes.length ? { products: codes } : {}),
        },
      });
      navigate(['exercises', created.id]);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="exercise-template-heading" className="form-box">
      <h3 id="exercise-template-heading">{t('exercises.fromTemplate')}</h3>
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="ex-template">{t('exercises.template')}</label>
          <select id="ex-template" value={chosen?.id ?? ''} onChange={(e) => setTemplate(e.target.value)}>
            {items.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title[l]}
              </option>
            ))}
          </select>
        </div>
        {chosen && (
          <p className="note">
            {chosen.description[l]} {chosen.modelling[l]}
          </p>
        )}
        <div className="field">
          <label htmlFor="ex-reporter">{t('exercises.reporter')}</label>
          <input id="ex-reporter" value={reporter} onChange={(e) => setReporter(e.target.value)} size={6} />
        </div>
        <div className="field">
          <label htmlFor="ex-year">{t('exercises.year')}</label>
          <input
            id="ex-year"
            inputMode="numeric"
            value={year}
            onChange={(e) => setYear(e.target.value)}
            size={6}
          />
        </div>
        <div className="field">
          <label htmlFor="ex-products">{t('exercises.products')}</label>
          <input
            id="ex-products"
            value={products}
            placeholder={chosen?.defaultProducts.join(', ')}
            onChange={(e) => setProducts(e.target.value)}
            size={40}
          />
        </div>
        <ApiErrorText error={error} />
        <button type="submit" disabled={busy || !chosen}>
          {busy ? t('exercises.creating') : t('exercises.create')}
        </button>
      </form>
    </section>
  );
}
