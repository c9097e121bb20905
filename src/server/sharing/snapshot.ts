import type { FastifyRequest } from 'fastify';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import { ChokepointError, notFound } from '../../errors.ts';
import type { ShareKind } from '../../data/sharing/index.ts';
import { markingHeader } from '../security/enforcement.ts';

/**
 * The snapshot of a result at share time (issue 24), taken by asking the result's own API route in-process with
 * the sender's credentials: the sender's permissions and marking checks apply unchanged (a result the sender may
 * not read answers 404 here too), and the marking is the one the enforcement point computed for the response —
 * the join of everything the result read. The source names only parameters; the route is fixed per kind.
 */
interface SourceRoute {
  /** The source parameter that goes into the path. */
  param: string;
  path: (value: string) => string;
  /** Query parameters the kind always sends. */
  fixed?: Record<string, string>;
}

const e = encodeURIComponent;
export const sourceRoutes: Record<ShareKind, SourceRoute> = {
  screen: { param: 'reporter', path: () => '/api/screens' },
  dossier: { param: 'hs6', path: (v) => `/api/products/${e(v)}` },
  'scenario-run': { param: 'run', path: (v) => `/api/scenario-runs/${e(v)}` },
  zone: { param: 'entry', path: (v) => `/api/zones/${e(v)}` },
  'exercise-report': {
    param: 'exercise',
    path: (v) => `/api/exercises/${e(v)}/report`,
    fixed: { format: 'json' },
  },
};

export function sourceUrl(kind: ShareKind, source: Record<string, string>): string {
  const route = sourceRoutes[kind];
  const value = source[route.param];
  if (!value)
    throw new ChokepointError('bad_input', `a ${kind} share names its ${route.param}`, {
      field: `source.${route.param}`,
    });
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(source)) if (k !== route.param || kind === 'screen') query.set(k, v);
  for (const [k, v] of Object.entries(route.fixed ?? {})) query.set(k, v);
  const qs = query.toString();
  return `${route.path(value)}${qs ? `?${qs}` : ''}`;
}

export async function captureSnapshot(
  request: FastifyRequest,
  kind: ShareKind,
  source: Record<string, string>,
): Promise<{ snapshot: unknown; marking: Marking }> {
  const headers: Record<string, string> = {};
  for (const h of ['cookie', 'authorization'] as const) {
    const v = request.headers[h];
    if (typeof v === 'string') headers[h] = v;
  }
  const res = await request.server.inject({ method: 'GET', url: sourceUrl(kind, source), headers });
  if (res.statusCode === 404) throw notFound('result to share not found', { field: 'source' });
  if (res.statusCode !== 200) {
    const error = (res.json() as { error?: { code?: string; message?: string } }).error;
    throw new ChokepointError(
      error?.code === 'forbidden' ? 'forbidden' : 'bad_input',
      `the result to share could not be read: ${error?.message ?? res.statusCode}`,
      { field: 'source' },
    );
  }
  // The enforcement point sends the header on every marked response; none means the result is public.
  const header = res.headers[markingHeader];
  const marking = typeof header === 'string' ? (JSON.parse(header) as Marking) : publicMarking;
  return { snapshot: res.json(), marking };
}
