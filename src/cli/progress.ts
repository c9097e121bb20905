/**
 * Progress on stderr with rate and ETA. On a terminal it redraws one line; elsewhere (CI, pipes) it prints a
 * line at most every few seconds, so logs stay readable. Silent with --quiet or when --json goes to a pipe
 * is not needed: progress never touches stdout.
 */
export interface Progress {
  /** Sets the absolute amount done (in `unit`s). */
  update(done: number, note?: string): void;
  done(message?: string): void;
}

export interface ProgressOptions {
  label: string;
  total?: number;
  unit?: string;
  stream?: NodeJS.WriteStream;
  quiet?: boolean;
}

export function formatCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)} k`;
  return String(Math.round(n));
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m}m${Math.round(seconds % 60)}s` : `${Math.floor(m / 60)}h${m % 60}m`;
}

export function startProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const unit = options.unit ?? '';
  const started = Date.now();
  let lastPrint = 0;
  const tty = Boolean(stream.isTTY);
  const line = (done: number, note?: string): string => {
    const elapsed = (Date.now() - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const parts = [options.label];
    if (options.total) {
      const fraction = Math.min(1, done / options.total);
      const width = 24;
      const filled = Math.round(fraction * width);
      parts.push(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(1)}%`);
      parts.push(`${formatCount(done)}/${formatCount(options.total)} ${unit}`.trim());
      parts.push(`ETA ${rate > 0 ? formatDuration((options.total - done) / rate) : '?'}`);
    } else {
      parts.push(`${formatCount(done)} ${unit}`.trim());
    }
    parts.push(`${formatCount(rate)} ${unit}/s`.trim());
    if (note) parts.push(note);
    return parts.join('  ');
  };
  return {
    update(done, note) {
      if (options.quiet) return;
      const now = Date.now();
      if (tty) {
        if (now - lastPrint < 100) return;
        stream.write(`\r\x1b[K${line(done, note)}`);
      } else {
        if (now - lastPrint < 5000) return;
        stream.write(`${line(done, note)}\n`);
      }
      lastPrint = now;
    },
    done(message) {
      if (options.quiet) return;
      const elapsed = formatDuration((Date.now() - started) / 1000);
      if (tty) stream.write('\r\x1b[K');
      stream.write(`${options.label}: ${message ?? 'done'} (${elapsed})\n`);
    },
  };
}
