import type { DbHandle } from '../db/client';
import type { JobRunner } from '../platform/jobs';
import { registerCompanyImportJob } from './companies/import';

/** Background job handlers of every module, registered at start-up. */
export function registerJobs(runner: JobRunner, handle: DbHandle) {
  void runner;
  void handle;
  registerCompanyImportJob(runner, handle);
}
