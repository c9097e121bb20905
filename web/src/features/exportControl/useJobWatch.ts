import { useEffect } from 'react';
import { useGetWhen } from '../../api/useGet.ts';

/** A job (GET /api/jobs/:id), loaded again every `everyMs` while it is queued or running. */
export function useJobWatch(id: string | null, everyMs = 500) {
  const job = useGetWhen(id !== null, 'GET /api/jobs/{id}', { path: { id: id ?? '' } });
  const status = job.data?.id === id ? job.data?.status : undefined;
  const { reload } = job;
  useEffect(() => {
    if (id === null || status === 'done' || status === 'failed') return;
    const timer = window.setTimeout(reload, everyMs);
    return () => window.clearTimeout(timer);
  }, [id, status, reload, everyMs, job.data]);
  return job;
}
