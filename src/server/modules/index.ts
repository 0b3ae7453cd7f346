import { collectModules, type InstalledModules, type ModuleDefinition } from '../platform/module';
import { accountsModule } from './accounts';
import { applicationsModule } from './applications';
import { companiesModule } from './companies';
import { diagnosisModule } from './diagnosis';
import { evaluationModule } from './evaluation';
import { mailModule } from './mail';
import { programsModule } from './programs';
import { systemModule } from './system';

/** The explicit list of domain modules. Add new modules here; nothing registers itself on import. */
export const modules: readonly ModuleDefinition[] = [
  systemModule,
  accountsModule,
  companiesModule,
  programsModule,
  applicationsModule,
  diagnosisModule,
  evaluationModule,
  mailModule,
];

/**
 * The registries of the listed modules — routes, job handlers, start-up work, maintenance tasks,
 * eligibility evaluators, company-merge hooks — for the app, main.ts, tests, scripts and benchmarks.
 */
export function installModules(list: readonly ModuleDefinition[] = modules): InstalledModules {
  return collectModules(list);
}
