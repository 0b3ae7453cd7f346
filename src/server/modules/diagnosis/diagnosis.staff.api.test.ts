import { describe, expect, it } from 'vitest';
import { readTable } from '../../platform/tabular';
import { setupTestApp } from '../../test/app';

/** The diagnosis seen by staff and partners: invitations, recommendation rules, analytics, before/after. */
const t = setupTestApp({ firms: 300 });

const one = async <T = Record<string, unknown>>(q: string, params: unknown[] = []) =>
  (await t().handle.query<T>(q, params))[0];

describe('invitations', () => {
  it('partners invite only their association’s members; staff may invite by email; links are single-purpose', async () => {
    const partner = await t().loginAs('partner');
    const outside = await one<{ id: string }>(
      `SELECT c.id FROM companies c WHERE c.id NOT IN (SELECT company_id FROM company_associations ca
         JOIN associations a ON a.id = ca.association_id WHERE a.name = '하이서울기업협회') LIMIT 1`,
    );
    const refused = await partner.inject({
      method: 'POST',
      url: '/api/diagnosis/invitations',
      payload: { targets: [{ companyId: outside.id }] },
    });
    expect(refused.statusCode).toBe(403);
    const emailOnly = await partner.inject({
      method: 'POST',
      url: '/api/diagnosis/invitations',
      payload: { targets: [{ email: 'someone@example.kr' }] },
    });
    expect(emailOnly.statusCode).toBe(403);
    const empty = await partner.inject({
      method: 'POST',
      url: '/api/diagnosis/invitations',
      payload: { targets: [{}] },
    });
    expect(empty.statusCode).toBe(400);

    const mgr = await t().loginAs('manager');
    const byEmail = await mgr.inject({
      method: 'POST',
      url: '/api/diagnosis/invitations',
      payload: { targets: [{ email: 'New.Firm@Example.kr' }, { companyId: outside.id }] },
    });
    expect(byEmail.statusCode).toBe(201);
    expect(byEmail.json().items).toHaveLength(2);
    expect(byEmail.json().items[0]).toMatchObject({
      email: 'new.firm@example.kr',
      companyId: null,
      status: 'sent',
    });
    const staffList = await mgr.inject({ method: 'GET', url: '/api/diagnosis/invitations?pageSize=100' });
    const partnerList = await partner.inject({
      method: 'GET',
      url: '/api/diagnosis/invitations?pageSize=100',
    });
    expect(staffList.json().total).toBeGreaterThan(partnerList.json().total);
    const [assoc] = await t().handle.query<{ id: string }>(
      `SELECT id FROM associations WHERE name = '하이서울기업협회'`,
    );
    for (const i of partnerList.json().items) expect(i.associationId).toBe(assoc.id);
    const totals = partnerList.json().totals;
    expect(totals.sent).toBeGreaterThanOrEqual(totals.started);
    expect(totals.started).toBeGreaterThanOrEqual(totals.submitted);
    const sme = await t().loginAs('sme');
    expect((await sme.inject({ method: 'GET', url: '/api/diagnosis/invitations' })).statusCode).toBe(403);
  });
});

