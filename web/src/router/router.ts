import { useEffect, useState } from 'react';

/**
 * A small hash router: "#/product/811292?reporter=JPN" → { path: ['product', '811292'], query }.
 * Hash routes keep the server simple (one index.html) and make every view linkable.
 */
export interface Route {
  path: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart, queryPart = ''] = raw.split('?');
  return { path: pathPart.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(queryPart) };
}

export function href(path: string[], query?: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return `#/${path.map(encodeURIComponent).join('/')}${qs ? `?${qs}` : ''}`;
}

/** The mounted useRoute hooks, told of a navigate() at once (see there). */
const routeListeners = new Set<() => void>();

export function navigate(path: string[], query?: Record<string, string | number | undefined>): void {
  window.location.hash = href(path, query);
  // The browser fires hashchange later, in a task of its own: tell the views now, so that an input bound to the
  // URL (a checkbox of the screening filters) shows its new state within the same event instead of flipping back
  // until the event arrives.
  for (const listener of routeListeners) listener();
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    let current = window.location.hash;
    const onChange = () => {
      if (window.location.hash === current) return; // already seen through navigate()
      current = window.location.hash;
      setRoute(parseHash(current));
    };
    routeListeners.add(onChange);
    window.addEventListener('hashchange', onChange);
    return () => {
      routeListeners.delete(onChange);
      window.removeEventListener('hashchange', onChange);
    };
  }, []);
  return route;
}
