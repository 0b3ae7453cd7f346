import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config';
import type { Database, DbHandle } from '../db/client';
import type { JobRunner } from './jobs';
import type { MaintenanceTask } from './maintenance';

/**
 * A domain module as the app installs it: everything it contributes, as data. Nothing registers itself
 * on import; `installModules()` (modules/index.ts) collects the listed definitions into one registry.
 * The types here are generic on purpose: platform never imports a module.
 */
export interface ModuleDefinition {
  /** the module's folder name (unique) */
  name: string;
  /** Fastify plugins mounted under /api, in this order */
  routes?: readonly FastifyPluginAsync[];
  /** background job handlers (platform/jobs.ts), registered on each instance's runner */
  jobs?: (runner: JobRunner, ctx: JobContext) => void;
  /** idempotent start-up work of `main.ts` (reference data, the first admin), after migrations */
  startup?: (ctx: StartupContext) => Promise<void>;
  /** the module's own housekeeping, run with the platform's (platform/maintenance.ts) */
  maintenance?: readonly MaintenanceTask[];
  /**
   * Evaluators of call eligibility rule types, keyed by rule type. The rule and context types belong to
   * the module that owns eligibility (programs); here an evaluator is any async function of (rule, ctx).
   */
  eligibilityRules?: Readonly<Record<string, RuleEvaluator | undefined>>;
  /** what must move when two company records are merged; runs inside the merge transaction */
  onCompanyMerge?: CompanyMergeHook;
  /** SQL read models and fragments the module publishes for others (also exported from its index) */
  readModels?: Readonly<Record<string, unknown>>;
}

export type RuleEvaluator = (rule: never, ctx: never) => Promise<unknown>;

export type CompanyMergeHook = (tx: Database, fromId: string, intoId: string) => Promise<void>;

export interface JobContext {
  handle: DbHandle;
  config: Pick<Config, 'files'>;
}

export interface StartupContext {
  db: Database;
  config: Config;
  log: (message: string) => void;
  warn: (message: string) => void;
}

/** Declares a module (identity at run time; the value is the checked definition). */
export function defineModule<const M extends ModuleDefinition>(definition: M): M {
  return definition;
}

/** The registries built from the installed modules' definitions. */
export interface InstalledModules {
  readonly list: readonly ModuleDefinition[];
  readonly routes: readonly FastifyPluginAsync[];
  readonly eligibilityRules: ReadonlyMap<string, RuleEvaluator>;
  readonly companyMergeHooks: readonly CompanyMergeHook[];
  readonly maintenance: readonly MaintenanceTask[];
  /** registers every module's job handlers on a runner */
  registerJobs(runner: JobRunner, ctx: JobContext): void;
  /** runs every module's start-up work, in list order */
  startup(ctx: StartupContext): Promise<void>;
}

/** Builds the registries from a list of definitions; a name or rule type given twice is a programming error. */
export function collectModules(list: readonly ModuleDefinition[]): InstalledModules {
  const names = new Set<string>();
  const eligibilityRules = new Map<string, RuleEvaluator>();
  for (const m of list) {
    if (names.has(m.name)) throw new Error(`module ${m.name} is listed twice`);
    names.add(m.name);
    for (const [type, evaluator] of Object.entries(m.eligibilityRules ?? {})) {
      if (!evaluator) continue;
      if (eligibilityRules.has(type))
        throw new Error(`eligibility rule ${type} is defined twice (${m.name})`);
      eligibilityRules.set(type, evaluator);
    }
  }
  return {
    list,
    routes: list.flatMap((m) => m.routes ?? []),
    eligibilityRules,
    companyMergeHooks: list.flatMap((m) => (m.onCompanyMerge ? [m.onCompanyMerge] : [])),
    maintenance: list.flatMap((m) => m.maintenance ?? []),
    registerJobs(runner, ctx) {
      for (const m of list) m.jobs?.(runner, ctx);
    },
    async startup(ctx) {
      for (const m of list) await m.startup?.(ctx);
    },
  };
}
