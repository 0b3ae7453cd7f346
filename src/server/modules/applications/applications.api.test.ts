import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../test/app';

const t = setupTestApp({ firms: 1500 });

async function openCallId(title = '컨설팅') {
  const s = await t().loginAs('manager');
  const calls = (await s.inject({ method: 'GET', url: '/api/calls?status=open' })).json();
  return calls.items.find((c: { title: string }) => c.title.includes(title)).id as string;
}

/** Fills every required answer of the demo form. */
const goodAnswers = {
  contactName: '김대표',
  contactPhone: '010-1234-5678',
  area: 'process',
  problem: '재고 관리와 업무 프로세스를 시스템화하고 싶습니다.',
  budget: 38_000_000,
};

describe('calls and applications', () => {
  it('lists programs by module and the public sees calls but not drafts', async () => {
    const programs = (await t().app.inject({ method: 'GET', url: '/api/programs' })).json();
    expect(programs.items).toHaveLength(13);
    expect(new Set(programs.items.map((p: { module: string }) => p.module))).toEqual(
      new Set(['diagnosis', 'consulting', 'matching', 'support']),
    );
    const pub = (await t().app.inject({ method: 'GET', url: '/api/calls?pageSize=50' })).json();
    const aix = pub.items.find((c: { title: string }) => c.title.startsWith('2021년 AI'));
    expect(aix.competitionRatio).toBe(13.4);
    expect(aix.status).toBe('announced');
  });

  it('SME drafts, autosaves, cannot submit incomplete, submits with a receipt and is idempotent', async () => {
    const callId = await openCallId();
    const sme = await t().loginAs('sme');
    const started = await sme.inject({
      method: 'POST',
      url: `/api/calls/${callId}/applications`,
      payload: {},
    });
    expect(started.statusCode).toBe(201);
    const app = started.json();
    expect(app.prefill.companyName).toBe('디지털존');
    const again = await sme.inject({ method: 'POST', url: `/api/calls/${callId}/applications`, payload: {} });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(app.id);

    const bad = await sme.inject({
      method: 'PATCH',
      url: `/api/applications/${app.id}`,
      payload: { answers: { area: 'nope' } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].path).toBe('answers.area');

    const saved = await sme.inject({
      method: 'PATCH',
      url: `/api/applications/${app.id}`,
      payload: { answers: goodAnswers },
    });
    expect(saved.statusCode).toBe(200);
    const incomplete = await sme.inject({ method: 'POST', url: `/api/applications/${app.id}/submit` });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.fields.map((f: { path: string }) => f.path)).toContain('answers.bizCert');

    // attach the required document directly (upload route is tested separately)
    const [file] = await t().handle.query<{ id: string }>(
      `INSERT INTO files (purpose, original_name, mime, size, sha256, storage_key) VALUES ('application', 'cert.pdf', 'application/pdf', 10, 'x', '${'a'.repeat(32)}') RETURNING id`,
    );
    await t().handle.query(
      'INSERT INTO application_files (application_id, field_key, file_id) VALUES ($1, $2, $3), ($1, $4, $3)',
      [app.id, 'bizCert', file.id, 'bizCert_doc'],
    );
    const ok = await sme.inject({
      method: 'POST',
      url: `/api/applications/${app.id}/submit`,
      headers: { 'idempotency-key': 'k-12345678' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().receiptNo).toMatch(/^\d{4}-DXC-0001$/);
    const twice = await sme.inject({
      method: 'POST',
      url: `/api/applications/${app.id}/submit`,
      headers: { 'idempotency-key': 'k-12345678' },
    });
    expect(twice.json().receiptNo).toBe(ok.json().receiptNo);
    const [{ n }] = await t().handle.query<{ n: number }>(
      'SELECT submitted_count AS n FROM calls WHERE id = $1',
      [callId],
    );
    expect(Number(n)).toBe(1);
    const mail = await t().handle.query<{ subject: string }>(
      'SELECT subject FROM outbox WHERE "to" = \'sme@demo.itda.kr\'',
    );
    expect(mail[0].subject).toContain(ok.json().receiptNo);

    // withdraw and re-submit keep the receipt number
    const w = await sme.inject({ method: 'POST', url: `/api/applications/${app.id}/withdraw` });
    expect(w.json().status).toBe('withdrawn');
    const re = await sme.inject({ method: 'POST', url: `/api/applications/${app.id}/submit` });
    expect(re.json().receiptNo).toBe(ok.json().receiptNo);

    // staff see it with the ratio
    const mgr = await t().loginAs('manager');
    const list = (await mgr.inject({ method: 'GET', url: `/api/calls/${callId}/applications` })).json();
    expect(list.counts.submitted).toBe(1);
    expect(list.competitionRatio).toBe(0.1);

    // after the deadline (the database's clock) nothing can be submitted or withdrawn
    await t().handle.query(
      "UPDATE calls SET closes_at = now() - interval '1 second', opens_at = now() - interval '2 days' WHERE id = $1",
      [callId],
    );
    const late = await sme.inject({ method: 'POST', url: `/api/applications/${app.id}/withdraw` });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('deadline_passed');
    await t().handle.query("UPDATE calls SET closes_at = now() + interval '14 days' WHERE id = $1", [callId]);
  });

  it('explains ineligibility and other firms cannot read the application', async () => {
    const callId = await openCallId();
    const mgr = await t().loginAs('manager');
    const list = (
      await mgr.inject({ method: 'GET', url: '/api/companies?district=outside&pageSize=1' })
    ).json();
    if (list.items[0]) {
      const r = await mgr.inject({
        method: 'GET',
        url: `/api/calls/${callId}/eligibility?companyId=${list.items[0].id}`,
      });
      expect(r.json().eligible).toBe(false);
      expect(r.json().checks.find((c: { type: string }) => c.type === 'seoulLocated').reason.ko).toContain(
        '서울',
      );
    }
    const sup = await t().loginAs('supplier');
    const mine = (
      await (await t().loginAs('sme')).inject({ method: 'GET', url: '/api/me/applications' })
    ).json();
    const other = await sup.inject({ method: 'GET', url: `/api/applications/${mine.items[0].id}` });
    expect(other.statusCode).toBe(404);
  });

  it('call lifecycle refuses illegal transitions with 409', async () => {
    const mgr = await t().loginAs('manager');
    const aix = (await mgr.inject({ method: 'GET', url: '/api/calls?year=2021&pageSize=50' })).json()
      .items[0];
    const r = await mgr.inject({
      method: 'POST',
      url: `/api/calls/${aix.id}/transition`,
      payload: { to: 'draft' },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('illegal_transition');
  });
});
