import { defineModule } from '../../platform/module';
import { mergeApplications } from './access';
import { notSelectedSameProgramYear } from './eligibility';
import { applicationRoutes } from './routes';

/** Applications (신청) to calls: drafts, documents, submission with receipt numbers, staff review. */
export const applicationsModule = defineModule({
  name: 'applications',
  routes: [applicationRoutes],
  eligibilityRules: { notSelectedSameProgramYear },
  onCompanyMerge: mergeApplications,
});
