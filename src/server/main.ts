import { loadDemoWorld, printDemoAccounts } from '../demo/load';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { migrate, migrateAsOwner } from './db/migrate';
import { installModules } from './modules';
import { JobRunner } from './platform/jobs';
import { scheduleMaintenance } from './platform/maintenance';

/** Reads config, migrates, loads the demo world (unless ITDA_DEMO=0) and listens. */
async function main() {
  const config = loadConfig();
  const started = Date.now();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // with a separate app role, the owner migrates and grants; else the one connection does both
  if (config.migrationDatabaseUrl) await migrateAsOwner(config.migrationDatabaseUrl, handle);
  else await migrate(handle);
  const modules = installModules();
  const jobs = new JobRunner(handle.db, { log: (msg, err) => console.error(msg, err) });
  modules.registerJobs(jobs, { handle, config });
  if (config.demo) await loadDemoWorld(handle, { log: (m) => console.log(`[demo] ${m}`) });
  // Each module's start-up work: reference data (diagnosis defaults), the first admin (accounts).
  await modules.startup({ db: handle.db, config, log: console.log, warn: console.warn });
  const app = await buildApp({ config, handle, jobs, serveWeb: true, modules });
  jobs.start();
  const stopMaintenance = scheduleMaintenance(handle.db, {
    ctx: { files: config.files },
    tasks: modules.maintenance,
    log: (e) => app.log.error(e, 'maintenance failed'),
  });
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    stopMaintenance();
    await app.close();
    await jobs.stop();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const db = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite (${config.dataDir})`;
  console.log(
    `\n  itda ready in ${((Date.now() - started) / 1000).toFixed(1)} s — http://localhost:${config.port}  [${db}]`,
  );
  console.log(
    config.smtpUrl
      ? '  mail: sent over SMTP (SMTP_URL)'
      : '  mail: no SMTP_URL — nothing is sent; mail waits in the outbox (발송함, /staff/outbox)',
  );
  if (config.demo) printDemoAccounts();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
