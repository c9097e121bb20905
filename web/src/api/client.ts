/** The web app's only way to the server: JSON over /api, errors as { code, message, place }. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Where the error is (file, line, field such as `shocks[0].duration`), so a form can show it by the field. */
    readonly place: { file?: string; line?: number; column?: string; field?: string } = {},
  ) {
    super(message);
  }
}

/** Changes echo the CSRF cookie in a header (double submit, docs/security.md). */
function csrfHeader(method: string | undefined): Record<string, string> {
  if (!method || ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())) return {};
  const match = /(?:^|;\s*)chokepoint_csrf=([^;]+)/.exec(document.cookie);
  return match ? { 'x-csrf-token': decodeURIComponent(match[1]) } : {};
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`/api${path}`, {
    credentials: 'same-origin',
    ...init,
    headers: {
      accept: 'application/json',
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...csrfHeader(init.method),
      ...init.headers,
    },
  });
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'error',
      body?.error?.message ?? response.statusText,
      body?.error?.place ?? {},
    );
  }
  return body as T;
}
