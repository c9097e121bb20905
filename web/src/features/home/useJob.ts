import { useEffect, useRef, useState } from 'react';
import { ApiError, get, post } from '../../api/client.ts';
import type { Job } from './types.ts';

/**
 * Starts a job (POST /api/jobs) and polls it (GET /api/jobs/:id) until it is done or failed; `onDone` runs once
 * when it finishes well. Refusals before the start (no mirror, wrong role) come back as `error` with the field.
 */
export function useJob(onDone: () => void) {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const poll = (id: string) => {
    get('GET /api/jobs/{id}', { path: { id } })
      .then((next) => {
        setJob(next);
        if (next.status === 'done') onDone();
        else if (next.status !== 'failed') timer.current = window.setTimeout(() => poll(id), 400);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e))));
  };

  const start = (body: Record<string, unknown>) => {
    window.clearTimeout(timer.current);
    setError(null);
    setJob(null);
    post('POST /api/jobs', { body })
      .then((started) => {
        setJob(started);
        poll(started.id);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e))));
  };

  const busy = job !== null && (job.status === 'queued' || job.status === 'running');
  return { job, error, busy, start };
}
