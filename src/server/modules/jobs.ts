import type { DbHandle } from '../db/client';
import type { JobRunner } from '../platform/jobs';

/** Background job handlers of every module, registered at start-up. */
export function registerJobs(runner: JobRunner, handle: DbHandle) {
  void runner;
  void handle;
}
