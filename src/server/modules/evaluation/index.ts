import { defineModule } from '../../platform/module';
import { evaluationReviewRoutes } from './review-routes';
import { evaluationStaffRoutes } from './routes';

export { type AggregationRules, type ApplicationResult, aggregate } from './aggregate';
export { evaluationResults } from './results';

/** Evaluation (평가): reviewer pool, panels and rubrics, assignments with conflicts of interest, scoring, results. */
export const evaluationModule = defineModule({
  name: 'evaluation',
  routes: [evaluationStaffRoutes, evaluationReviewRoutes],
});
