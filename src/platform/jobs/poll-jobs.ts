import { runDueJobs, type JobRunnerOptions } from './run-due-jobs.js';

/**
 * Runs the due jobs now (what a crash left behind runs at start), then every `everyMs`.
 * Runs never overlap in one process; another instance polling too is safe (SKIP LOCKED).
 * Returns a function that stops the polling and waits for the run in progress.
 */
export function pollJobs(opts: JobRunnerOptions, everyMs: number): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = runDueJobs(opts)
      .catch((err) => opts.log.error({ err }, 'job runner failed; it will try again at the next poll'))
      .finally(() => {
        busy = false;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
