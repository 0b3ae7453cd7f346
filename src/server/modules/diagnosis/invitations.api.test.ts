import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoWorld } from '../../../demo/load';
import { type DbHandle, openPg } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { RateLimitedError } from '../../platform/errors';
import { setupTestApp } from '../../test/app';
import { freshDatabase, type TestDbHandle } from '../../test/db';
import { createInvitations } from './invitations';

/** Partner invitations: own members only, at their registered email, a daily cap, links from PUBLIC_URL. */
const t = setupTestApp();

const q = <T>(text: string, params: unknown[] = []) => t().handle.query<T>(text, params);

async function members(n: number, offset = 0) {
  return q<{ id: string; email: string | null }>(
    `SELECT c.id, c.email FROM companies c JOIN company_associations ca ON ca.company_id = c.id
     JOIN associations a ON a.id = ca.association_id
     WHERE a.name = '하이서울기업협회' AND c.email IS NOT NULL ORDER BY c.brn OFFSET $1 LIMIT $2`,
    [offset, n],
  );
}

describe('partner invitations', () => {
  it('go only to the member firm’s registered email; a firm without one cannot be invited', async () => {
    const p = await t().loginAs('partner');
    const [m] = await members(1);
    const other = await p.inject({
      method: 'POST',
      url: '/api/diagnosis/invitations',
      payload: { targets: [{ companyId: m.id, email: 'someone-else@evil.example.kr' }] },
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({
      code: 'invitation_email_registered',
      message: '협단체는 회원사에 등록된 이메일로만 초대할 수 있습니다.',
    });
    expect(await q(`SELECT 1 FROM outbox WHERE "to" = 'someone-else@evil.example.kr'`)).toHaveLength(0);

    const [noMail] = await members(1, 1);
    await q('UPDATE companies SET email = NULL WHERE id = $1', [noMail.id]);
    const none = await p.inject({
      method: 'POST',
      url: '/api/diagnosis/invitations',
      payload: { targets: [{ companyId: noMail.id }] },
      headers: { 'accept-language': 'en' },
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('invitation_no_email');

    const ok = await p.inject({
      method: 'POST',
      url: '/api/diagnosis/invitations',
      payload: { targets: [{ companyId: m.id, email: m.email!.toUpperCase() }] },
    });
    expect(ok.statusCode).toBe(201);
    expect(await q(`SELECT 1 FROM outbox WHERE "to" = $1`, [m.email])).toHaveLength(1);
  });

  it('links use the configured address, never the request’s Host header', async () => {
    const p = await t().loginAs('partner');
    const [m] = await members(1, 2);
    const res = await p.inject({
      method: 'POST',
      url: '/api/diagnosis/invitations',
      payload: { targets: [{ companyId: m.id }] },
      headers: { host: 'phish.example.net', 'x-forwarded-host': 'phish.example.net' },
    });
    expect(res.statusCode).toBe(201);
    const [mail] = await q<{ body: string }>(`SELECT body FROM outbox WHERE "to" = $1`, [m.email]);
    expect(mail.body).not.toContain('phish.example.net');
    expect(mail.body).toContain(`${t().config.publicUrl}/diagnosis/start?invite=`);
    expect(t().config.publicUrl).toBe('http://localhost:3000');
  });

  it('stop at the daily cap per association (Asia/Seoul day) with a 429', async () => {
    const p = await t().loginAs('partner');
    const before = t().config.partnerInvitesPerDay;
    const [{ n: today }] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM diagnosis_invitations i JOIN associations a ON a.id = i.association_id
       WHERE a.name = '하이서울기업협회'
         AND i.sent_at >= date_trunc('day', now() AT TIME ZONE 'Asia/Seoul') AT TIME ZONE 'Asia/Seoul'`,
    );
    t().config.partnerInvitesPerDay = today + 3;
    try {
      const ms = await members(4, 10);
      const invite = (ids: string[]) =>
        p.inject({
          method: 'POST',
          url: '/api/diagnosis/invitations',
          payload: { targets: ids.map((companyId) => ({ companyId })) },
        });
      expect((await invite([ms[0].id, ms[1].id])).statusCode).toBe(201);
      const over = await invite([ms[2].id, ms[3].id]);
      expect(over.statusCode).toBe(429);
      expect(over.json().error).toMatchObject({ code: 'invitation_daily_cap' });
      expect(over.json().error.message).toContain(`${today + 3}건`);
      expect(await q('SELECT 1 FROM outbox WHERE "to" = $1', [ms[2].email])).toHaveLength(0);
      expect((await invite([ms[2].id])).statusCode).toBe(201);
      expect((await invite([ms[3].id])).statusCode).toBe(429);
      // staff are not capped
      const mgr = await t().loginAs('manager');
      const staff = await mgr.inject({
        method: 'POST',
        url: '/api/diagnosis/invitations',
        payload: { targets: [{ companyId: ms[3].id }] },
      });
      expect(staff.statusCode).toBe(201);
    } finally {
      t().config.partnerInvitesPerDay = before;
    }
  });
});

/** Two app instances (two pools on one database) inviting at once never exceed the cap together. */
const serverPg = !!process.env.DATABASE_URL;
describe.skipIf(!serverPg)('partner invitation cap on server PostgreSQL', () => {
  let a: TestDbHandle;
  let b: DbHandle;
  beforeAll(async () => {
    a = await freshDatabase();
    await loadDemoWorld(a, { firms: 300 });
    b = await openPg(a.url!, 20);
  }, 180_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('20 concurrent single invitations with a cap of 7: exactly 7 are sent', async () => {
    const [assoc] = await a.query<{ id: string; user_id: string }>(
      `SELECT a.id, m.user_id FROM associations a JOIN association_members m ON m.association_id = a.id
       WHERE a.name = '하이서울기업협회'`,
    );
    const firms = await a.query<{ id: string }>(
      `SELECT c.id FROM companies c JOIN company_associations ca ON ca.company_id = c.id
       WHERE ca.association_id = $1 AND c.email IS NOT NULL ORDER BY c.brn LIMIT 20`,
      [assoc.id],
    );
    const actor: Actor = {
      userId: assoc.user_id,
      role: 'partner',
      companyIds: [],
      associationIds: [assoc.id],
      ip: '127.0.0.1',
      requestId: `cap-${randomUUID().slice(0, 8)}`,
    };
    const results = await Promise.allSettled(
      firms.map((f, i) =>
        createInvitations({
          db: (i % 2 ? a : b).db,
          actor,
          input: { targets: [{ companyId: f.id }] },
          origin: 'https://itda.example.kr',
          dailyCap: 7,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(RateLimitedError);
    const [{ n }] = await a.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM diagnosis_invitations WHERE association_id = $1 AND sent_at > now() - interval '1 day'`,
      [assoc.id],
    );
    expect(n).toBe(7);
  }, 120_000);
});
