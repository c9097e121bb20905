import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { ReporterInput } from '../../components/ReporterInput.tsx';
import { YearInput } from '../../components/YearInput.tsx';
import { namer } from '../../reference/names.ts';
import { useCountries } from '../../reference/useReference.ts';
import { href, navigate } from '../../router/router.ts';
import type { ViewProps } from '../../views.ts';
import { useSignedIn } from '../auth/signedIn.ts';
import './texts.ts';
import './critical.css';
import { GoodArticle } from './GoodArticle.tsx';
import { GoodsOverview } from './GoodsOverview.tsx';
import { HsCodeEditor } from './HsCodeEditor.tsx';
import type { Lang } from './types.ts';
import { useCriticalGoods } from './useCriticalGoods.ts';

/**
 * #/critical?reporter=JPN&year=2024: the specified critical goods (特定重要物資) with their HS6 products, the
 * sources of the designation, and each good's headline risks from the screen filtered to critical goods.
 */
export function CriticalGoodsPage({ route }: ViewProps) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const reporter = (route.query.get('reporter') ?? 'JPN').toUpperCase();
  const year = Number(route.query.get('year')) || 2024;
  const [form, setForm] = useState({ reporter, year: String(year) });
  const { goods, screen, risks, held, saved, error, screenError } = useCriticalGoods(reporter, year);
  const me = useSignedIn();
  const countries = useCountries();
  const [editing, setEditing] = useState<string | null>(null);

  const countryName = namer(countries.data ?? [], [], lang);
  const methodName = (id: string) => {
    const m = screen?.methods.find((x) => x.id === id);
    return m ? (lang === 'ja' ? m.nameJa : m.nameEn) : id;
  };
  const canEdit = me?.role === 'analyst' || me?.role === 'administrator';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(['critical'], { reporter: form.reporter.trim().toUpperCase(), year: form.year });
  };
  const dossier = (hs6: string) => href(['product', hs6], { reporter, year });

  return (
    <section aria-labelledby="critical-heading" className="critical">
      <h2 id="critical-heading">
        {t('critical.title')} {screen && <MarkingBadge marking={screen.marking} />}
      </h2>
      <p>{t('critical.intro')}</p>
      <form onSubmit={submit} className="filters">
        <label>
          {t('critical.reporter')}{' '}
          <ReporterInput value={form.reporter} size={6} onChange={(r) => setForm({ ...form, reporter: r })} />
        </label>
        <label>
          {t('critical.year')} <YearInput value={form.year} onChange={(y) => setForm({ ...form, year: y })} />
        </label>
        <button type="submit">{t('critical.apply')}</button>
      </form>
      {!goods && !error && <p role="status">{t('critical.loading')}</p>}
      {error && <p role="alert">{t('critical.error', { message: error })}</p>}
      {screenError && <p role="alert">{t('critical.screenError', { message: screenError })}</p>}
      {screen?.provenance.synthetic && (
        <p className="banner synthetic" role="status">
          {t('provenance.synthetic')}: {screen.provenance.title ?? screen.provenance.dataset}
        </p>
      )}
      {goods && (
        <>
          <p>{t('critical.goods', { count: goods.length })}</p>
          <GoodsOverview
            risks={risks}
            screened={screen !== null}
            year={year}
            countryName={countryName}
            held={held}
          />
          {risks.map((r) => (
            <GoodArticle
              key={r.good.id}
              risk={r}
              screened={screen !== null}
              held={held}
              dossier={dossier}
              countryName={countryName}
              methodName={methodName}
            >
              {canEdit &&
                (editing === r.good.id ? (
                  <HsCodeEditor good={r.good} onSaved={saved} onClose={() => setEditing(null)} />
                ) : (
                  <button type="button" onClick={() => setEditing(r.good.id)}>
                    {t('critical.edit')}
                  </button>
                ))}
            </GoodArticle>
          ))}
          {screen && (
            <details>
              <summary>{t('critical.methods')}</summary>
              <ul>
                {screen.methods.map((m) => (
                  <li key={m.id}>
                    {lang === 'ja' ? m.nameJa : m.nameEn}: {m.citation}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <ProvenanceFooter provenance={screen?.provenance} money />
        </>
      )}
    </section>
  );
}
