import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../api/client.ts';
import { useGetWhen } from '../../api/useGet.ts';
import { formatNumber } from '../../format/numbers.ts';
import { routeQuery } from './exposureView.ts';
import type { Lang, PortSummary, RouteResponse } from './types.ts';

/** Ports matching what the user typed (code prefix or name), for the field's suggestion list. */
function usePortOptions(text: string): PortSummary[] {
  // Asked 200 ms after the last keystroke, from two characters on (the list before stays until then).
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const ports = useGetWhen(q.length >= 2, 'GET /api/maritime/ports', { query: { q, limit: 20 } });
  return ports.error ? [] : (ports.data?.items ?? []);
}

/** Port-to-port route (UN/LOCODE) with the page's closures or none: distance, days, passages in order, or none. */
export function RouteFinder({
  closed,
  passageName,
  onRoute,
}: {
  closed: string[];
  passageName: (id: string) => string;
  onRoute: (route: RouteResponse | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const [from, setFrom] = useState('JPYOK');
  const [to, setTo] = useState('NLRTM');
  const [speed, setSpeed] = useState(14);
  const [useClosures, setUseClosures] = useState(true);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RouteResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fromOptions = usePortOptions(from);
  const toOptions = usePortOptions(to);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    get('GET /api/maritime/route', {
      query: routeQuery({ from: from.trim(), to: to.trim(), closed: useClosures ? closed : [] }, speed),
    })
      .then((r) => {
        setResult(r);
        onRoute(r);
      })
      .catch((e: Error) => {
        setResult(null);
        onRoute(null);
        setError(e.message);
      })
      .finally(() => setBusy(false));
  };

  return (
    <section aria-labelledby="route-heading" className="route-finder">
      <h3 id="route-heading">{t('chokepoints.route.heading')}</h3>
      <form onSubmit={submit} className="filters">
        <label>
          {t('chokepoints.route.from')}{' '}
          <input
            name="from"
            list="ports-from"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            size={8}
            required
          />
        </label>
        <label>
          {t('chokepoints.route.to')}{' '}
          <input
            name="to"
            list="ports-to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            size={8}
            required
          />
        </label>
        <label>
          {t('chokepoints.route.speed')}{' '}
          <input
            name="speed"
            type="number"
            min={1}
            max={60}
            step={0.5}
            value={speed}
            onChange={(e) => setSpeed(Number(e.target.value))}
          />
        </label>
        <label>
          <input type="checkbox" checked={useClosures} onChange={(e) => setUseClosures(e.target.checked)} />{' '}
          {t('chokepoints.route.useClosures')}
        </label>
        <PortList id="ports-from" ports={fromOptions} />
        <PortList id="ports-to" ports={toOptions} />
        <button type="submit" disabled={busy}>
          {t('chokepoints.route.find')}
        </button>
      </form>
      <div aria-live="polite" data-testid="route-result">
        {error && <p role="alert">{t('chokepoints.error', { message: error })}</p>}
        {result && result.route === null && (
          <p>{t('chokepoints.route.none', { message: result.message ?? '' })}</p>
        )}
        {result?.route && (
          <dl className="figures">
            <div>
              <dt>{t('chokepoints.route.distance')}</dt>
              <dd>{t('chokepoints.km', { km: formatNumber(result.route.distanceKm, lang, 0) })}</dd>
            </div>
            <div>
              <dt>{t('chokepoints.route.days')}</dt>
              <dd>{t('chokepoints.days', { days: formatNumber(result.route.days, lang, 1) })}</dd>
            </div>
            <div>
              <dt>{t('chokepoints.route.passages')}</dt>
              <dd>
                {result.route.passages.length ? (
                  <ol className="passages">
                    {result.route.passages.map((p, i) => (
                      <li key={`${p}-${i}`}>{passageName(p)}</li>
                    ))}
                  </ol>
                ) : (
                  t('chokepoints.route.direct')
                )}
              </dd>
            </div>
          </dl>
        )}
      </div>
    </section>
  );
}

function PortList({ id, ports }: { id: string; ports: PortSummary[] }) {
  return (
    <datalist id={id}>
      {ports.map((p) => (
        <option key={p.code} value={p.code}>
          {p.name} ({p.country})
        </option>
      ))}
    </datalist>
  );
}
