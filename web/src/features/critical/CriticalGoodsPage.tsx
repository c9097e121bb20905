import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Me } from '../auth/SessionGate.tsx';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { formatDate, formatNumber, formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import { href, navigate } from '../../router/router.ts';
import type { ViewProps } from '../../views.ts';
import './texts.ts';
import './critical.css';
import { criticalScreenPath, goodRisks, type ProductRisk } from './goodRisks.ts';
import { HsCodeEditor } from './HsCodeEditor.tsx';
import type { CriticalGood, Lang, ScreenResponse } from './types.ts';

interface CountryName {
  iso3: string;
  en: string;
  ja: string;
}

/**
 * #/critical?reporter=JPN&year=2024: the specified critical goods (特定重要物資) with their HS6 products, the
 * sources of the designation, and each good's headline risks from the screen filtered to critical goods.
 */
export function CriticalGoodsPage({ route }: ViewProps) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const reporter = (route.query.get('reporter') ?? 'JPN').toUpperCase();
  const year = Number(route.query.get('year')) || 2024;
  const [form, setForm] = useState({ reporter, year: String(year) });
  const [goods, setGoods] = useState<CriticalGood[] | null>(null);
  const [screen, setScreen] = useState<ScreenResponse | null>(null);
  const [screenError, setScreenError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [countries, setCountries] = useState<CountryName[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    api<{ items: CriticalGood[] }>('/critical-goods')
      .then((r) => setGoods(r.items))
      .catch((e: Error) => setError(e.message));
    api<Me>('/auth/me')
      .then(setMe)
      .catch(() => setMe(null));
    api<{ items: CountryName[] }>('/countries')
      .then((r) => setCountries(r.items))
      .catch(() => setCountries([]));
  }, []);

  useEffect(() => {
    let active = true;
    setScreenError(null);
    api<ScreenResponse>(criticalScreenPath(reporter, year))
      .then((r) => active && setScreen(r))
      .catch((e: Error) => {
        if (!active) return;
        setScreen(null);
        setScreenError(e.message);
      });
    return () => {
      active = false;
    };
  }, [reporter, year, version]);

  const risks = useMemo(() => (goods ? goodRisks(goods, screen?.items ?? []) : []), [goods, screen]);
  const countryName = (iso3: string) => countries.find((c) => c.iso3 === iso3)?.[lang] ?? iso3;
  const methodName = (id: string) => {
    const m = screen?.methods.find((x) => x.id === id);
    return m ? (lang === 'ja' ? m.nameJa : m.nameEn) : id;
  };
  const label = (p: ProductRisk) =>
    (p.item ? (lang === 'ja' ? p.item.labelJa : p.item.labelEn) : '') || p.code.note;
  const canEdit = me?.role === 'analyst' || me?.role === 'administrator';
  const saved = (g: CriticalGood) => {
    setGoods((list) => list?.map((x) => (x.id === g.id ? g : x)) ?? null);
    setVersion((v) => v + 1); // the screen's critical filter follows the registry
  };
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
          <input
            name="reporter"
            value={form.reporter}
            size={6}
            onChange={(e) => setForm({ ...form, reporter: e.target.value })}
          />
        </label>
        <label>
          {t('critical.year')}{' '}
          <input
            name="year"
            type="number"
            min={1950}
            max={2100}
            value={form.year}
            onChange={(e) => setForm({ ...form, year: e.target.value })}
          />
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
          <table data-testid="goods-overview">
            <thead>
              <tr>
                <th scope="col">{t('critical.col.good')}</th>
                <th scope="col">{t('critical.ministry')}</th>
                <th scope="col">{t('critical.importValue')}</th>
                <th scope="col">{t('critical.headline')}</th>
                <th scope="col">{t('critical.col.flags')}</th>
              </tr>
            </thead>
            <tbody>
              {risks.map((r) => (
                <tr key={r.good.id} data-good={r.good.id}>
                  <th scope="row">
                    <a
                      href={`#good-${r.good.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(`good-${r.good.id}`)?.scrollIntoView();
                      }}
                    >
                      {r.good[lang]}
                    </a>
                  </th>
                  <td>{r.good.ministry[lang]}</td>
                  <td className="num">{screen ? money(r.importValueUsd) : '—'}</td>
                  <td data-testid="headline">
                    {r.headline?.item
                      ? t('critical.headlineText', {
                          product: r.headline.code.hs6,
                          supplier: countryName(r.headline.item.topSupplier),
                          share: formatShare(r.headline.item.topShare, lang),
                          hhi: formatNumber(r.headline.item.hhi, lang, 3),
                        })
                      : screen
                        ? t('critical.noImports', { year })
                        : '—'}
                  </td>
                  <td>
                    {screen
                      ? t('critical.flaggedCount', { flagged: r.flaggedProducts, total: r.products.length })
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          {risks.map((r) => (
            <article
              key={r.good.id}
              id={`good-${r.good.id}`}
              aria-labelledby={`good-${r.good.id}-h`}
              className="good"
              data-good={r.good.id}
            >
              <h3 id={`good-${r.good.id}-h`}>
                {r.good.ja} <span lang="en">/ {r.good.en}</span>{' '}
                {r.good.edited && <span className="tag edited">{t('critical.edited')}</span>}{' '}
                <MarkingBadge marking={r.good.marking} />
              </h3>
              <dl className="sources">
                <div>
                  <dt>{t('critical.designation')}</dt>
                  <dd>{r.good.designation[lang]}</dd>
                </div>
                <div>
                  <dt>{t('critical.ministry')}</dt>
                  <dd>{r.good.ministry[lang]}</dd>
                </div>
                {r.good.note && (
                  <div>
                    <dt>{t('critical.note')}</dt>
                    <dd>{r.good.note}</dd>
                  </div>
                )}
              </dl>
              {r.good.updatedBy && (
                <p className="note">
                  {t('critical.updated', {
                    date: formatDate(r.good.updatedAt, lang),
                    user: r.good.updatedBy,
                  })}
                </p>
              )}
              {r.products.length > 0 && (
                <table className="products">
                  <thead>
                    <tr>
                      <th scope="col">{t('critical.col.hs6')}</th>
                      <th scope="col">{t('critical.col.label')}</th>
                      <th scope="col">{t('critical.col.match')}</th>
                      <th scope="col">{t('critical.col.importValue')}</th>
                      <th scope="col">{t('critical.col.topSupplier')}</th>
                      <th scope="col">{t('critical.col.topShare')}</th>
                      <th scope="col">{t('critical.col.hhi')}</th>
                      <th scope="col">{t('critical.col.flags')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.products.map((p) => (
                      <tr key={p.code.hs6} data-hs6={p.code.hs6}>
                        <th scope="row">
                          <a
                            href={dossier(p.code.hs6)}
                            aria-label={t('critical.dossier', { hs6: p.code.hs6 })}
                          >
                            {p.code.hs6}
                          </a>
                        </th>
                        <td>{label(p)}</td>
                        <td>{t(`critical.match.${p.code.match}`)}</td>
                        {p.item ? (
                          <>
                            <td className="num">{money(p.item.importValueUsd)}</td>
                            <td data-testid="top-supplier" data-iso3={p.item.topSupplier}>
                              {countryName(p.item.topSupplier)}
                            </td>
                            <td className="num">{formatShare(p.item.topShare, lang)}</td>
                            <td className="num">{formatNumber(p.item.hhi, lang, 3)}</td>
                            <td>{p.flaggedBy.map(methodName).join(', ') || t('critical.none')}</td>
                          </>
                        ) : (
                          <td colSpan={5}>{screen ? t('critical.notImported') : '—'}</td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {canEdit &&
                (editing === r.good.id ? (
                  <HsCodeEditor good={r.good} onSaved={saved} onClose={() => setEditing(null)} />
                ) : (
                  <button type="button" onClick={() => setEditing(r.good.id)}>
                    {t('critical.edit')}
                  </button>
                ))}
            </article>
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
