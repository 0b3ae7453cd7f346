import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../test/app';
import { multipartBody, TINY_PDF } from '../../test/multipart';

const t = setupTestApp({ firms: 60 });

const form = [
  {
    key: 'basic',
    title: { ko: '기본 정보' },
    fields: [
      { key: 'contact', type: 'shortText', label: { ko: '담당자' }, required: true, maxLength: 50 },
      {
        key: 'area',
        type: 'singleChoice',
        label: { ko: '분야' },
        options: [
          { value: 'ai', ko: 'AI' },
          { value: 'dx', ko: 'DX' },
        ],
      },
    ],
  },
];

async function programId() {
  const programs = (await t().app.inject({ method: 'GET', url: '/api/programs' })).json();
  return programs.items[0].id as string;
}

async function upload(s: Awaited<ReturnType<ReturnType<typeof t>['loginAs']>>, buffer: Buffer, name: string) {
  const mp = await multipartBody({ file: { buffer, filename: name } });
  return s.inject({ method: 'POST', url: '/api/calls/attachments', ...mp });
}

describe('call attachments and editing', () => {
  it('staff upload an attachment, link it to a call; drafts hide it from the public until published', async () => {
    const manager = await t().loginAs('manager');
    const up = await upload(manager, TINY_PDF, '2026년 공고문.pdf');
    expect(up.statusCode).toBe(201);
    const file = up.json();
    expect(file).toMatchObject({ name: '2026년 공고문.pdf', size: TINY_PDF.length, mime: 'application/pdf' });

    const bad = await upload(manager, Buffer.from('<html><script>alert(1)</script></html>'), 'x.pdf');
    expect(bad.statusCode).toBe(415);

    const sme = await t().loginAs('sme');
    expect((await upload(sme, TINY_PDF, 'a.pdf')).statusCode).toBe(403);

    const created = await manager.inject({
      method: 'POST',
      url: '/api/calls',
      payload: {
        programId: await programId(),
        year: 2026,
        title: '첨부 시험 공고',
        opensAt: '2026-01-05T10:00:00+09:00',
        closesAt: '2099-02-01T18:00:00+09:00',
        capacity: 10,
        perFirmCap: 40_000_000,
        eligibility: [{ type: 'seoulLocated' }],
        attachmentIds: [file.id],
        form,
      },
    });
    expect(created.statusCode).toBe(201);
    const call = created.json();
    expect(call.attachments).toEqual([file]);
    expect(call.formInUse).toBe(false);

    const url = `/api/calls/${call.id}/attachments/${file.id}`;
    expect((await t().app.inject({ method: 'GET', url })).statusCode).toBe(404);
    const staffGet = await manager.inject({ method: 'GET', url });
    expect(staffGet.statusCode).toBe(200);
    expect(staffGet.headers['content-disposition']).toContain(encodeURIComponent('2026년 공고문.pdf'));

    const published = await manager.inject({
      method: 'POST',
      url: `/api/calls/${call.id}/transition`,
      payload: { to: 'published' },
    });
    expect(published.statusCode).toBe(200);
    const anon = await t().app.inject({ method: 'GET', url });
    expect(anon.statusCode).toBe(200);
    expect(anon.rawPayload.equals(TINY_PDF)).toBe(true);
    expect(anon.headers['content-type']).toBe('application/pdf');

    // a file that is not one of the call's attachments is not served through the call
    const other = (await upload(manager, TINY_PDF, 'other.pdf')).json();
    const notLinked = await t().app.inject({
      method: 'GET',
      url: `/api/calls/${call.id}/attachments/${other.id}`,
    });
    expect(notLinked.statusCode).toBe(404);
  });

  it('rejects unknown attachment ids with a field path; stale versions are 409; forms version once in use', async () => {
    const manager = await t().loginAs('manager');
    const base = {
      programId: await programId(),
      year: 2026,
      title: '양식 버전 시험 공고',
      opensAt: '2020-01-05T10:00:00+09:00',
      closesAt: '2099-02-01T18:00:00+09:00',
      capacity: 10,
      form,
    };
    const unknown = await manager.inject({
      method: 'POST',
      url: '/api/calls',
      payload: { ...base, attachmentIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields[0].path).toBe('attachmentIds');

    const badForm = await manager.inject({
      method: 'POST',
      url: '/api/calls',
      payload: {
        ...base,
        form: [{ ...form[0], fields: [{ ...form[0].fields[1], options: [] }] }],
      },
    });
    expect(badForm.statusCode).toBe(400);
    expect(badForm.json().error.fields[0].path).toBe('form.0.fields.0.options');

    const call = (await manager.inject({ method: 'POST', url: '/api/calls', payload: base })).json();
    // the unchanged form sent back by the editor does not count as a change
    const same = await manager.inject({
      method: 'PATCH',
      url: `/api/calls/${call.id}`,
      payload: { title: '양식 버전 시험 공고 (수정)', form: call.form.sections, version: call.version },
    });
    expect(same.statusCode).toBe(200);
    expect(same.json().form).toEqual(call.form);
    const stale = await manager.inject({
      method: 'PATCH',
      url: `/api/calls/${call.id}`,
      payload: { title: '늦은 수정', version: call.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');

    await manager.inject({
      method: 'POST',
      url: `/api/calls/${call.id}/transition`,
      payload: { to: 'published' },
    });
    const sme = await t().loginAs('sme');
    const app = await sme.inject({ method: 'POST', url: `/api/calls/${call.id}/applications`, payload: {} });
    expect(app.statusCode).toBe(201);
    const inUse = (await manager.inject({ method: 'GET', url: `/api/calls/${call.id}` })).json();
    expect(inUse.formInUse).toBe(true);
    const changed = [
      { ...form[0], fields: [...form[0].fields, { key: 'extra', type: 'longText', label: { ko: '추가' } }] },
    ];
    const v2 = await manager.inject({
      method: 'PATCH',
      url: `/api/calls/${call.id}`,
      payload: { form: changed, version: inUse.version },
    });
    expect(v2.statusCode).toBe(200);
    expect(v2.json().form.version).toBe(2);
    expect(v2.json().formInUse).toBe(false);
  });
});

describe('orphaned call attachments', () => {
  it('maintenance deletes uploads never saved to a call after a day, and keeps attached ones', async () => {
    const { runMaintenance } = await import('../../platform/maintenance');
    const manager = await t().loginAs('manager');
    const kept = (await upload(manager, TINY_PDF, 'kept.pdf')).json();
    const orphan = (await upload(manager, TINY_PDF, 'orphan.pdf')).json();
    const recent = (await upload(manager, TINY_PDF, 'recent.pdf')).json();
    const created = await manager.inject({
      method: 'POST',
      url: '/api/calls',
      payload: {
        programId: await programId(),
        year: 2026,
        title: '첨부 보존 시험 공고',
        opensAt: '2026-01-05T10:00:00+09:00',
        closesAt: '2099-02-01T18:00:00+09:00',
        capacity: 10,
        attachmentIds: [kept.id],
        form,
      },
    });
    expect(created.statusCode).toBe(201);
    await t().handle.query(
      `UPDATE files SET created_at = now() - interval '2 days' WHERE id = ANY($1::uuid[])`,
      [[kept.id, orphan.id]],
    );
    await runMaintenance(t().handle.db, { files: t().config.files }, t().app.deps.modules.maintenance);
    const left = await t().handle.query<{ id: string }>(`SELECT id FROM files WHERE id = ANY($1::uuid[])`, [
      [kept.id, orphan.id, recent.id],
    ]);
    expect(left.map((r) => r.id).sort()).toEqual([kept.id, recent.id].sort());
  });
});
