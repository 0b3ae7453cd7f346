import { describe, expect, it } from 'vitest';
import { seedBrn } from '../../../demo/load';
import { sessionFrom, setupTestApp } from '../../test/app';

const t = setupTestApp();

describe('companies API', () => {
  it('staff search by fuzzy name, filters and paging', async () => {
    const s = await t().loginAs('manager');
    const res = await s.inject({ method: 'GET', url: '/api/companies?q=플레이 스터디&pageSize=5' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items[0].name).toBe('(주)플레이스터디');
    expect(body.items[0].representative).toMatch(/\*/);
    const typo = await s.inject({
      method: 'GET',
      url: `/api/companies?q=${encodeURIComponent('플레이스타디')}`,
    });
    expect(typo.json().items.map((i: { name: string }) => i.name)).toContain('(주)플레이스터디');
    const filtered = await s.inject({
      method: 'GET',
      url: '/api/companies?district=guro,mapo&sizeClass=small&pageSize=100',
    });
    expect(filtered.statusCode).toBe(200);
    for (const c of filtered.json().items) {
      expect(['guro', 'mapo']).toContain(c.district);
      expect(c.sizeClass).toBe('small');
    }
  });

  it('creates with BRN checksum validation and refuses duplicates', async () => {
    const s = await t().loginAs('manager');
    const bad = await s.inject({
      method: 'POST',
      url: '/api/companies',
      payload: { brn: '220-81-62518', name: '테스트' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'brn' });
    expect(bad.json().error.fields[0].message).toContain('검증번호');
    const ok = await s.inject({
      method: 'POST',
      url: '/api/companies',
      payload: { brn: '220-81-62517', name: '테스트기업', district: 'guro' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().brn).toBe('2208162517');
    const dup = await s.inject({
      method: 'POST',
      url: '/api/companies',
      payload: { brn: '2208162517', name: '다른이름' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('brn_taken');
  });

  it('edits with optimistic version and writes the audit trail', async () => {
    const s = await t().loginAs('manager');
    const list = await s.inject({ method: 'GET', url: '/api/companies?q=세친구' });
    const id = list.json().items[0].id;
    const c = (await s.inject({ method: 'GET', url: `/api/companies/${id}` })).json();
    expect(c.masked).toBe(false);
    const upd = await s.inject({
      method: 'PATCH',
      url: `/api/companies/${id}`,
      payload: { employees: 77, version: c.version },
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().employees).toBe(77);
    const stale = await s.inject({
      method: 'PATCH',
      url: `/api/companies/${id}`,
      payload: { employees: 78, version: c.version },
    });
    expect(stale.statusCode).toBe(409);
    const hist = (await s.inject({ method: 'GET', url: `/api/companies/${id}/history` })).json();
    expect(hist.items[0]).toMatchObject({ action: 'company.update', after: { employees: 77 } });
  });

  it('merges a near-duplicate record', async () => {
    const s = await t().loginAs('manager');
    const a = await s.inject({
      method: 'POST',
      url: '/api/companies',
      payload: {
        brn: '9998100015',
        name: '(주)한결정밀',
        address: '서울특별시 구로구 디지털로 1',
        tags: ['a'],
      },
    });
    const b = await s.inject({
      method: 'POST',
      url: '/api/companies',
      payload: {
        brn: '9998100029',
        name: '한결 정밀 주식회사',
        address: '서울특별시 구로구 디지털로 1',
        employees: 12,
        tags: ['b'],
      },
    });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    const dups = (await s.inject({ method: 'GET', url: `/api/companies/${a.json().id}/duplicates` })).json();
    expect(dups.items[0]).toMatchObject({ id: b.json().id, reason: 'same_address_similar_name' });
    const m = await s.inject({
      method: 'POST',
      url: `/api/companies/${a.json().id}/merge`,
      payload: { fromId: b.json().id, reason: '같은 기업 중복 등록' },
    });
    expect(m.statusCode).toBe(200);
    const merged = (await s.inject({ method: 'GET', url: `/api/companies/${a.json().id}` })).json();
    expect(merged.employees).toBe(12);
    expect(merged.tags.sort()).toEqual(['a', 'b']);
    const gone = (await s.inject({ method: 'GET', url: `/api/companies?q=9998100029` })).json();
    expect(gone.total).toBe(0);
  });
});

describe('company membership', () => {
  it('a colleague claiming an owned firm waits as pending; the owner sees and approves them', async () => {
    const signup = await t().signUp({
      email: 'colleague@example.kr',
      password: 'Haneul-Dari-2048',
      name: '이동료',
      role: 'sme',
      consents: { terms: true, privacy: true },
    });
    expect(signup.statusCode).toBe(200);
    const colleague = sessionFrom(t().app, signup);
    const claim = await colleague.inject({
      method: 'POST',
      url: '/api/me/companies/claim',
      payload: { brn: seedBrn(0) },
    });
    expect(claim.json()).toMatchObject({ method: 'owner', status: 'pending' });
    const owner = await t().loginAs('sme');
    const claims = (await owner.inject({ method: 'GET', url: '/api/claims?status=pending' })).json();
    expect(
      claims.items.find((c: { claimant: { email: string } }) => c.claimant.email === 'colleague@example.kr'),
    ).toMatchObject({ companyId: claim.json().companyId, status: 'pending' });
    const ok = await owner.inject({
      method: 'POST',
      url: `/api/companies/${claim.json().companyId}/members/${colleague.userId}/approve`,
    });
    expect(ok.statusCode).toBe(200);
  });
});
