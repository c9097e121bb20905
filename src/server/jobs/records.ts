import { joinMarkings, type Marking } from '../../analysis/marking.ts';
import { failJob, finishJob, setJobProgress } from '../../data/state/index.ts';
import { failRun, finishRun, setRunProgress, type ScenarioRunOutput } from '../../data/scenario/index.ts';
import type { JobOutcome, RunRecords } from './runner.ts';

/** The records background work writes to: the `jobs` table and `scenario_runs`. */

/** A job's record for the background runner: progress, stage and outcome go to the `jobs` table. */
export const jobRecords: RunRecords<JobOutcome> = {
  what: 'job',
  progress: setJobProgress,
  finish: (db, id, outcome, read) => finishJob(db, id, { ...outcome, marking: joinMarkings([outcome.marking, read]) }),
  fail: failJob,
};

/** A scenario run's record for the background runner: progress and outcome go to `scenario_runs`. */
export const scenarioRunRecords: RunRecords<{ result: ScenarioRunOutput; marking: Marking }> = {
  what: 'run',
  progress: (db, id, progress) => setRunProgress(db, id, progress),
  finish: (db, id, outcome, read) => finishRun(db, id, outcome.result, joinMarkings([outcome.marking, read])),
  fail: failRun,
};
