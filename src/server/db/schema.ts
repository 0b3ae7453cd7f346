/** Every table, for drizzle-kit and the typed client. Modules add their schema here. */
export * from '../modules/applications/schema';
export * from '../modules/companies/schema';
export * from '../modules/diagnosis/schema';
export * from '../modules/evaluation/schema';
export * from '../modules/programs/schema';
export * from '../platform/schema';
