import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { WorldMap, type MapLine } from '../../components/WorldMap.tsx';
import { formatShare } from '../../format/numbers.ts';
import { useCurrency } from '../../format/currency.tsx';
import { href, navigate } from '../../router/router.ts';
import type { ViewProps } from '../../views.ts';
import './texts.ts';
import './chokepoints.css';
import {
  affectedPartners,
  exposurePath,
  filterFromQuery,
  filterToQuery,
  productRows,
  rerouteRequests,
  routePath,
  ruleRows,
  straitRows,
  toggleClosure,
  type ExposureFilter,
} from './exposureView.ts';
import { laneLines, mapColours, routeLine, straitPoints } from './mapLayers.ts';
import { partnerValuesByIsoNumeric, type CountryRef } from './partnerValues.ts';
import { StraitExposureTable } from './StraitExposureTable.tsx';
import { ClosureWhatIf } from './ClosureWhatIf.tsx';
import { RouteFinder } from './RouteFinder.tsx';
import type {
  ChokepointsResponse,
  ExposureResponse,
  Lang,
  NetworkResponse,
  RouteResponse,
  StraitsResponse,
} from './types.ts';

/**
 * #/chokepoints?reporter=JPN&year=2024[&hs=…][&closed=malacca,…]: world map of lanes and straits, the reporter's
 * exposure per strait with the freight rules behind it, a closure what-if with rerouted lines, and a route finder.
 */
