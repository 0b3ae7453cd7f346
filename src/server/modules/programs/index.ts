import { defineModule } from '../../platform/module';
import { purgeOrphanedAttachments } from './attachments';
import { companyFactRules } from './eligibility';
import { programRoutes } from './routes';

export { type CallRef, callRef } from './call-ref';

export type {
  EligibilityContext,
  EligibilityEvaluator,
  EligibilityEvaluators,
  EligibilityRegistry,
} from './eligibility';

/** Programs (지원사업) and their calls (공고): forms, attachments, eligibility rules, lifecycle. */
export const programsModule = defineModule({
  name: 'programs',
  routes: [programRoutes],
  maintenance: [purgeOrphanedAttachments],
  eligibilityRules: companyFactRules,
});
