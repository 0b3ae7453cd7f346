import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../../shared/brn';
import { writeCsv } from '../../platform/tabular';
import { type Session, setupTestApp } from '../../test/app';
import { multipartBody } from '../../test/multipart';

/** Partners touch only their own members: a row naming a firm outside the association is a link request. */
const t = setupTestApp();

const HEADERS = ['사업자등록번호', '기업명', '대표자', '대표전화', '이메일'];
const brn = (i: number) => withCheckDigit(`97${String(i).padStart(7, '0')}`);

async function importRows(s: Session, rows: string[][], query: string) {
  const body = await multipartBody({ file: { buffer: writeCsv(HEADERS, rows), filename: '회원사.csv' } });
  return s.inject({ method: 'POST', url: `/api/companies/import?${query}`, ...body });
}

const q = <T>(text: string, params: unknown[] = []) => t().handle.query<T>(text, params);

interface Firm {
  id: string;
  brn: string;
  name: string;
  representative: string | null;
  phone: string | null;
  email: string | null;
  version: number;
}

async function firmOutside(partnerAssoc: string, skip = 0): Promise<Firm> {
  const [f] = await q<Firm>(
    `SELECT c.id, c.brn, c.name, c.representative, c.phone, c.email, c.version FROM companies c
     WHERE c.merged_into_id IS NULL
       AND EXISTS (SELECT 1 FROM company_associations ca WHERE ca.company_id = c.id)
       AND NOT EXISTS (SELECT 1 FROM company_associations ca WHERE ca.company_id = c.id AND ca.association_id = $1)
     ORDER BY c.brn OFFSET $2 LIMIT 1`,
    [partnerAssoc, skip],
  );
  return f;
}

const assocId = async (name: string) =>
  (await q<{ id: string }>('SELECT id FROM associations WHERE name = $1', [name]))[0].id;

