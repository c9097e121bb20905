import type { FastifyInstance } from 'fastify';
import type { Marking } from '../../analysis/marking.ts';
import { ChokepointError } from '../../errors.ts';
import { failJob, finishJob, setJobProgress } from '../../data/jobStore.ts';

/** What a job reports while it works: a fraction done (null when unknown) and what it is doing. */
export type JobProgress = (progress: number | null, stage: string) => void;

export interface JobOutcome {
  result: Record<string, unknown>;
  /** A file the job wrote, offered for download to users who may read the job. */
  file?: string;
  /** The join of the markings of what the job read (at least the job's own). */
  marking: Marking;
}

/** Jobs running in this process, so that tests and shutdown can wait for them. */
export const runningJobs = new Map<string, Promise<void>>();

/**
 * Runs a job in the background of the server process: progress goes to the jobs table at most four times a
 * second, then the outcome or a plain error (ChokepointError's message and place; anything else is logged and
 * reported as an internal failure without details).
 */
export function runJob(
  app: FastifyInstance,
  jobId: string,
  work: (progress: JobProgress) => Promise<JobOutcome>,
): void {
  const db = app.services.state;
  let last = 0;
  let lastStage = '';
  const progress: JobProgress = (fraction, stage) => {
    const now = Date.now();
    if (now - last < 250 && stage === lastStage && fraction !== 1) return;
    last = now;
    lastStage = stage;
    void setJobProgress(
      db,
      jobId,
      fraction === null ? null : Math.min(0.99, Math.max(0, fraction)),
      stage,
    ).catch(() => undefined);
  };
  const job = (async () => {
    try {
      const outcome = await work(progress);
      await finishJob(db, jobId, outcome);
    } catch (error) {
      if (!(error instanceof ChokepointError)) app.log.error(error);
      const e =
        error instanceof ChokepointError
          ? error.toJSON()
          : { code: 'internal', message: 'the job failed unexpectedly (see the server log)', place: {} };
      await failJob(db, jobId, e).catch(() => undefined);
    } finally {
      runningJobs.delete(jobId);
    }
  })();
  runningJobs.set(jobId, job);
}
