import { pollJobs } from './poll-jobs.js';
import { runDueJobs, type JobRunnerOptions, type JobsRun } from './run-due-jobs.js';

/** The app's job runner, its handlers bound: `start` polls, tests call `runDueJobs` themselves. */
export interface JobRunner {
  runDueJobs(now?: Date): Promise<JobsRun>;
  /** Runs what is due now, then every `everyMs`; returns the stop. */
  start(everyMs: number): () => Promise<void>;
}

export function jobRunner(opts: JobRunnerOptions): JobRunner {
  return {
    runDueJobs: (now) => runDueJobs(opts, now),
    start: (everyMs) => pollJobs(opts, everyMs),
  };
}
