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
