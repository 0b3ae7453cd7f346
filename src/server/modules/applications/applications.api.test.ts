import { describe, expect, it } from 'vitest';
import { readTable } from '../../platform/tabular';
import { setupTestApp } from '../../test/app';
import { multipartBody, TINY_PDF } from '../../test/multipart';

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

    // documents: wrong content refused, wrong extension refused, a PDF accepted and downloadable
    const upload = async (buffer: Buffer, filename: string) =>
      sme.inject({
        method: 'POST',
        url: `/api/applications/${app.id}/files`,
        ...(await multipartBody({ fieldKey: 'bizCert', file: { buffer, filename } })),
      });
    expect((await upload(Buffer.from('MZ\u0000\u0000binary'), 'cert.pdf')).statusCode).toBe(415);
    expect((await upload(TINY_PDF, 'cert.docx')).statusCode).toBe(422);
    const up = await upload(TINY_PDF, '사업자등록증.pdf');
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({
      fieldKey: 'bizCert',
      name: '사업자등록증.pdf',
      mime: 'application/pdf',
    });
    const dl = await sme.inject({
      method: 'GET',
      url: `/api/applications/${app.id}/files/${up.json().fileId}`,
    });
    expect(dl.rawPayload.equals(TINY_PDF)).toBe(true);
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

    // the call's window (CALL_ACTION_WINDOWS): before opens_at a withdrawn application can be edited but
    // not submitted; after closes_at neither answers nor documents change
    const [{ opens_at, closes_at }] = await t().handle.query<{ opens_at: Date; closes_at: Date }>(
      'SELECT opens_at, closes_at FROM calls WHERE id = $1',
      [callId],
    );
    await t().handle.query("UPDATE calls SET opens_at = now() + interval '1 hour' WHERE id = $1", [callId]);
    const early = await sme.inject({ method: 'POST', url: `/api/applications/${app.id}/submit` });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('call_not_open');
    const earlySave = await sme.inject({
      method: 'PATCH',
      url: `/api/applications/${app.id}`,
      payload: { answers: { problem: goodAnswers.problem } },
    });
    expect(earlySave.statusCode).toBe(200);
    await t().handle.query(
      "UPDATE calls SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 second' WHERE id = $1",
      [callId],
    );
    const lateSave = await sme.inject({
      method: 'PATCH',
      url: `/api/applications/${app.id}`,
      payload: { answers: { problem: goodAnswers.problem } },
    });
    expect(lateSave.json().error.code).toBe('deadline_passed');
    const lateUpload = await upload(TINY_PDF, '늦은서류.pdf');
    expect(lateUpload.statusCode).toBe(409);
    expect(lateUpload.json().error.code).toBe('deadline_passed');
    await t().handle.query('UPDATE calls SET opens_at = $2, closes_at = $3 WHERE id = $1', [
      callId,
      opens_at,
      closes_at,
    ]);

    const re = await sme.inject({ method: 'POST', url: `/api/applications/${app.id}/submit` });
    expect(re.json().receiptNo).toBe(ok.json().receiptNo);
    // the submit statement wrote its audit rows itself (one per submission), with the receipt
    const submits = await t().handle.query<{
      actor_id: string;
      before: unknown;
      after: Record<string, unknown>;
    }>(
      "SELECT actor_id, before, after FROM audit_log WHERE entity_id = $1 AND action = 'application.submit' ORDER BY id",
      [app.id],
    );
    expect(submits).toHaveLength(2);
    expect(submits[1].before).toEqual({ status: 'withdrawn' });
    expect(submits[1].after).toMatchObject({ status: 'submitted', receiptNo: ok.json().receiptNo });
    expect(submits[1].after.submittedAt).toBe(re.json().submittedAt);
    expect(submits[1].actor_id).toBeTruthy();

    // staff see it with the ratio
    const mgr = await t().loginAs('manager');
    const list = (await mgr.inject({ method: 'GET', url: `/api/calls/${callId}/applications` })).json();
    expect(list.counts.submitted).toBe(1);
    expect(list.competitionRatio).toBe(0.1);
    const zip = await mgr.inject({ method: 'GET', url: `/api/calls/${callId}/applications/documents.zip` });
    expect(zip.statusCode).toBe(200);
    expect(zip.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(zip.rawPayload.includes(Buffer.from('사업자등록증.pdf'))).toBe(true);
    const xlsx = await mgr.inject({ method: 'GET', url: `/api/calls/${callId}/applications/export.xlsx` });
    const table = await readTable(xlsx.rawPayload, 'x.xlsx');
    expect(table.headers.slice(0, 3)).toEqual(['접수번호', '기업명', '사업자등록번호']);
    expect(table.rows[0][1]).toBe('디지털존');

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

describe('programs and calls (staff)', () => {
  it('creates a program with budgets, a call with a form, publishes it; a form with applications gets a new version', async () => {
    const mgr = await t().loginAs('manager');
    const p = await mgr.inject({
      method: 'POST',
      url: '/api/programs',
      payload: {
        code: 'TST',
        module: 'support',
        nameKo: '시험 사업',
        budgets: [{ year: 2026, amount: 100_000_000 }],
      },
    });
    expect(p.statusCode).toBe(201);
    expect(p.json().budgets).toEqual([{ year: 2026, amount: 100_000_000 }]);
    const now = Date.now();
    const c = await mgr.inject({
      method: 'POST',
      url: '/api/calls',
      payload: {
        programId: p.json().id,
        year: 2026,
        title: '시험 공고',
        opensAt: new Date(now - 3600_000).toISOString(),
        closesAt: new Date(now + 86400_000).toISOString(),
        capacity: 3,
        eligibility: [{ type: 'seoulLocated' }],
        form: [
          {
            key: 's',
            title: { ko: '기본' },
            fields: [{ key: 'a', type: 'shortText', label: { ko: '항목' }, required: true }],
          },
        ],
      },
    });
    expect(c.statusCode).toBe(201);
    const anon = await t().app.inject({ method: 'GET', url: `/api/calls/${c.json().id}` });
    expect(anon.statusCode).toBe(404);
    const pub = await mgr.inject({
      method: 'POST',
      url: `/api/calls/${c.json().id}/transition`,
      payload: { to: 'published' },
    });
    expect(pub.json().status).toBe('open');
    const sme = await t().loginAs('sme');
    const draft = await sme.inject({
      method: 'POST',
      url: `/api/calls/${c.json().id}/applications`,
      payload: {},
    });
    expect(draft.statusCode).toBe(201);
    const edited = await mgr.inject({
      method: 'PATCH',
      url: `/api/calls/${c.json().id}`,
      payload: {
        version: pub.json().version,
        form: [
          {
            key: 's',
            title: { ko: '기본' },
            fields: [{ key: 'b', type: 'longText', label: { ko: '새 항목' } }],
          },
        ],
      },
    });
    expect(edited.json().form.version).toBe(2);
    const stillV1 = await sme.inject({ method: 'GET', url: `/api/applications/${draft.json().id}` });
    expect(stillV1.json().formVersion).toBe(1);
  });
});

describe('company merge moves applications', () => {
  it("the absorbed record's applications move to the surviving company", async () => {
    const mgr = await t().loginAs('manager');
    const mk = async (brn: string, name: string) =>
      (
        await mgr.inject({ method: 'POST', url: '/api/companies', payload: { brn, name, district: 'guro' } })
      ).json().id as string;
    const into = await mk('9998100034', '합병존속기업');
    const from = await mk('9998100048', '합병소멸기업');
    const [call] = await t().handle.query<{ id: string; form: string }>(
      'SELECT c.id, f.id AS form FROM calls c JOIN call_forms f ON f.call_id = c.id WHERE c.year = 2021 LIMIT 1',
    );
    await t().handle.query('INSERT INTO applications (call_id, company_id, form_id) VALUES ($1, $2, $3)', [
      call.id,
      from,
      call.form,
    ]);
    const m = await mgr.inject({
      method: 'POST',
      url: `/api/companies/${into}/merge`,
      payload: { fromId: from, reason: '중복 등록' },
    });
    expect(m.statusCode).toBe(200);
    const rows = await t().handle.query<{ company_id: string }>(
      'SELECT company_id FROM applications WHERE call_id = $1 AND company_id IN ($2, $3)',
      [call.id, into, from],
    );
    expect(rows).toEqual([{ company_id: into }]);
  });
});

describe('supplements and review', () => {
  it('staff request a supplement; the applicant re-submits after the deadline but before its due date; staff mark it incomplete', async () => {
    const mgr = await t().loginAs('manager');
    const sme = await t().loginAs('sme');
    const mine = (await sme.inject({ method: 'GET', url: '/api/me/applications' })).json();
    const app = mine.items.find((a: { status: string }) => a.status === 'submitted');
    const callId = app.callId as string;
    await t().handle.query("UPDATE calls SET closes_at = now() - interval '1 second' WHERE id = $1", [
      callId,
    ]);
    const due = new Date(Date.now() + 3 * 86400_000).toISOString();
    const req = await mgr.inject({
      method: 'POST',
      url: `/api/applications/${app.id}/supplement`,
      payload: { message: '사업자등록증 사본이 흐립니다', dueAt: due },
    });
    expect(req.json()).toMatchObject({
      status: 'supplement_requested',
      statusReason: '사업자등록증 사본이 흐립니다',
    });
    const edit = await sme.inject({
      method: 'PATCH',
      url: `/api/applications/${app.id}`,
      payload: { answers: { problem: '보완했습니다' } },
    });
    expect(edit.statusCode).toBe(200);
    const resubmit = await sme.inject({ method: 'POST', url: `/api/applications/${app.id}/submit` });
    expect(resubmit.json()).toMatchObject({ status: 'submitted', receiptNo: app.receiptNo });
    const review = await mgr.inject({
      method: 'POST',
      url: `/api/applications/${app.id}/review`,
      payload: { status: 'incomplete', reason: '필수 서류 미비' },
    });
    expect(review.json()).toMatchObject({ status: 'incomplete', statusReason: '필수 서류 미비' });
    const illegal = await mgr.inject({ method: 'POST', url: `/api/applications/${app.id}/withdraw` });
    expect(illegal.statusCode).toBe(403);
    const audit = await t().handle.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_id = $1 AND action IN ('application.supplement_request', 'application.supplement_submit', 'application.review') ORDER BY id",
      [app.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'application.supplement_request',
      'application.supplement_submit',
      'application.review',
    ]);
    await t().handle.query("UPDATE calls SET closes_at = now() + interval '14 days' WHERE id = $1", [callId]);
  });
});
