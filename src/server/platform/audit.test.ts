import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../test/app';
import { queryAsOwner } from '../test/db';
import { systemActor } from './actor';
import { logAccess, recordAudit } from './audit';

const t = setupTestApp({ firms: 20 });

const count = async (sql: string, params: unknown[] = []) =>
  Number((await t().handle.query<{ n: number }>(sql, params))[0].n);

async function expectRefused(sql: string) {
  // the trigger refuses; as the app role (ITDA_TEST_APP_ROLE) the missing privilege refuses first
  await expect(t().handle.query(sql)).rejects.toThrow(/append-only|permission denied/);
}

describe('append-only logs', () => {
  it('audit_log refuses UPDATE, DELETE and TRUNCATE', async () => {
    await t().handle.db.transaction((tx) =>
      recordAudit(tx, systemActor('audit-test'), { action: 'test.write', entityType: 'test', entityId: 'x' }),
    );
    const before = await count('SELECT count(*)::int AS n FROM audit_log');
    expect(before).toBeGreaterThan(0);
    await expectRefused(`UPDATE audit_log SET action = 'tampered'`);
    await expectRefused(`UPDATE audit_log SET after = NULL WHERE entity_type = 'test'`);
    await expectRefused('DELETE FROM audit_log');
    await expectRefused(`DELETE FROM audit_log WHERE entity_type = 'test'`);
    await expectRefused('TRUNCATE audit_log');
    expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'tampered'`)).toBe(0);
    // inserting stays possible
    await t().handle.query(`INSERT INTO audit_log (action, entity_type) VALUES ('test.insert', 'test')`);
    expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(before + 1);
  });

  it('access_log refuses UPDATE, DELETE and TRUNCATE', async () => {
    await logAccess(t().handle.db, systemActor('audit-test'), {
      action: 'view',
      subjectType: 'company',
      subjectId: 'x',
    });
    const before = await count('SELECT count(*)::int AS n FROM access_log');
    expect(before).toBeGreaterThan(0);
    await expectRefused(`UPDATE access_log SET reason = 'tampered'`);
    await expectRefused(`UPDATE access_log SET keep_until = now()`);
    await expectRefused('DELETE FROM access_log');
    await expectRefused('TRUNCATE access_log');
    await expectRefused('TRUNCATE access_log, audit_log');
    expect(await count('SELECT count(*)::int AS n FROM access_log')).toBe(before);
  });

  it('a refused change inside a transaction rolls the whole transaction back', async () => {
    const [firm] = await t().handle.query<{ id: string; employees: number | null }>(
      'SELECT id, employees FROM companies ORDER BY brn LIMIT 1',
    );
    await expect(
      t().handle.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE companies SET employees = 999999 WHERE id = ${firm.id}`);
        await tx.execute(sql`DELETE FROM audit_log`);
      }),
    ).rejects.toThrow();
    const [after] = await t().handle.query<{ employees: number | null }>(
      'SELECT employees FROM companies WHERE id = $1',
      [firm.id],
    );
    expect(after.employees).toBe(firm.employees);
  });
});

