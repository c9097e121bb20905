import type { ApiDownloads, ApiResponses } from './schema.ts';

/** An API error as the server sends it: { code, message, place, reason?, params? } (src/errors.ts). */
export interface ApiErrorParts {
  code: string;
  /** The server's English message. */
  message: string;
  /** Where the error is (file, line, field such as `shocks[0].duration`), so a form can show it by the field. */
  place: { file?: string; line?: number; column?: string; field?: string };
  /** What went wrong precisely, with its parameters (src/errorReasons.ts): the web says it in the user's language. */
  reason?: string;
  params?: Record<string, string | number>;
}

let translate: ((e: ApiErrorParts) => string) | null = null;

/** Sets how errors are said to the user (api/errorText.ts, in the user's language); until then, the server's words. */
export function translateApiErrorsWith(fn: (e: ApiErrorParts) => string): void {
  translate = fn;
}

/** An error the API sent or a job or run stored, in the user's language. */
export function apiErrorMessage(e: ApiErrorParts): string {
  return translate ? translate(e) : e.message;
}

/** The web app's only way to the server: JSON over /api; an error's message is in the user's language. */
export class ApiError extends Error {
  /** The server's English message. */
  readonly serverMessage: string;
  readonly reason?: string;
  readonly params?: Record<string, string | number>;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Where the error is (file, line, field such as `shocks[0].duration`), so a form can show it by the field. */
    readonly place: ApiErrorParts['place'] = {},
    detail: Pick<ApiErrorParts, 'reason' | 'params'> = {},
    /** The whole error body, for routes that answer more than the error (a submission's problems by row). */
    readonly body: unknown = null,
  ) {
    super(apiErrorMessage({ code, message, place, ...detail }));
    this.serverMessage = message;
    this.reason = detail.reason;
    this.params = detail.params;
  }
}

/** A route as the generated schema names it: 'GET /api/screens', 'PUT /api/scenarios/{id}'. */
export type ApiKey = keyof ApiResponses;
/** A route that answers with a file (linked to, never fetched as JSON): 'GET /api/screens/export'. */
export type DownloadKey = keyof ApiDownloads;
type AnyKey = ApiKey | DownloadKey;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type KeyOf<M extends Method> = Extract<ApiKey, `${M} ${string}`>;

/** The path parameters a route names in braces: 'GET /api/scenarios/{id}/runs' → 'id'. */
type PathNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathNames<Rest>
  : never;

/** Query values; undefined, null and '' are left out of the URL (as `href` does for the hash route). */
export type Query = Record<string, string | number | boolean | null | undefined>;

export type Options<K extends AnyKey> = {
  query?: Query | URLSearchParams;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
} & ([PathNames<K>] extends [never] ? { path?: undefined } : { path: Record<PathNames<K>, string> });

/** The options are optional only for a route without path parameters. */
export type Args<K extends AnyKey> = [PathNames<K>] extends [never]
  ? [options?: Options<K>]
  : [options: Options<K>];

/**
 * The URL of a route: its path parameters substituted and encoded, the query appended.
 * `apiUrl('GET /api/scenarios/{id}', { path: { id: 'a/b' } })` → '/api/scenarios/a%2Fb'. Download links use it too:
 * `apiUrl('GET /api/zones/{entry}/dossier', { path: { entry }, query: { lang, format: 'pdf' } })`.
 */
export function apiUrl<K extends AnyKey>(key: K, ...[options]: Args<K>): string {
  const params = (options?.path ?? {}) as Record<string, string>;
  const path = key.slice(key.indexOf(' ') + 1).replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`${key}: path parameter ${name} is missing`);
    return encodeURIComponent(params[name]);
  });
  const query = options?.query;
  const search =
    query instanceof URLSearchParams
      ? query
      : new URLSearchParams(
          Object.entries(query ?? {})
            .filter(([, v]) => v !== undefined && v !== null && v !== '')
            .map(([k, v]) => [k, String(v)]),
        );
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Changes echo the CSRF cookie in a header (double submit, docs/security.md). */
function csrfHeader(method: string): Record<string, string> {
  if (method === 'GET') return {};
  const match = /(?:^|;\s*)chokepoint_csrf=([^;]+)/.exec(document.cookie);
  return match ? { 'x-csrf-token': decodeURIComponent(match[1]) } : {};
}

/** Sends a request to a route of the generated schema; the answer has that route's response type. */
export async function request<K extends ApiKey>(key: K, ...args: Args<K>): Promise<ApiResponses[K]> {
  const [options] = args;
  const method = key.slice(0, key.indexOf(' '));
  const hasBody = options?.body !== undefined;
  const response = await fetch(apiUrl(key, ...args), {
    method,
    credentials: 'same-origin',
    signal: options?.signal,
    headers: {
      accept: 'application/json',
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...csrfHeader(method),
    },
    body: hasBody ? JSON.stringify(options?.body) : undefined,
  });
  // 204 has no body, whatever content type a server names.
  const json = response.status !== 204 && response.headers.get('content-type')?.includes('json');
  const body = json ? await response.json() : null;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'error',
      body?.error?.message ?? response.statusText,
      body?.error?.place ?? {},
      { reason: body?.error?.reason, params: body?.error?.params },
      body,
    );
  }
  return body as ApiResponses[K];
}

export const get = <K extends KeyOf<'GET'>>(key: K, ...args: Args<K>) => request(key, ...args);
export const post = <K extends KeyOf<'POST'>>(key: K, ...args: Args<K>) => request(key, ...args);
export const put = <K extends KeyOf<'PUT'>>(key: K, ...args: Args<K>) => request(key, ...args);
export const del = <K extends KeyOf<'DELETE'>>(key: K, ...args: Args<K>) => request(key, ...args);
