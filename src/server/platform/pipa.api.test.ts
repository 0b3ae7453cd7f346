import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sqlRows } from '../db/client';
import { setupTestApp } from '../test/app';
import { systemActor } from './actor';
import { PERSONAL_AUDIT_FIELDS, purgeExpiredLogs, recordAudit } from './audit';

/** PIPA hardening (issue 9, part 5): access log on staff reads, masked audit, retention, exports, inputs. */
const t = setupTestApp({ firms: 30 });

interface AccessRow {
  user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  record_count: number;
  fields: string[] | null;
  reason: string | null;
}
const accessRows = (userId: string, subjectType: string) =>
  t().handle.query<AccessRow>(
    'SELECT * FROM access_log WHERE user_id = $1 AND subject_type = $2 ORDER BY id',
    [userId, subjectType],
  );

/** 디지털존, the demo SME's firm, and one of its applications (the demo world has submitted ones). */
async function smeFirm() {
  const sme = await t().loginAs('sme');
  const mine = (await sme.inject({ method: 'GET', url: '/api/me/companies' })).json();
  return mine.items[0].company.id as string;
}

describe('access log for staff reads of personal data', () => {
  it('GET application, company history, company members and the invitations list leave a row', async () => {
    const mgr = await t().loginAs('manager');
    const companyId = await smeFirm();
    const [app] = await t().handle.query<{ id: string }>(
      'SELECT id FROM applications WHERE company_id = $1 LIMIT 1',
      [companyId],
    );
    expect(app).toBeDefined();

    expect((await mgr.inject({ method: 'GET', url: `/api/applications/${app.id}` })).statusCode).toBe(200);
    const [a] = await accessRows(mgr.userId, 'application');
    expect(a).toMatchObject({ action: 'view', subject_id: app.id, fields: ['answers', 'prefill', 'files'] });

    const members = await mgr.inject({ method: 'GET', url: `/api/companies/${companyId}/members` });
    expect(members.statusCode).toBe(200);
    const [m] = await accessRows(mgr.userId, 'company_members');
    expect(m).toMatchObject({ subject_id: companyId, record_count: members.json().items.length });
    expect(m.fields).toEqual(['name', 'email']);

    const history = await mgr.inject({ method: 'GET', url: `/api/companies/${companyId}/history` });
    expect(history.statusCode).toBe(200);
    if (history.json().items.length > 0) {
      const [h] = await accessRows(mgr.userId, 'company_history');
      expect(h).toMatchObject({ subject_id: companyId, record_count: history.json().items.length });
    }

    const inv = await mgr.inject({
      method: 'POST',
      url: '/api/diagnosis/invitations',
      payload: { targets: [{ email: 'pipa-invite@example.kr' }] },
    });
    expect(inv.statusCode).toBe(201);
    const list = await mgr.inject({ method: 'GET', url: '/api/diagnosis/invitations' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { email: string }) => i.email)).toContain('pipa-invite@example.kr');
    const [i] = await accessRows(mgr.userId, 'diagnosis_invitation');
    expect(i).toMatchObject({ action: 'view', fields: ['email'] });
    expect(i.record_count).toBeGreaterThan(0);
  });

  it('a member reading their own firm is not an access to log', async () => {
    const sme = await t().loginAs('sme');
    const companyId = await smeFirm();
    expect((await sme.inject({ method: 'GET', url: `/api/companies/${companyId}/members` })).statusCode).toBe(
      200,
    );
    expect(await accessRows(sme.userId, 'company_members')).toEqual([]);
  });
});

