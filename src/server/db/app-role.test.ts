import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDbHandle } from '../test/db';
import { type DbHandle, openPg } from './client';
import { migrateAsOwner } from './migrate';

/**
 * The application's database role (README "Database roles"): the migrations run as the tables'
 * owner; the app connects as `itda_app`, which may read and write the tables but not UPDATE, DELETE
 * or TRUNCATE the audit and access logs, nor disable their triggers (it owns nothing). Server
 * PostgreSQL only: PGlite has a single user.
 */
const serverPg = !!process.env.DATABASE_URL;
if (!serverPg) console.log('skipped: needs server PostgreSQL (DATABASE_URL) — PGlite has a single user');
const ROLE = 'itda_app';

let owner: TestDbHandle;
let app: DbHandle;
beforeAll(async () => {
  if (!serverPg) return;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    // CI creates it (.ci/run); created here when missing (idempotent; another file may race us)
    await admin.query(
      `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}') THEN CREATE ROLE ${ROLE} LOGIN; END IF; END $$`,
    );
  } catch (e) {
    if (!/already exists/.test(String(e))) throw e;
  } finally {
    await admin.end();
  }
  owner = await freshDatabase();
  const u = new URL(owner.ownerUrl!);
  u.username = ROLE;
  u.password = '';
  app = await openPg(u.toString(), 2);
  // as at start-up with MIGRATION_DATABASE_URL: migrate (nothing pending) and grant the app's role
  await migrateAsOwner(owner.ownerUrl!, app);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await owner?.close();
});

describe.skipIf(!serverPg)('the app role on server PostgreSQL', () => {
  it('connects as itda_app, not as the owner', async () => {
    const [r] = await app.query<{ me: string; owner: string }>(
      `SELECT current_user AS me, tableowner AS owner FROM pg_tables WHERE tablename = 'audit_log'`,
    );
    expect(r.me).toBe(ROLE);
    expect(r.owner).not.toBe(ROLE);
  });

  it('writes ordinary tables and inserts log rows', async () => {
    await app.query(
      "INSERT INTO users (email, name, role, password_hash) VALUES ('role@x.kr', '역할시험', 'sme', 'x')",
    );
    await app.query("UPDATE users SET name = '역할' WHERE email = 'role@x.kr'");
    await app.query("INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('t', 'test', 'role')");
    await app.query("INSERT INTO access_log (action, subject_type) VALUES ('view', 'test')");
    await app.query("DELETE FROM users WHERE email = 'role@x.kr'");
  });

  it('cannot UPDATE, DELETE or TRUNCATE the logs, nor disable their triggers', async () => {
    for (const stmt of [
      "UPDATE audit_log SET action = 'tampered'",
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
      "UPDATE access_log SET reason = 'tampered'",
      'DELETE FROM access_log',
      'TRUNCATE access_log',
    ])
      await expect(app.query(stmt), stmt).rejects.toThrow(/permission denied/);
    for (const stmt of [
      'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only',
      'ALTER TABLE access_log DISABLE TRIGGER ALL',
      'DROP TRIGGER audit_log_mask ON audit_log',
    ])
      await expect(app.query(stmt), stmt).rejects.toThrow(/must be owner/);
    // nor switch triggers off for its session
    await expect(app.query("SET session_replication_role = 'replica'")).rejects.toThrow(/permission denied/);
    const [n] = await app.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'tampered'",
    );
    expect(n.n).toBe(0);
  });

  it('may purge expired rows only, through the owner’s function', async () => {
    await app.query(
      `INSERT INTO audit_log (at, action, entity_type, entity_id) VALUES (now() - interval '6 years', 'old', 'company', 'role-old')`,
    );
    const [r] = await app.query<{ audit_deleted: string }>('SELECT * FROM itda_purge_expired_logs()');
    expect(Number(r.audit_deleted)).toBe(1);
    const left = await app.query("SELECT 1 FROM audit_log WHERE entity_id = 'role-old'");
    expect(left).toEqual([]);
    const [kept] = await app.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity_id = 'role'",
    );
    expect(kept.n).toBe(1);
  });
});