describe('partner member-list import scope', () => {
  it('a firm outside the association is a link request: nothing about it changes and it is not linked', async () => {
    const p = await t().loginAs('partner');
    const own = await assocId('하이서울기업협회');
    const outside = await firmOutside(own);
    const [mine] = await q<{ id: string; brn: string }>(
      `SELECT c.id, c.brn FROM companies c JOIN company_associations ca ON ca.company_id = c.id
       WHERE ca.association_id = $1 ORDER BY c.brn LIMIT 1`,
      [own],
    );
    const rows = [
      [outside.brn, '탈취시도기업', '가짜대표', '02-999-9999', 'attacker@evil.example.kr'],
      [mine.brn, '우리회원사', '김회원', '02-111-2222', 'member@own.example.kr'],
      [brn(1), '새회원사', '이신규', '02-333-4444', 'new@own.example.kr'],
    ];
    const dry = await importRows(p, rows, 'dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json().report).toMatchObject({
      created: 1,
      updated: 1,
      unchanged: 0,
      linkRequested: 1,
      linkRequests: [{ row: 2, brn: outside.brn, name: '탈취시도기업' }],
    });

    const res = await importRows(p, rows, 'dryRun=false');
    expect(res.statusCode).toBe(200);
    expect(res.json().report).toMatchObject({ committed: true, created: 1, updated: 1, linkRequested: 1 });

    const [after] = await q<Firm>(
      'SELECT id, brn, name, representative, phone, email, version FROM companies WHERE id = $1',
      [outside.id],
    );
    expect(after).toEqual(outside);
    const links = await q(
      'SELECT 1 FROM company_associations WHERE company_id = $1 AND association_id = $2',
      [outside.id, own],
    );
    expect(links).toHaveLength(0);
    expect((await p.inject({ method: 'GET', url: `/api/companies/${outside.id}` })).statusCode).toBe(403);
    // the partner's own member was updated, the new firm created and linked
    const [m] = await q<{ name: string }>('SELECT name FROM companies WHERE id = $1', [mine.id]);
    expect(m.name).toBe('우리회원사');
    const [n] = await q<{ linked: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM company_associations ca WHERE ca.company_id = c.id AND ca.association_id = $2) AS linked
       FROM companies c WHERE c.brn = $1`,
      [brn(1), own],
    );
    expect(n.linked).toBe(true);

    // one pending request per firm and association, with an audit entry
    const reqs = await q<{ id: string; status: string; row_no: number; name_in_file: string }>(
      'SELECT id, status, row_no, name_in_file FROM company_link_requests WHERE company_id = $1',
      [outside.id],
    );
    expect(reqs).toEqual([
      expect.objectContaining({ status: 'pending', row_no: 2, name_in_file: '탈취시도기업' }),
    ]);
    const again = await importRows(p, rows.slice(0, 1), 'dryRun=false');
    expect(again.json().report).toMatchObject({ linkRequested: 1, updated: 0 });
    expect(await q('SELECT 1 FROM company_link_requests WHERE company_id = $1', [outside.id])).toHaveLength(
      1,
    );
    const audit = await q<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_type = 'company_link_request' AND entity_id = $1`,
      [reqs[0].id],
    );
    expect(audit.map((a) => a.action)).toEqual(['company.linkRequest']);
  });

  it('staff import as before: any firm is updated and linked', async () => {
    const s = await t().loginAs('manager');
    const own = await assocId('하이서울기업협회');
    const outside = await firmOutside(own, 5);
    const res = await importRows(
      s,
      [[outside.brn, '직원수정기업', '', '', '']],
      `dryRun=false&associationId=${own}`,
    );
    expect(res.json().report).toMatchObject({ committed: true, updated: 1, linkRequested: 0 });
    const links = await q(
      'SELECT 1 FROM company_associations WHERE company_id = $1 AND association_id = $2',
      [outside.id, own],
    );
    expect(links).toHaveLength(1);
  });

  it('staff approve (links, audited) or reject (with a reason) a request; deciding twice is a conflict', async () => {
    const p = await t().loginAs('partner');
    const own = await assocId('하이서울기업협회');
    const a = await firmOutside(own, 10);
    const b = await firmOutside(own, 11);
    await importRows(
      p,
      [
        [a.brn, a.name, '', '', ''],
        [b.brn, b.name, '', '', ''],
      ],
      'dryRun=false',
    );

    expect((await p.inject({ method: 'GET', url: '/api/companies/link-requests' })).statusCode).toBe(403);
    const m = await t().loginAs('manager');
    const list = await m.inject({ method: 'GET', url: '/api/companies/link-requests?status=pending' });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; companyId: string; associationName: string }[];
    const ra = items.find((i) => i.companyId === a.id)!;
    const rb = items.find((i) => i.companyId === b.id)!;
    expect(ra).toMatchObject({ associationName: '하이서울기업협회', brn: a.brn, status: 'pending' });

    const ok = await m.inject({ method: 'POST', url: `/api/companies/link-requests/${ra.id}/approve` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved' });
    expect(ok.json().linkedAssociations).toContain('하이서울기업협회');
    expect((await p.inject({ method: 'GET', url: `/api/companies/${a.id}` })).statusCode).toBe(200);
    const twice = await m.inject({
      method: 'POST',
      url: `/api/companies/link-requests/${ra.id}/reject`,
      payload: { reason: '중복' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('link_request_decided');

    const noReason = await m.inject({
      method: 'POST',
      url: `/api/companies/link-requests/${rb.id}/reject`,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    const no = await m.inject({
      method: 'POST',
      url: `/api/companies/link-requests/${rb.id}/reject`,
      payload: { reason: '회원사 아님' },
    });
    expect(no.json()).toMatchObject({ status: 'rejected', reason: '회원사 아님' });
    expect(
      await q('SELECT 1 FROM company_associations WHERE company_id = $1 AND association_id = $2', [
        b.id,
        own,
      ]),
    ).toHaveLength(0);
    const audit = await q<{ action: string; entity_id: string }>(
      `SELECT action, entity_id FROM audit_log WHERE action LIKE 'company.linkRequest.%' ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: 'company.linkRequest.approve', entity_id: ra.id },
      { action: 'company.linkRequest.reject', entity_id: rb.id },
    ]);
  });
});