describe('recommendation rules are data staff edit', () => {
  it('lists the default rules; creates, edits and deletes a rule (validated, audited)', async () => {
    const mgr = await t().loginAs('manager');
    const list = await mgr.inject({ method: 'GET', url: '/api/diagnosis/recommendation-rules' });
    expect(list.statusCode).toBe(200);
    const codes = list.json().items.map((r: { programCode: string }) => r.programCode);
    expect(codes).toEqual(expect.arrayContaining(['DLC', 'DXC', 'AIX']));
    const aix = list.json().items.find((r: { programCode: string }) => r.programCode === 'AIX');
    expect(aix.conditions).toEqual([
      { on: 'dimension', dimension: 'data', op: 'gte', value: 60 },
      { on: 'dimension', dimension: 'ai', op: 'lt', value: 40 },
    ]);
    const badProgram = await mgr.inject({
      method: 'POST',
      url: '/api/diagnosis/recommendation-rules',
      payload: {
        programCode: 'NOPE',
        conditions: [{ on: 'overall', op: 'lt', value: 30 }],
        reason: { ko: '이유입니다' },
      },
    });
    expect(badProgram.statusCode).toBe(422);
    const badDim = await mgr.inject({
      method: 'POST',
      url: '/api/diagnosis/recommendation-rules',
      payload: {
        programCode: 'VCH',
        conditions: [{ on: 'dimension', dimension: 'marketing', op: 'lt', value: 30 }],
        reason: { ko: '이유입니다' },
      },
    });
    expect(badDim.statusCode).toBe(422);
    expect(badDim.json().error.fields[0].path).toBe('conditions.0.dimension');
    const created = await mgr.inject({
      method: 'POST',
      url: '/api/diagnosis/recommendation-rules',
      payload: {
        programCode: 'VCH',
        conditions: [
          { on: 'overall', op: 'lt', value: 50 },
          { on: 'dimension', dimension: 'ai', op: 'lt', value: 30 },
        ],
        reason: {
          ko: 'AI 도입 경험이 적습니다. 바우처로 검증된 솔루션을 써 보세요.',
          en: 'Try a proven solution.',
        },
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const patched = await mgr.inject({
      method: 'PATCH',
      url: `/api/diagnosis/recommendation-rules/${id}`,
      payload: { active: false, priority: 1 },
    });
    expect(patched.json()).toMatchObject({ active: false, priority: 1, programCode: 'VCH' });
    expect(
      (await mgr.inject({ method: 'DELETE', url: `/api/diagnosis/recommendation-rules/${id}` })).json(),
    ).toEqual({ ok: true });
    expect(
      (await mgr.inject({ method: 'DELETE', url: `/api/diagnosis/recommendation-rules/${id}` })).statusCode,
    ).toBe(404);
    const audits = await t().handle.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_type = 'diagnosis_rule' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audits.map((a) => a.action)).toEqual(['rule.create', 'rule.update', 'rule.delete']);
  });
});

describe('analytics', () => {
  it('staff and viewers read aggregates (no firm names), with movement T0 → T1 and an XLSX export', async () => {
    for (const role of ['manager', 'viewer'] as const) {
      const s = await t().loginAs(role);
      const res = await s.inject({ method: 'GET', url: '/api/diagnosis/analytics' });
      expect(res.statusCode, role).toBe(200);
      const a = res.json();
      expect(a.totals.firms).toBeGreaterThan(10);
      expect(a.histogram).toHaveLength(10);
      expect(a.histogram.reduce((s: number, h: { n: number }) => s + h.n, 0)).toBe(a.totals.firms);
      expect(a.bySize.reduce((s: number, g: { n: number }) => s + g.n, 0)).toBe(a.totals.firms);
      expect(a.bySize[0].stages).toHaveLength(5);
      expect(a.dimensions.map((d: { key: string }) => d.key)).toEqual([
        'strategy',
        'readiness',
        'people',
        'data',
        'ai',
        'greenSecure',
      ]);
      expect(a.movement.firms).toBeGreaterThanOrEqual(10);
      expect(a.movement.meanDelta).toBeGreaterThan(0);
      expect(JSON.stringify(a)).not.toContain('디지털존');
    }
    const mgr = await t().loginAs('manager');
    const filtered = (
      await mgr.inject({ method: 'GET', url: '/api/diagnosis/analytics?sizeClass=medium' })
    ).json();
    expect(filtered.bySize.map((g: { key: string }) => g.key)).toEqual(['medium']);
    const xlsx = await mgr.inject({ method: 'GET', url: '/api/diagnosis/analytics?format=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const table = await readTable(xlsx.rawPayload, 'a.xlsx');
    expect(table.headers).toEqual(['구분', '그룹', '항목', '값']);
    expect(table.rows.some((r) => r[0] === '재진단(T0→T1)')).toBe(true);
    const sme = await t().loginAs('sme');
    expect((await sme.inject({ method: 'GET', url: '/api/diagnosis/analytics' })).statusCode).toBe(403);
  });
});

describe('small groups for viewers', () => {
  it('viewers see no mean or stages for groups of fewer than 5 firms; staff see everything', async () => {
    const viewer = await t().loginAs('viewer');
    const mgr = await t().loginAs('manager');
    const v = (await viewer.inject({ method: 'GET', url: '/api/diagnosis/analytics' })).json();
    const m = (await mgr.inject({ method: 'GET', url: '/api/diagnosis/analytics' })).json();
    const smallV = v.byDistrict.filter((g: { n: number }) => g.n < 5);
    const smallM = m.byDistrict.filter((g: { n: number }) => g.n < 5);
    expect(smallV.length).toBe(smallM.length);
    for (const g of smallV) expect(g).toMatchObject({ suppressed: true, mean: null });
    for (const g of smallM) expect(g.suppressed).toBe(false);
    for (const g of v.byDistrict.filter((x: { n: number }) => x.n >= 5)) expect(g.mean).not.toBeNull();
    // a filter narrowing to a handful of firms hides the totals' mean too
    const tiny = smallV[0]?.key;
    if (tiny) {
      const f = (
        await viewer.inject({ method: 'GET', url: `/api/diagnosis/analytics?district=${tiny}` })
      ).json();
      expect(f.totals.meanOverall).toBeNull();
      expect(f.dimensions).toEqual([]);
    }
  });
});

describe('before and after support', () => {
  it('staff see each supported firm’s T0 next to its re-assessment, filter by program, export XLSX', async () => {
    const mgr = await t().loginAs('manager');
    const res = await mgr.inject({ method: 'GET', url: '/api/diagnosis/before-after?pageSize=100' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.summary.firms).toBe(body.total);
    expect(body.summary.reassessed).toBeGreaterThanOrEqual(5);
    // funded support only: course cohorts, lectures and the conference are not "support" here
    const codes = new Set(
      body.items.flatMap((i: { supports: { programCode: string }[] }) =>
        i.supports.map((s) => s.programCode),
      ),
    );
    expect([...codes].sort()).toEqual(['AIX', 'DXC']);
    expect(body.summary.meanDelta).toBeGreaterThan(0);
    const first = body.items[0];
    expect(first.before.label).toBe('T0');
    expect(first.after.label).toMatch(/^T[1-9]/);
    expect(first.delta).toBeCloseTo(first.after.overall - first.before.overall, 0);
    expect(first.supports[0]).toMatchObject({ year: 2021 });
    expect(Object.keys(first.dimensionDeltas)).toContain('ai');
    // sorted by gain, largest first
    const deltas = body.items
      .filter((i: { delta: number | null }) => i.delta !== null)
      .map((i: { delta: number }) => i.delta);
    expect(deltas).toEqual([...deltas].sort((a, b) => b - a));

    const dxc = (
      await mgr.inject({ method: 'GET', url: '/api/diagnosis/before-after?programCode=DXC' })
    ).json();
    expect(dxc.total).toBeGreaterThan(0);
    expect(dxc.total).toBeLessThan(body.total);
    for (const i of dxc.items)
      expect(i.supports.map((s: { programCode: string }) => s.programCode)).toContain('DXC');

    const named = (
      await mgr.inject({
        method: 'GET',
        url: `/api/diagnosis/before-after?q=${encodeURIComponent(first.companyName)}`,
      })
    ).json();
    expect(named.items.map((i: { companyId: string }) => i.companyId)).toContain(first.companyId);

    const xlsx = await mgr.inject({ method: 'GET', url: '/api/diagnosis/before-after?format=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    const table = await readTable(xlsx.rawPayload, 'b.xlsx');
    expect(table.headers.slice(0, 3)).toEqual(['기업명', '지원사업(연도)', '지원 전 진단']);
    expect(table.rows).toHaveLength(body.total);

    for (const role of ['viewer', 'partner', 'sme'] as const) {
      const s = await t().loginAs(role);
      expect((await s.inject({ method: 'GET', url: '/api/diagnosis/before-after' })).statusCode, role).toBe(
        403,
      );
    }
    expect(
      (await mgr.inject({ method: 'GET', url: '/api/diagnosis/before-after?programCode=x' })).statusCode,
    ).toBe(400);
  });
});

describe('invitation links', () => {
  it('emails carry PUBLIC_URL when it is configured', async () => {
    const mgr = await t().loginAs('manager');
    const before = t().config.publicUrl;
    t().config.publicUrl = 'https://itda.example.kr';
    try {
      const res = await mgr.inject({
        method: 'POST',
        url: '/api/diagnosis/invitations',
        payload: { targets: [{ email: 'ceo@public-url.example.kr' }] },
      });
      expect(res.statusCode).toBe(201);
      const mail = await one<{ body: string }>(
        `SELECT body FROM outbox WHERE "to" = 'ceo@public-url.example.kr'`,
      );
      expect(mail.body).toContain('https://itda.example.kr/diagnosis/start?invite=');
    } finally {
      t().config.publicUrl = before;
    }
  });
});
