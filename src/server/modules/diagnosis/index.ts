import { systemActor } from '../../platform/actor';
import { defineModule } from '../../platform/module';
import { hasDiagnosis } from './eligibility';
import { installDefaults } from './instruments';
import { mergeDiagnoses } from './merge';
import { diagnosisRoutes } from './routes';

/** DX 수준진단: instruments, diagnoses, scoring, peers, reports, partner invitations, recommendations. */
export const diagnosisModule = defineModule({
  name: 'diagnosis',
  routes: [diagnosisRoutes],
  // reference data every install needs (idempotent): the default instrument and recommendation rules
  startup: async ({ db }) => {
    await installDefaults(db, systemActor('startup'));
  },
  eligibilityRules: { hasDiagnosis },
  onCompanyMerge: mergeDiagnoses,
});