describe('audit rows keep masked personal data only', () => {
  it('a phone and representative change is audited with field names and masked values', async () => {
    const mgr = await t().loginAs('manager');
    const [firm] = await t().handle.query<{ id: string }>(
      'SELECT id FROM companies ORDER BY brn LIMIT 1 OFFSET 3',
    );
    const c = (await mgr.inject({ method: 'GET', url: `/api/companies/${firm.id}` })).json();
    const upd = await mgr.inject({
      method: 'PATCH',
      url: `/api/companies/${firm.id}`,
      payload: {
        phone: '010-2345-6789',
        representative: '남궁민수',
        email: 'minsu.namgung@example.kr',
        version: c.version,
      },
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().phone).toBe('010-2345-6789');
    const raw = await t().handle.query<{ after: Record<string, unknown>; category: string }>(
      `SELECT after, category FROM audit_log WHERE entity_type = 'company' AND entity_id = $1
       AND action = 'company.update' ORDER BY id DESC LIMIT 1`,
      [firm.id],
    );
    expect(raw[0].after).toMatchObject({
      phone: '010-****-6789',
      representative: '남**수',
      email: 'mi***********@example.kr',
    });
    expect(JSON.stringify(raw[0])).not.toContain('2345');
    expect(JSON.stringify(raw[0])).not.toContain('남궁민수');
    expect(raw[0].category).toBe('business');
    // the history still says what changed
    const hist = (await mgr.inject({ method: 'GET', url: `/api/companies/${firm.id}/history` })).json();
    expect(hist.items[0].after).toMatchObject({ phone: '010-****-6789' });
  });

  it('masks nested answers and user names whoever inserts the row', async () => {
    await t().handle.db.transaction((tx) =>
      recordAudit(tx, systemActor('pipa-test'), {
        action: 'application.save',
        entityType: 'application',
        entityId: 'pipa-1',
        after: { answers: { contactName: '김대표', contactPhone: '02-123-4567', area: 'process' } },
      }),
    );
    await t().handle.query(
      `INSERT INTO audit_log (action, entity_type, entity_id, after)
       VALUES ('user.create', 'user', 'pipa-2', '{"name":"홍길동","email":"hong@example.kr","role":"sme"}')`,
    );
    const rows = await t().handle.query<{ entity_id: string; after: unknown }>(
      `SELECT entity_id, after FROM audit_log WHERE entity_id IN ('pipa-1', 'pipa-2') ORDER BY entity_id`,
    );
    expect(rows).toEqual([
      {
        entity_id: 'pipa-1',
        after: { answers: { contactName: '김*표', contactPhone: '02-****-4567', area: 'process' } },
      },
      { entity_id: 'pipa-2', after: { name: '홍*동', email: 'ho**@example.kr', role: 'sme' } },
    ]);
  });
});

describe('the registry of personal audit fields', () => {
  it('every field the TypeScript registry names is masked by the database, nested ones too', async () => {
    const f = PERSONAL_AUDIT_FIELDS;
    const flat = Object.fromEntries([
      ...f.emails.map((k) => [k, 'someone@example.kr']),
      ...f.phones.map((k) => [k, '010-9876-5432']),
      ...f.names.map((k) => [k, '홍길동']),
    ]);
    const after = { ...flat, ...Object.fromEntries(f.nested.map((k) => [k, { ...flat }])) };
    const [r] = await t().handle.query<{ after: Record<string, unknown> }>(
      `INSERT INTO audit_log (action, entity_type, entity_id, after) VALUES ('t', 'test', 'registry', $1)
       RETURNING after`,
      [JSON.stringify(after)],
    );
    const text = JSON.stringify(r.after);
    expect(text).not.toContain('someone@');
    expect(text).not.toContain('9876');
    expect(text).not.toContain('홍길동');
    expect(r.after.answers).toMatchObject({ contactName: '홍*동', contactPhone: '010-****-5432' });
  });
});

describe('retention per category', () => {
  it('sets keep_until from the category; only expired rows can be purged, through the function', async () => {
    const [r] = await t().handle.query<{ category: string; years: number }>(
      `INSERT INTO audit_log (action, entity_type, entity_id, keep_until)
       VALUES ('user.update', 'user', 'pipa-3', now() - interval '1 day')
       RETURNING category, extract(year FROM age(keep_until, at))::int AS years`,
    );
    // a caller cannot choose a shorter retention
    expect(r).toEqual({ category: 'account', years: 3 });
    const [acc] = await t().handle.query<{ years: number }>(
      `INSERT INTO access_log (action, subject_type, keep_until) VALUES ('view', 'pipa', now())
       RETURNING extract(year FROM age(keep_until, at))::int AS years`,
    );
    expect(acc.years).toBe(2);
    await t().handle.query(
      `INSERT INTO audit_log (at, action, entity_type, entity_id) VALUES
         (now() - interval '6 years', 'company.update', 'company', 'pipa-old'),
         (now() - interval '4 years', 'company.update', 'company', 'pipa-kept')`,
    );
    await t().handle.query(
      `INSERT INTO access_log (at, action, subject_type, subject_id) VALUES (now() - interval '3 years', 'view', 'pipa', 'old')`,
    );
    // expired or not, a plain DELETE is still refused
    await expect(t().handle.query(`DELETE FROM audit_log WHERE entity_id = 'pipa-old'`)).rejects.toThrow(
      /append-only|permission denied/,
    );
    const purged = await purgeExpiredLogs(t().handle.db);
    expect(purged.audit).toBeGreaterThanOrEqual(1);
    expect(purged.access).toBeGreaterThanOrEqual(1);
    const left = await t().handle.query<{ entity_id: string }>(
      `SELECT entity_id FROM audit_log WHERE entity_id IN ('pipa-old', 'pipa-kept')`,
    );
    expect(left).toEqual([{ entity_id: 'pipa-kept' }]);
    const rows = await sqlRows<{ n: number }>(
      t().handle.db,
      sql`SELECT count(*)::int AS n FROM access_log WHERE subject_type = 'pipa' AND subject_id = 'old'`,
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('unmasked export reasons', () => {
  const url = (q: string) => `/api/companies/export?format=csv&unmask=true${q}`;
  it('needs a purpose from the list and a reason of at least 10 characters', async () => {
    const mgr = await t().loginAs('manager');
    const short = await mgr.inject({ method: 'GET', url: url('&purpose=survey&reason=조사') });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.fields).toContainEqual({
      path: 'query.reason',
      message: '사유를 10자 이상 구체적으로 적어 주세요.',
    });
    const noPurpose = await mgr.inject({
      method: 'GET',
      url: url(`&reason=${encodeURIComponent('2021년 실태조사 표본 추출용 연락처 확인')}`),
    });
    expect(noPurpose.statusCode).toBe(422);
    expect(noPurpose.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['query.purpose']);
    const unknown = await mgr.inject({ method: 'GET', url: url('&purpose=curiosity&reason=1234567890') });
    expect(unknown.statusCode).toBe(400);
    const reason = '2021년 실태조사 표본 추출용 연락처 확인';
    const ok = await mgr.inject({
      method: 'GET',
      url: url(`&purpose=survey&reason=${encodeURIComponent(reason)}`),
    });
    expect(ok.statusCode).toBe(200);
    const [row] = await t().handle.query<{ reason: string }>(
      `SELECT reason FROM access_log WHERE user_id = $1 AND action = 'download' ORDER BY id DESC LIMIT 1`,
      [mgr.userId],
    );
    expect(row.reason).toBe(`[survey] ${reason}`);
  });
});

describe('company inputs', () => {
  it('refuses non-http homepages and future founding dates; strips bidi and control characters', async () => {
    const mgr = await t().loginAs('manager');
    const [firm] = await t().handle.query<{ id: string }>(
      'SELECT id FROM companies ORDER BY brn LIMIT 1 OFFSET 5',
    );
    const version = async () =>
      (await mgr.inject({ method: 'GET', url: `/api/companies/${firm.id}` })).json().version as number;
    for (const homepage of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://files.example.kr']) {
      const res = await mgr.inject({
        method: 'PATCH',
        url: `/api/companies/${firm.id}`,
        payload: { homepage, version: await version() },
      });
      expect(res.statusCode, homepage).toBe(400);
      expect(res.json().error.fields[0].path).toBe('homepage');
    }
    const future = await mgr.inject({
      method: 'PATCH',
      url: `/api/companies/${firm.id}`,
      payload: { foundedOn: '2999-01-01', version: await version() },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toContainEqual({
      path: 'foundedOn',
      message: '오늘 이후 날짜는 입력할 수 없습니다.',
    });
    const named = await mgr.inject({
      method: 'PATCH',
      url: `/api/companies/${firm.id}`,
      payload: {
        name: '잇다\u202E랩스\u0007',
        representative: '\u2066김철수\u2069',
        homepage: 'https://itda.example.kr',
        version: await version(),
      },
    });
    expect(named.statusCode).toBe(200);
    expect(named.json()).toMatchObject({
      name: '잇다랩스',
      representative: '김철수',
      homepage: 'https://itda.example.kr',
    });
  });
});

describe('viewer analytics below the small-group threshold', () => {
  it('hides the histogram and stage splits as well as the means', async () => {
    const rows = await t().handle.query<{ district: string; n: number }>(
      `SELECT district, count(*)::int AS n FROM diagnoses WHERE is_latest AND district IS NOT NULL
       GROUP BY 1 HAVING count(*) BETWEEN 1 AND 4 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    expect(rows.length).toBe(1);
    const url = `/api/diagnosis/analytics?district=${rows[0].district}`;
    const viewer = await t().loginAs('viewer');
    const v = (await viewer.inject({ method: 'GET', url })).json();
    expect(v.totals).toMatchObject({ firms: rows[0].n, meanOverall: null, medianOverall: null });
    expect(v.histogram).toEqual([]);
    for (const g of [...v.bySize, ...v.bySection, ...v.byDistrict]) {
      expect(g.suppressed).toBe(true);
      expect(g.stages.every((x: number) => x === 0)).toBe(true);
    }
    // staff keep the full picture
    const mgr = await t().loginAs('manager');
    const m = (await mgr.inject({ method: 'GET', url })).json();
    expect(m.histogram).toHaveLength(10);
    expect(m.histogram.reduce((s: number, h: { n: number }) => s + h.n, 0)).toBe(rows[0].n);
  });
});
