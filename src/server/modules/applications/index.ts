import { defineModule } from '../../platform/module';
import { mergeApplications } from './access';
import { notSelectedSameProgramYear } from './eligibility';
import { applicationCountSql } from './read-models';
import { applicationRoutes } from './routes';
import { supportedFirmsSql } from './supported';

export {
  DECISION_STATUSES,
  type Decision,
  type DecisionStatus,
  recordDecisions,
  UNDECIDED_STATUSES,
  undecidedCount,
} from './decisions';
export {
  applicationForReview,
  applicationRef,
  applicationRefs,
  EVALUATED_STATUSES,
  type EvaluatedApplication,
  evaluatedApplications,
  isApplicationDocument,
} from './evaluation-read';
export { applicationCountSql } from './read-models';
export { supportedFirmsSql } from './supported';

/** Applications (신청) to calls: drafts, documents, submission with receipt numbers, staff review. */
export const applicationsModule = defineModule({
  name: 'applications',
  routes: [applicationRoutes],
  eligibilityRules: { notSelectedSameProgramYear },
  onCompanyMerge: mergeApplications,
  readModels: { applicationCountSql, supportedFirmsSql },
});
