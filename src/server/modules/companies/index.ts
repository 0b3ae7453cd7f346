import { defineModule } from '../../platform/module';
import { registerCompanyImportJob } from './import';
import { companyImportRoutes } from './import-routes';
import { companyRoutes } from './routes';

export { companyBrns } from './brn-lookup';

/** The company registry: records, members, claims, link requests, imports, merges. */
export const companiesModule = defineModule({
  name: 'companies',
  routes: [companyRoutes, companyImportRoutes],
  jobs: (runner, { handle, config }) => registerCompanyImportJob(runner, handle, config),
});
