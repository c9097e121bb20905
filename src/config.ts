import path from 'node:path';
import { ChokepointError } from './errors.ts';

/**
 * chokepoint's configuration from the environment, read here and nowhere else: the server, the CLI and the data
 * layer call these accessors. Each reads its variable when called (so a test may set one around a call), gives
 * the default when it is unset or empty, and refuses a bad value with an error naming the variable.
 */
function setting(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** A number within [min, max] (an integer when `integer`), or the default when unset. */
function numberSetting(
  name: string,
  fallback: number,
  { min, max, integer }: { min: number; max: number; integer: boolean },
): number {
  const text = setting(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  const kind = integer ? 'a whole number' : 'a number';
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    throw new ChokepointError('bad_input', `${name} must be ${kind} from ${min} to ${max}, not "${text}"`, {
      field: name,
    });
  }
  return value;
}

/** Where chokepoint keeps its data: `--data-dir`, else $CHOKEPOINT_DATA_DIR, else ./data. */
export function resolveDataDir(flag?: string): string {
  return path.resolve(flag ?? setting('CHOKEPOINT_DATA_DIR') ?? 'data');
}

/** A local mirror laid out like ../shared/data: `--mirror`, else $CHOKEPOINT_MIRROR. */
export function resolveMirror(flag?: string): string | undefined {
  const dir = flag ?? setting('CHOKEPOINT_MIRROR');
  return dir ? path.resolve(dir) : undefined;
}

/** The application-state database: $DATABASE_URL (postgres://…); undefined means PGlite in the data directory. */
export function databaseUrl(): string | undefined {
  return setting('DATABASE_URL');
}

export const defaultPort = 8080;

/**
 * The analytics engine: `--analytics URL`, else $CHOKEPOINT_ANALYTICS_URL, else none (embedded DuckDB). E.g.
 * clickhouse://127.0.0.1:8123/chokepoint (docs/scale-out.md).
 */
export function resolveAnalyticsUrl(flag?: string): string | undefined {
  const url = (flag ?? setting('CHOKEPOINT_ANALYTICS_URL'))?.trim();
  return url ? url : undefined;
}

/** The port `chokepoint serve` listens on: $PORT, else 8080. */
export function serverPort(): number {
  return numberSetting('PORT', defaultPort, { min: 0, max: 65535, integer: true });
}

/** The address `chokepoint serve` listens on: $HOST, else 127.0.0.1 (this machine only). */
export function serverHost(): string {
  return setting('HOST') ?? '127.0.0.1';
}

/**
 * Origins besides the server's own that a browser may open the live exercise WebSocket from (e.g. the Vite dev
 * server): $CHOKEPOINT_ALLOWED_ORIGINS, comma-separated full origins such as `http://localhost:5173`; each must
 * parse as a URL and be an origin only (no path).
 */
export function allowedOrigins(): string[] {
  const items = (setting('CHOKEPOINT_ALLOWED_ORIGINS') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.map((item) => {
    let origin: string | undefined;
    try {
      origin = new URL(item).origin;
    } catch {
      origin = undefined;
    }
    if (origin !== item)
      throw new ChokepointError(
        'bad_input',
        `CHOKEPOINT_ALLOWED_ORIGINS must list origins such as http://localhost:5173, not "${item}"`,
        { field: 'CHOKEPOINT_ALLOWED_ORIGINS' },
      );
    return origin;
  });
}

/** Seconds between the server's scans of due early-warning items: $CHOKEPOINT_EWS_INTERVAL_SECONDS, else 900; 0 = off. */
export function ewsIntervalSeconds(): number {
  return numberSetting('CHOKEPOINT_EWS_INTERVAL_SECONDS', 900, {
    min: 0,
    max: 31 * 24 * 3600,
    integer: false,
  });
}

/**
 * The SMTP relay early-warning mail goes through: $CHOKEPOINT_SMTP_HOST, port $CHOKEPOINT_SMTP_PORT (else 25),
 * sender $CHOKEPOINT_SMTP_FROM (else ews@localhost); undefined when no host is set (mail targets then fail).
 */
export function smtpRelay(): { host: string; port: number; from: string } | undefined {
  const host = setting('CHOKEPOINT_SMTP_HOST');
  if (!host) return undefined;
  return {
    host,
    port: numberSetting('CHOKEPOINT_SMTP_PORT', 25, { min: 1, max: 65535, integer: true }),
    from: setting('CHOKEPOINT_SMTP_FROM') ?? 'ews@localhost',
  };
}

/** A TrueType font with Japanese glyphs for PDF output ($CHOKEPOINT_JA_FONT), else the given default. */
export function japaneseFontFile(fallback: string): string {
  return setting('CHOKEPOINT_JA_FONT') ?? fallback;
}

/** Who the CLI records as the author of an edit: the operating-system user ($USER), else "cli". */
export function cliActor(): string {
  return setting('USER') ?? 'cli';
}
