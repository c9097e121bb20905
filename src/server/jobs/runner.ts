import type { FastifyInstance } from 'fastify';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import {
  currentReadContext,
  markingOfReads,
  newReadContext,
  runWithReadContext,
  currentDatasetMarkings,
} from '../../data/security/index.ts';
import { ChokepointError } from '../../errors.ts';
import type { StateDb } from '../../data/state/index.ts';

/** What a job reports while it works: a fraction done (null when unknown) and what it is doing. */
export type JobProgress = (progress: number | null, stage: string) => void;

export interface JobOutcome {
  result: Record<string, unknown>;
  /** A file the job wrote, offered for download to users who may read the job. */
  file?: string;
  /** The join of the markings of what the job read (at least the job's own). */
  marking: Marking;
}

/** A failure as stored and shown: ChokepointError's code, message and place. */
export interface StoredError {
  code: string;
  message: string;
  place: unknown;
}

/**
 * Where background work keeps its record (the `jobs` table, `scenario_runs`): the same three writes for every
 * kind, so that jobs and scenario runs share one runner.
 */
export interface RunRecords<Outcome> {
  /** What the record is called in a user's words ("job", "run"). */
  what: string;
  progress(db: StateDb, id: string, progress: number | null, stage: string): Promise<void>;
  /**
   * The outcome; `read` is the join of the markings of everything the work read (readContext.ts), which the
   * stored marking must dominate: join it with whatever the outcome carries.
   */
  finish(db: StateDb, id: string, outcome: Outcome, read: Marking): Promise<void>;
  fail(db: StateDb, id: string, error: StoredError): Promise<void>;
}

/** Work running in this process (jobs and scenario runs), so that tests and shutdown can wait for it. */
export const runningWork = new Map<string, Promise<void>>();

/** Waits until all work running in this process has finished or failed (the server's shutdown does). */
export async function settleRunningWork(): Promise<void> {
  while (runningWork.size > 0) await Promise.allSettled(runningWork.values());
}

/**
 * Runs work in the background of the server process: progress goes to its record at most four times a second
 * (a new stage and the end always), then the outcome or a plain error (ChokepointError's message and place;
 * anything else is logged and reported as an internal failure without details).
 */
export function runInBackground<Outcome>(
  app: FastifyInstance,
  records: RunRecords<Outcome>,
  id: string,
  work: (progress: JobProgress) => Promise<Outcome>,
): void {
  const db = app.services.state;
  let last = 0;
  let lastStage = '';
  const progress: JobProgress = (fraction, stage) => {
    const now = Date.now();
    if (now - last < 250 && stage === lastStage && fraction !== 1) return;
    last = now;
    lastStage = stage;
    void records
      .progress(db, id, fraction === null ? null : Math.min(0.99, Math.max(0, fraction)), stage)
      .catch(() => undefined);
  };
  // The work reads as the user who started it (what they may not read is absent), in a context of its own, so
  // its result is marked with the join of what it read — with the datasets' markings as they are when it ends.
  const started = currentReadContext();
  const context = started ? newReadContext(started.reader, started.datasetMarkings) : undefined;
  const running = (async () => {
    try {
      const outcome = context
        ? await runWithReadContext(context, () => work(progress))
        : await work(progress);
      const read = context
        ? markingOfReads({
            ...context,
            datasetMarkings: await currentDatasetMarkings(db, app.services.catalog),
          })
        : publicMarking;
      await records.finish(db, id, outcome, read);
    } catch (error) {
      if (!(error instanceof ChokepointError)) app.log.error(error);
      const e: StoredError =
        error instanceof ChokepointError
          ? error.toJSON()
          : {
              code: 'internal',
              message: `the ${records.what} failed unexpectedly (see the server log)`,
              place: {},
            };
      await records.fail(db, id, e).catch(() => undefined);
    } finally {
      runningWork.delete(id);
    }
  })();
  runningWork.set(id, running);
}
