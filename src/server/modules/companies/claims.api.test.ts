import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedBrn } from '../../../demo/load';
import { sqlRows } from '../../db/client';
import { type Session, sessionFrom, setupTestApp } from '../../test/app';
import { multipartBody, TINY_PDF } from '../../test/multipart';

const t = setupTestApp();

let n = 0;
async function newSme(): Promise<Session & { email: string }> {
  const email = `claimant${++n}-${Date.now()}@example.kr`;
  const res = await t().signUp({
    email,
    password: 'Haneul-Dari-2048',
    name: `신청인${n}`,
    role: 'sme',
    consents: { terms: true, privacy: true },
  });
  expect(res.statusCode).toBe(200);
  return { ...sessionFrom(t().app, res), email };
}

async function companyIdOf(brn: string) {
  const [r] = await sqlRows<{ id: string }>(t().handle.db, sql`SELECT id FROM companies WHERE brn = ${brn}`);
  return r.id;
}

async function outboxTo(email: string) {
  return sqlRows<{ subject: string; body: string }>(
    t().handle.db,
    sql`SELECT subject, body FROM outbox WHERE "to" = ${email} ORDER BY created_at`,
  );
}

async function auditOf(companyId: string) {
  const rows = await sqlRows<{ action: string }>(
    t().handle.db,
    sql`SELECT action FROM audit_log WHERE entity_type = 'company' AND entity_id = ${companyId} ORDER BY id`,
  );
  return rows.map((r) => r.action);
}

/** Everything a member of the firm may see or do, and whether the session can. */
async function access(s: Session, companyId: string) {
  const openCall = (await t().app.inject({ method: 'GET', url: '/api/calls?pageSize=100' }))
    .json()
    .items.find((c: { status: string }) => c.status === 'open');
  const [company, history, diagnoses, members, apply, mine] = await Promise.all([
    s.inject({ method: 'GET', url: `/api/companies/${companyId}` }),
    s.inject({ method: 'GET', url: `/api/companies/${companyId}/history` }),
    s.inject({ method: 'GET', url: `/api/companies/${companyId}/diagnoses` }),
    s.inject({ method: 'GET', url: `/api/companies/${companyId}/members` }),
    s.inject({ method: 'POST', url: `/api/calls/${openCall.id}/applications`, payload: { companyId } }),
    s.inject({ method: 'GET', url: '/api/me/companies' }),
  ]);
  return {
    company: company.statusCode,
    history: history.statusCode,
    diagnoses: diagnoses.statusCode,
    members: members.statusCode,
    apply: apply.statusCode,
    myCompanies: mine.json().items.map((i: { company: { id: string } }) => i.company.id),
    companyBody: company.json(),
  };
}