export function ChokepointsPage({ route }: ViewProps) {
  const { t, i18n } = useTranslation();
  const { money } = useCurrency();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const filter = useMemo(() => filterFromQuery(route.query), [route.query]);
  const [form, setForm] = useState({ reporter: filter.reporter, year: String(filter.year), hs: filter.hs });
  const [network, setNetwork] = useState<NetworkResponse | null>(null);
  const [straits, setStraits] = useState<StraitsResponse | null>(null);
  const [passages, setPassages] = useState<ChokepointsResponse | null>(null);
  const [countries, setCountries] = useState<CountryRef[]>([]);
  const [report, setReport] = useState<ExposureResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rerouted, setRerouted] = useState<MapLine[]>([]);
  const [found, setFound] = useState<RouteResponse | null>(null);

  useEffect(() => {
    Promise.all([
      api<NetworkResponse>('/maritime/network.geojson'),
      api<StraitsResponse>('/maritime/straits.geojson'),
      api<ChokepointsResponse>('/maritime/chokepoints'),
      api<{ items: CountryRef[] }>('/countries'),
    ])
      .then(([n, s, c, k]) => {
        setNetwork(n);
        setStraits(s);
        setPassages(c);
        setCountries(k.items);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  const filterKey = exposurePath(filter);
  useEffect(() => {
    let active = true;
    setBusy(true);
    setError(null);
    api<ExposureResponse>(filterKey)
      .then((r) => active && setReport(r))
      .catch((e: Error) => {
        if (!active) return;
        setReport(null);
        setError(e.message);
      })
      .finally(() => active && setBusy(false));
    return () => {
      active = false;
    };
  }, [filterKey]);

  const passageName = (id: string) => {
    const p = passages?.items.find((x) => x.id === id);
    return p ? p[lang] : (report?.passageNames[id]?.[lang] ?? id);
  };
  const strRows = useMemo(() => (report ? straitRows(report, lang) : []), [report, lang]);
  const partnerRows = useMemo(() => (report?.scenario ? affectedPartners(report, lang) : []), [report, lang]);
  const rules = useMemo(() => (report ? ruleRows(report, lang) : []), [report, lang]);
  const products = useMemo(() => (report ? productRows(report, lang) : []), [report, lang]);
  const percent = (v: number) => formatShare(v, lang);

  // Route lines for the largest affected partners: today's route and the one around the closed straits.
  const routeKey = JSON.stringify(rerouteRequests(partnerRows, filter.closed));
  useEffect(() => {
    let active = true;
    const requests = rerouteRequests(partnerRows, filter.closed);
    Promise.all(requests.map((r) => api<RouteResponse>(routePath(r)).then((res) => ({ r, res }))))
      .then((list) => {
        if (!active) return;
        setRerouted(
          list
            .filter(({ res }) => res.route)
            .map(({ r, res }) =>
              routeLine(
                `${r.key}`,
                res.route!.geometry,
                r.kind === 'baseline' ? mapColours.baseline : mapColours.reroute,
                `${report?.partnerNames[r.partner]?.[lang] ?? r.partner}: ${r.from} → ${r.to}`,
              ),
            ),
        );
      })
      .catch((e: Error) => active && setError(e.message));
    return () => {
      active = false;
    };
    // routeKey stands for partnerRows and the closures (a new array each render, the same requests).
  }, [routeKey]);

  const lanes = useMemo(
    () => (network ? laneLines(network.features, filter.closed) : []),
    [network, filter.closed],
  );
  const shareOf = useMemo(() => new Map(strRows.map((r) => [r.passage, r.shareOfImports])), [strRows]);
  const points = useMemo(
    () =>
      straits
        ? straitPoints(straits.features, lang, filter.closed, (p) => {
            const share = shareOf.get(p);
            return share === undefined ? undefined : formatShare(share, lang);
          })
        : [],
    [straits, lang, filter.closed, shareOf],
  );
  const { values, names } = useMemo(
    () => partnerValuesByIsoNumeric(report, countries, lang),
    [report, countries, lang],
  );
  const lines = useMemo(() => {
    const extra = found?.route
      ? [
          routeLine(
            'found',
            found.route.geometry,
            mapColours.found,
            `${found.from.code} → ${found.to.code}`,
            3,
          ),
        ]
      : [];
    return [...lanes, ...rerouted, ...extra];
  }, [lanes, rerouted, found]);

  const go = (next: ExposureFilter) => navigate(['chokepoints'], filterToQuery(next));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({
      ...filter,
      reporter: form.reporter.trim().toUpperCase(),
      year: Number(form.year),
      hs: form.hs.trim(),
    });
  };
  const toggle = (passage: string) => go({ ...filter, closed: toggleClosure(filter.closed, passage) });
  const ruleLabel = (rule: string) => report?.byRule.find((r) => r.rule === rule)?.[lang] ?? rule;

  return (
    <section aria-labelledby="chokepoints-heading" className="chokepoints">
      <h2 id="chokepoints-heading">
        {t('chokepoints.title')} <MarkingBadge marking={report?.marking ?? network?.marking} />
      </h2>
      <p>{t('chokepoints.intro')}</p>
      <form onSubmit={submit} className="filters">
        <label>
          {t('chokepoints.reporter')}{' '}
          <input
            name="reporter"
            list="chokepoint-countries"
            value={form.reporter}
            size={6}
            onChange={(e) => setForm({ ...form, reporter: e.target.value })}
          />
        </label>
        <datalist id="chokepoint-countries">
          {countries.map((c) => (
            <option key={c.iso3} value={c.iso3}>
              {c[lang]}
            </option>
          ))}
        </datalist>
        <label>
          {t('chokepoints.year')}{' '}
          <input
            name="year"
            type="number"
            min={1950}
            max={2100}
            value={form.year}
            onChange={(e) => setForm({ ...form, year: e.target.value })}
          />
        </label>
        <label>
          {t('chokepoints.product')}{' '}
          <input
            name="hs"
            value={form.hs}
            size={8}
            pattern="[0-9]{2,6}"
            onChange={(e) => setForm({ ...form, hs: e.target.value })}
          />
        </label>
        <button type="submit">{t('chokepoints.apply')}</button>
      </form>
      <p aria-live="polite" role="status" className="status">
        {!network && !error ? t('chokepoints.loading') : busy ? t('chokepoints.computing') : ''}
      </p>
      {error && <p role="alert">{t('chokepoints.error', { message: error })}</p>}
      {report?.synthetic && (
        <p className="banner synthetic" role="status">
          {t('provenance.synthetic')}: {report.provenance.trade.title ?? report.provenance.trade.dataset}
        </p>
      )}

      <div className="map-frame" data-testid="chokepoint-map">
        {network && (
          <WorldMap
            title={t('chokepoints.mapTitle')}
            lines={lines}
            points={points}
            values={values}
            names={names}
            format={(v) => money(v * 1000)}
            height={480}
          />
        )}
        <ul className="legend">
          {(['lane', 'passageLane', 'closedLane', 'baseline', 'reroute', 'found', 'strait'] as const).map(
            (k) => (
              <li key={k}>
                <span className="swatch" style={{ background: mapColours[k] }} aria-hidden="true" />{' '}
                {t(`chokepoints.legend.${k}`)}
              </li>
            ),
          )}
        </ul>
      </div>

      {report && (
        <>
          <h3>{t('chokepoints.exposure.heading')}</h3>
          <p data-testid="exposure-summary" data-total-kusd={report.totalValueKusd}>
            {t('chokepoints.exposure.summary', {
              reporter: report.reporter[lang],
              year: report.year,
              product: report.hs ? t('chokepoints.exposure.oneProduct', { hs: report.hs }) : '',
              total: money(report.totalValueKusd * 1000),
              sea: money(report.seaValueKusd * 1000),
            })}
          </p>
          <StraitExposureTable
            rows={strRows}
            reporter={report.reporter.code}
            year={report.year}
            ruleLabel={ruleLabel}
            onToggle={toggle}
          />
          {products.length > 0 && (
            <>
              <h3>{t('chokepoints.products.heading')}</h3>
              <table data-testid="exposed-products">
                <thead>
                  <tr>
                    <th scope="col">{t('chokepoints.col.product')}</th>
                    <th scope="col">{t('chokepoints.products.imports')}</th>
                    <th scope="col">{t('chokepoints.products.seaShare')}</th>
                    <th scope="col">{t('chokepoints.products.mainStrait')}</th>
                    <th scope="col">{t('chokepoints.products.mainShare')}</th>
                  </tr>
                </thead>
                <tbody>
                  {products.map((p) => (
                    <tr key={p.product}>
                      <th scope="row">
                        <a
                          href={href(['product', p.product], {
                            reporter: report.reporter.code,
                            year: report.year,
                          })}
                        >
                          {p.product}
                        </a>
                      </th>
                      <td className="num">{money(p.valueKusd * 1000)}</td>
                      <td className="num">{percent(p.seaShare)}</td>
                      <td>{p.mainStrait.name}</td>
                      <td className="num">{percent(p.mainStrait.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <h3>{t('chokepoints.rules.heading')}</h3>
          <table data-testid="freight-rules">
            <thead>
              <tr>
                <th scope="col">{t('chokepoints.col.rule')}</th>
                <th scope="col">{t('chokepoints.col.value')}</th>
                <th scope="col">{t('chokepoints.col.share')}</th>
                <th scope="col">{t('chokepoints.col.flows')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.rule}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{money(r.valueKusd * 1000)}</td>
                  <td className="num">{percent(r.share)}</td>
                  <td className="num">{r.flows}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="note">{t('chokepoints.rules.note')}</p>
        </>
      )}

      {passages && (
        <ClosureWhatIf
          passages={passages.items}
          closed={filter.closed}
          onToggle={toggle}
          report={report}
          rows={partnerRows}
          passageName={passageName}
        />
      )}
      <RouteFinder closed={filter.closed} passageName={passageName} onRoute={setFound} />
      <ProvenanceFooter
        money
        provenance={
          report
            ? [{ ...report.provenance.trade }, { ...report.provenance.network, method: report.method }]
            : network?.provenance
        }
      />
    </section>
  );
}
