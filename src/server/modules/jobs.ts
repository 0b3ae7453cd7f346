import type { Config } from '../config';
import type { DbHandle } from '../db/client';
import type { JobRunner } from '../platform/jobs';
import { registerCompanyImportJob } from './companies/import';

/** Background job handlers of every module, registered at start-up with the app's configuration. */
export function registerJobs(runner: JobRunner, handle: DbHandle, config: Pick<Config, 'files'>) {
  registerCompanyImportJob(runner, handle, config);
}