describe('audit in the same transaction as the change', () => {
  const auditRows = (id: string) =>
    count(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'company' AND entity_id = $1`, [id]);

  it('a company update writes exactly one audit row with who, what and the request id', async () => {
    const s = await t().loginAs('manager');
    const [firm] = await t().handle.query<{ id: string }>(
      'SELECT id FROM companies ORDER BY brn LIMIT 1 OFFSET 1',
    );
    const before = await auditRows(firm.id);
    const res = await s.inject({
      method: 'PATCH',
      url: `/api/companies/${firm.id}`,
      headers: { 'x-request-id': 'audit-same-tx-0001' },
      payload: { employees: 41, address: '서울특별시 구로구 디지털로 41' },
    });
    expect(res.statusCode).toBe(200);
    expect(await auditRows(firm.id)).toBe(before + 1);
    const [row] = await t().handle.query<{
      actor_id: string;
      actor_role: string;
      request_id: string;
      action: string;
      after: Record<string, unknown>;
    }>(
      `SELECT actor_id, actor_role, request_id, action, after FROM audit_log
       WHERE entity_type = 'company' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [firm.id],
    );
    expect(row).toMatchObject({
      actor_id: s.userId,
      actor_role: 'manager',
      request_id: 'audit-same-tx-0001',
      action: 'company.update',
    });
    expect(row.after).toMatchObject({ employees: 41 });
  });

  it('a PATCH refused with 409 (stale version) leaves no audit row and no change', async () => {
    const s = await t().loginAs('manager');
    const [firm] = await t().handle.query<{ id: string; version: number; employees: number | null }>(
      'SELECT id, version, employees FROM companies ORDER BY brn LIMIT 1 OFFSET 2',
    );
    const before = await auditRows(firm.id);
    const res = await s.inject({
      method: 'PATCH',
      url: `/api/companies/${firm.id}`,
      payload: { employees: 5, version: firm.version + 7 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('stale_version');
    expect(await auditRows(firm.id)).toBe(before);
    const [now] = await t().handle.query<{ version: number; employees: number | null }>(
      'SELECT version, employees FROM companies WHERE id = $1',
      [firm.id],
    );
    expect(now).toEqual({ version: firm.version, employees: firm.employees });
  });

  it('when the audit insert fails, the company update is rolled back too', async () => {
    const s = await t().loginAs('manager');
    const [firm] = await t().handle.query<{ id: string; version: number; employees: number | null }>(
      'SELECT id, version, employees FROM companies ORDER BY brn LIMIT 1 OFFSET 3',
    );
    const before = await auditRows(firm.id);
    // Make the audit write for this one company fail, as a full disk or a bug would.
    await queryAsOwner(
      t().handle,
      `
      CREATE OR REPLACE FUNCTION test_fail_audit() RETURNS trigger AS $$
      BEGIN
        IF NEW.entity_id = '${firm.id}' THEN RAISE EXCEPTION 'audit write failed (test)'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`,
    );
    await queryAsOwner(
      t().handle,
      'CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_fail_audit()',
    );
    try {
      const res = await s.inject({
        method: 'PATCH',
        url: `/api/companies/${firm.id}`,
        payload: { employees: 4242, version: firm.version },
      });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('internal');
      expect(res.body).not.toContain('audit write failed');
    } finally {
      await queryAsOwner(t().handle, 'DROP TRIGGER test_fail_audit ON audit_log');
      await queryAsOwner(t().handle, 'DROP FUNCTION test_fail_audit()');
    }
    const [now] = await t().handle.query<{ version: number; employees: number | null }>(
      'SELECT version, employees FROM companies WHERE id = $1',
      [firm.id],
    );
    expect(now).toEqual({ version: firm.version, employees: firm.employees });
    expect(await auditRows(firm.id)).toBe(before);
    // and with the log working again the same edit goes through, audited
    const retry = await s.inject({
      method: 'PATCH',
      url: `/api/companies/${firm.id}`,
      payload: { employees: 4242, version: firm.version },
    });
    expect(retry.statusCode).toBe(200);
    expect(await auditRows(firm.id)).toBe(before + 1);
  });

  it('the audit log never stores passwords', async () => {
    const admin = await t().loginAs('admin');
    const password = 'Sangsang-Maru-8812';
    const res = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { email: 'audit-pw@example.kr', name: '감사 시험', role: 'viewer', password },
    });
    expect(res.statusCode).toBe(201);
    const rows = await t().handle.query<{ after: unknown }>(
      `SELECT after FROM audit_log WHERE entity_type = 'user' AND entity_id = $1`,
      [res.json().id],
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0].after)).not.toContain(password);
    expect(JSON.stringify(rows[0].after)).not.toMatch(/argon2/);
  });
});
