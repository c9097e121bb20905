import path from 'node:path';

/** Where chokepoint keeps its data: `--data-dir`, else $CHOKEPOINT_DATA_DIR, else ./data. */
export function resolveDataDir(flag?: string): string {
  return path.resolve(flag ?? process.env.CHOKEPOINT_DATA_DIR ?? 'data');
}

/** A local mirror laid out like ../shared/data: `--mirror`, else $CHOKEPOINT_MIRROR. */
export function resolveMirror(flag?: string): string | undefined {
  const dir = flag ?? process.env.CHOKEPOINT_MIRROR;
  return dir ? path.resolve(dir) : undefined;
}

export const defaultPort = 8080;

/**
 * The analytics engine: `--analytics URL`, else $CHOKEPOINT_ANALYTICS_URL, else none (embedded DuckDB). E.g.
 * clickhouse://127.0.0.1:8123/chokepoint (docs/scale-out.md).
 */
export function resolveAnalyticsUrl(flag?: string): string | undefined {
  const url = flag ?? process.env.CHOKEPOINT_ANALYTICS_URL;
  return url && url.trim() !== '' ? url.trim() : undefined;
}