describe('claiming a registered firm (issue 9)', () => {
  it('a claim of a firm without an owner stays pending and shows nothing beyond the public view', async () => {
    const s = await newSme();
    const id = await companyIdOf(seedBrn(1));
    const claim = await s.inject({
      method: 'POST',
      url: '/api/me/companies/claim',
      payload: { brn: seedBrn(1), note: '대표이사 본인입니다' },
    });
    expect(claim.statusCode).toBe(201);
    expect(claim.json()).toMatchObject({
      companyId: id,
      status: 'pending',
      method: 'staff_review',
      hasOwner: false,
    });
    // nothing personal in the claimant's view
    expect(JSON.stringify(claim.json())).not.toContain('seed.example.kr');
    const a = await access(s, id);
    expect(a.company).toBe(403);
    expect(a.history).toBe(403);
    expect(a.diagnoses).toBe(403);
    expect(a.members).toBe(403);
    expect(a.apply).toBe(403);
    expect(a.myCompanies).not.toContain(id);
    const mine = (await s.inject({ method: 'GET', url: '/api/me/claims' })).json();
    expect(mine.items[0]).toMatchObject({ id: claim.json().id, status: 'pending', companyName: '팜프로' });
    const again = await s.inject({
      method: 'POST',
      url: '/api/me/companies/claim',
      payload: { brn: seedBrn(1) },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('claim_pending');
  });

  it('staff see the queue with the evidence and approve; the claimant becomes owner and is told by e-mail', async () => {
    const s = await newSme();
    const brn = seedBrn(2);
    const id = await companyIdOf(brn);
    const claim = (
      await s.inject({
        method: 'POST',
        url: '/api/me/companies/claim',
        payload: { brn, note: '대표 연락처 02-1234' },
      })
    ).json();
    const m = await t().loginAs('manager');
    const queue = await m.inject({ method: 'GET', url: '/api/claims?status=pending' });
    expect(queue.statusCode).toBe(200);
    const item = queue.json().items.find((c: { id: string }) => c.id === claim.id);
    expect(item).toMatchObject({
      note: '대표 연락처 02-1234',
      claimant: { email: s.email },
      company: { email: 'ceo3@seed.example.kr' },
    });
    // not for SMEs that do not own the firm, nor for anonymous callers
    expect((await s.inject({ method: 'GET', url: '/api/claims' })).json().items).toEqual([]);
    expect((await t().app.inject({ method: 'GET', url: '/api/claims' })).statusCode).toBe(401);
    const other = await newSme();
    const notMine = await other.inject({
      method: 'POST',
      url: `/api/claims/${claim.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(notMine.statusCode).toBe(403);
    const selfApprove = await s.inject({
      method: 'POST',
      url: `/api/claims/${claim.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(selfApprove.statusCode).toBe(403);

    const ok = await m.inject({
      method: 'POST',
      url: `/api/claims/${claim.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', decidedByName: expect.any(String) });
    const twice = await m.inject({
      method: 'POST',
      url: `/api/claims/${claim.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(twice.statusCode).toBe(409);

    const a = await access(s, id);
    expect(a.company).toBe(200);
    expect(a.companyBody).toMatchObject({ masked: false, email: 'ceo3@seed.example.kr' });
    expect(a.myCompanies).toContain(id);
    const members = (await s.inject({ method: 'GET', url: `/api/companies/${id}/members` })).json();
    expect(members.items.find((x: { email: string }) => x.email === s.email)).toMatchObject({
      role: 'owner',
      status: 'active',
    });
    const mail = await outboxTo(s.email);
    expect(mail.at(-1)?.subject).toContain('승인');
    expect(await auditOf(id)).toEqual(
      expect.arrayContaining(['company.claim_request', 'company.claim_approve']),
    );
  });

  it('a 사업자등록증 upload (PDF or image only) goes to staff, who can download it and reject with a reason', async () => {
    const s = await newSme();
    const brn = seedBrn(3);
    const id = await companyIdOf(brn);
    const claim = (
      await s.inject({ method: 'POST', url: '/api/me/companies/claim', payload: { brn } })
    ).json();
    const text = await multipartBody({ file: { buffer: Buffer.from('not a scan'), filename: 'cert.pdf' } });
    const bad = await s.inject({ method: 'POST', url: `/api/me/claims/${claim.id}/document`, ...text });
    expect(bad.statusCode).toBe(415);
    const pdf = await multipartBody({ file: { buffer: TINY_PDF, filename: '사업자등록증.pdf' } });
    const up = await s.inject({ method: 'POST', url: `/api/me/claims/${claim.id}/document`, ...pdf });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ method: 'document', document: { name: '사업자등록증.pdf' } });
    const other = await newSme();
    expect((await other.inject({ method: 'GET', url: `/api/claims/${claim.id}/document` })).statusCode).toBe(
      403,
    );
    const m = await t().loginAs('manager');
    const dl = await m.inject({ method: 'GET', url: `/api/claims/${claim.id}/document` });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const noReason = await m.inject({
      method: 'POST',
      url: `/api/claims/${claim.id}/decision`,
      payload: { decision: 'reject' },
    });
    expect(noReason.statusCode).toBe(422);
    const rej = await m.inject({
      method: 'POST',
      url: `/api/claims/${claim.id}/decision`,
      payload: { decision: 'reject', reason: '등록증의 상호가 다릅니다' },
    });
    expect(rej.statusCode).toBe(200);
    expect(rej.json()).toMatchObject({ status: 'rejected', reason: '등록증의 상호가 다릅니다' });
    expect((await access(s, id)).company).toBe(403);
    expect((await outboxTo(s.email)).at(-1)?.body).toContain('등록증의 상호가 다릅니다');
    expect(await auditOf(id)).toEqual(
      expect.arrayContaining(['company.claim_request', 'company.claim_document', 'company.claim_reject']),
    );
  });

  it('a claim of a firm with an owner goes to that owner, who decides it', async () => {
    const s = await newSme();
    const id = await companyIdOf(seedBrn(0));
    const claim = await s.inject({
      method: 'POST',
      url: '/api/me/companies/claim',
      payload: { brn: seedBrn(0) },
    });
    expect(claim.json()).toMatchObject({ status: 'pending', method: 'owner', hasOwner: true });
    expect((await access(s, id)).company).toBe(403);
    const owner = await t().loginAs('sme');
    const list = (await owner.inject({ method: 'GET', url: '/api/claims?status=pending' })).json();
    expect(list.items.map((c: { id: string }) => c.id)).toContain(claim.json().id);
    // another firm's owner does not see it
    const supplier = await t().loginAs('supplier');
    expect((await supplier.inject({ method: 'GET', url: '/api/claims' })).json().items).toEqual([]);
    const ok = await owner.inject({
      method: 'POST',
      url: `/api/claims/${claim.json().id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(ok.statusCode).toBe(200);
    const members = (await owner.inject({ method: 'GET', url: `/api/companies/${id}/members` })).json();
    expect(members.items.find((x: { email: string }) => x.email === s.email)).toMatchObject({
      role: 'member',
      status: 'active',
    });
    expect((await access(s, id)).company).toBe(200);
  });

  it('an invitation sent to the firm’s registered e-mail proves the claim at once, once', async () => {
    const m = await t().loginAs('manager');
    const id = await companyIdOf(seedBrn(4));
    const inv = await m.inject({
      method: 'POST',
      url: '/api/diagnosis/invitations',
      payload: { targets: [{ companyId: id }, { companyId: id, email: 'someone@else.example.kr' }] },
    });
    expect(inv.statusCode).toBe(201);
    const [toFirm, toOther] = inv.json().items as { link: string; email: string }[];
    expect(toFirm.email).toBe('ceo5@seed.example.kr');
    const token = (link: string) => new URL(link, 'http://x').searchParams.get('invite')!;

    const stranger = await newSme();
    const wrong = await stranger.inject({
      method: 'POST',
      url: '/api/me/companies/claim',
      payload: { brn: seedBrn(4), invitationToken: token(toOther.link) },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields[0].path).toBe('invitationToken');

    const s = await newSme();
    const ok = await s.inject({
      method: 'POST',
      url: '/api/me/companies/claim',
      payload: { brn: seedBrn(4), invitationToken: token(toFirm.link) },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'approved', method: 'invitation' });
    expect((await access(s, id)).company).toBe(200);

    const reuse = await stranger.inject({
      method: 'POST',
      url: '/api/me/companies/claim',
      payload: { brn: seedBrn(4), invitationToken: token(toFirm.link) },
    });
    expect(reuse.statusCode).toBe(422);
  });

  it('the claimant may withdraw a pending claim and ask again; registering a new BRN stays instant', async () => {
    const s = await newSme();
    const claim = (
      await s.inject({ method: 'POST', url: '/api/me/companies/claim', payload: { brn: seedBrn(6) } })
    ).json();
    const w = await s.inject({ method: 'POST', url: `/api/me/claims/${claim.id}/withdraw` });
    expect(w.statusCode).toBe(200);
    const again = await s.inject({
      method: 'POST',
      url: '/api/me/companies/claim',
      payload: { brn: seedBrn(6) },
    });
    expect(again.statusCode).toBe(201);
    const other = await newSme();
    expect(
      (await other.inject({ method: 'POST', url: `/api/me/claims/${again.json().id}/withdraw` })).statusCode,
    ).toBe(404);
    const created = await s.inject({
      method: 'POST',
      url: '/api/me/companies',
      payload: { brn: '220-81-62517', name: '새로만든기업' },
    });
    expect(created.statusCode).toBe(201);
    expect((await access(s, created.json().id)).company).toBe(200);
  });

  it('two approvals of two claims of one ownerless firm leave exactly one owner', async () => {
    const id = await companyIdOf(seedBrn(7));
    const a = await newSme();
    const b = await newSme();
    const ca = (
      await a.inject({ method: 'POST', url: '/api/me/companies/claim', payload: { brn: seedBrn(7) } })
    ).json();
    const cb = (
      await b.inject({ method: 'POST', url: '/api/me/companies/claim', payload: { brn: seedBrn(7) } })
    ).json();
    const m = await t().loginAs('manager');
    const res = await Promise.all(
      [ca, cb].map((c) =>
        m.inject({ method: 'POST', url: `/api/claims/${c.id}/decision`, payload: { decision: 'approve' } }),
      ),
    );
    expect(res.map((r) => r.statusCode)).toEqual([200, 200]);
    const roles = await sqlRows<{ role: string }>(
      t().handle.db,
      sql`SELECT role::text AS role FROM company_members WHERE company_id = ${id}`,
    );
    expect(roles.map((r) => r.role).sort()).toEqual(['member', 'owner']);
  });
});
