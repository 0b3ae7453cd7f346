import { defineModule } from '../../platform/module';
import { purgeOrphanedAttachments } from './attachments';
import { companyFactRules } from './eligibility';
import { callRefsSql, releaseSubmissionSlotSql, takeSubmissionSlotSql } from './read-models';
import { programRoutes } from './routes';
import { callAcceptsSql, callWindowSql, effectiveStatusSql } from './window';

export { type CallRef, callRef } from './call-ref';

export type {
  EligibilityContext,
  EligibilityEvaluator,
  EligibilityEvaluators,
  EligibilityRegistry,
} from './eligibility';
export { callRefsSql, releaseSubmissionSlotSql, takeSubmissionSlotSql } from './read-models';
export {
  currentForm,
  dbNow,
  eligibilityOf,
  listCalls,
  listPrograms,
  loadCall,
  loadCallForm,
  loadCompanyFacts,
} from './service';
export { type CallWindowColumns, callAcceptsSql, callWindowSql, effectiveStatusSql } from './window';

/** Programs (지원사업) and their calls (공고): forms, attachments, eligibility rules, lifecycle. */
export const programsModule = defineModule({
  name: 'programs',
  routes: [programRoutes],
  maintenance: [purgeOrphanedAttachments],
  eligibilityRules: companyFactRules,
  readModels: {
    callWindowSql,
    callAcceptsSql,
    effectiveStatusSql,
    callRefsSql,
    takeSubmissionSlotSql,
    releaseSubmissionSlotSql,
  },
});
