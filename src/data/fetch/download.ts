import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { ChokepointError } from '../../errors.ts';

export interface DownloadOptions {
  url: string;
  /** The partial file; kept between attempts and between runs, so a download resumes with a Range request. */
  dest: string;
  /** Expected size, when known: a partial file of this size is complete; the progress bar's total. */
  bytes?: number;
  /** No byte for this long → the attempt fails (ms, default 30 s). */
  idleTimeoutMs?: number;
  /** Attempts after the first one for network errors, timeouts and 5xx answers (default 4). */
  retries?: number;
  /** First wait between attempts (ms, default 1 s), doubled each time. */
  retryDelayMs?: number;
  maxRedirects?: number;
  onProgress?: (done: number, total: number | undefined) => void;
}

/** An HTTP answer that retrying will not fix (404, 403 …). */
class PermanentError extends Error {}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Downloads `url` to `dest` over HTTP(S): follows redirects, resumes a partial file with `Range: bytes=N-`
 * (a server that ignores Range answers 200 and the file restarts from zero), retries dropped connections,
 * timeouts and server errors with exponential back-off. Checksums are the caller's job.
 */
export async function download(options: DownloadOptions): Promise<void> {
  const retries = options.retries ?? 4;
  let delay = options.retryDelayMs ?? 1000;
  let lastError: Error | undefined;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (options.bytes !== undefined && sizeOf(options.dest) === options.bytes) return;
    try {
      await attemptDownload(options, options.url, options.maxRedirects ?? 5);
      if (options.bytes === undefined || sizeOf(options.dest) === options.bytes) return;
      lastError = new Error(`got ${sizeOf(options.dest)} of ${options.bytes} bytes`);
    } catch (error) {
      if (error instanceof PermanentError) {
        throw new ChokepointError(
          /\b404\b|\b410\b/.test(error.message) ? 'not_found' : 'network',
          error.message,
          {
            file: options.url,
          },
        );
      }
      lastError = error as Error;
    }
    if (attempt < retries) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay *= 2;
    }
  }
  throw new ChokepointError(
    'network',
    `download failed after ${retries + 1} attempts: ${lastError?.message ?? 'unknown error'} (the partial file is kept; run the command again to resume)`,
    { file: options.url },
  );
}

function attemptDownload(options: DownloadOptions, url: string, redirectsLeft: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const have = sizeOf(options.dest);
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
    if (!client) {
      reject(new PermanentError(`unsupported protocol ${target.protocol} in ${url}`));
      return;
    }
    const request = client.get(
      target,
      {
        headers: { 'user-agent': 'chokepoint-data-fetch', ...(have > 0 ? { range: `bytes=${have}-` } : {}) },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          if (redirectsLeft <= 0) {
            reject(new PermanentError(`too many redirects from ${options.url}`));
            return;
          }
          attemptDownload(
            options,
            new URL(response.headers.location, target).toString(),
            redirectsLeft - 1,
          ).then(resolve, reject);
          return;
        }
        if (status === 416) {
          // Range not satisfiable: the partial file is already whole, or longer than the resource (stale).
          response.resume();
          if (options.bytes !== undefined && have === options.bytes) resolve();
          else {
            fs.rmSync(options.dest, { force: true });
            reject(new Error(`HTTP 416 for ${url}: the partial file did not fit, starting again`));
          }
          return;
        }
        if (status !== 200 && status !== 206) {
          response.resume();
          const message = `HTTP ${status} ${response.statusMessage ?? ''} for ${url}`.replace(/\s+/g, ' ');
          reject(status >= 500 || status === 429 ? new Error(message) : new PermanentError(message));
          return;
        }
        const append = status === 206;
        const range = /^bytes (\d+)-/.exec(String(response.headers['content-range'] ?? ''));
        if (append && (!range || Number(range[1]) !== have)) {
          response.resume();
          fs.rmSync(options.dest, { force: true });
          reject(new Error(`the server resumed at the wrong offset (${response.headers['content-range']})`));
          return;
        }
        const length = Number(response.headers['content-length']);
        const total = options.bytes ?? (Number.isFinite(length) ? (append ? have : 0) + length : undefined);
        let done = append ? have : 0;
        const out = fs.createWriteStream(options.dest, { flags: append ? 'a' : 'w' });
        response.on('data', (chunk: Buffer) => {
          done += chunk.length;
          options.onProgress?.(done, total);
        });
        // A connection dropped mid-file ends the attempt with what was written kept for the next one.
        response.on('aborted', () => out.destroy(new Error(`connection closed after ${done} bytes`)));
        response.on('error', (error) => out.destroy(error));
        out.on('error', (error) => {
          response.destroy();
          reject(error);
        });
        out.on('finish', () => {
          if (!response.complete) reject(new Error(`connection closed after ${done} bytes`));
          else resolve();
        });
        response.pipe(out);
      },
    );
    request.setTimeout(options.idleTimeoutMs ?? 30_000, () => {
      request.destroy(
        new Error(`no data for ${Math.round((options.idleTimeoutMs ?? 30_000) / 1000)} s from ${url}`),
      );
    });
    request.on('error', reject);
  });
}
