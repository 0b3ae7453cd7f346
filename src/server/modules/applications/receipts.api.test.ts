import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../test/app';
import { prepareDrafts } from '../../test/drafts';

/** 접수번호 are per program and year, so two calls of one program in one year never collide. */
const t = setupTestApp({ firms: 100 });

describe('receipt numbers', () => {
  it('two calls of the same program and year issue one continuous series, without duplicates', async () => {
    const h = t().handle;
    const [open] = await h.query<{ id: string; year: number }>(
      `SELECT c.id, c.year FROM calls c JOIN programs p ON p.id = c.program_id
       WHERE p.code = 'DXC' AND now() BETWEEN c.opens_at AND c.closes_at LIMIT 1`,
    );
    // a second call of the same program and year (e.g. a second round), with a copy of the form
    const [second] = await h.query<{ id: string }>(
      `INSERT INTO calls (program_id, year, title, body, status, opens_at, closes_at, capacity, per_firm_cap,
                          eligibility, required_documents)
       SELECT program_id, year, title || ' (2차)', body, status, opens_at, closes_at, capacity, per_firm_cap,
              eligibility, required_documents FROM calls WHERE id = $1 RETURNING id`,
      [open.id],
    );
    await h.query(
      `INSERT INTO call_forms (call_id, version, sections) SELECT $2, 1, sections FROM call_forms
       WHERE call_id = $1 ORDER BY version DESC LIMIT 1`,
      [open.id, second.id],
    );
    const [before] = await h.query<{ max: number | null }>(
      `SELECT max(split_part(receipt_no, '-', 3)::int) AS max FROM applications WHERE receipt_no LIKE $1`,
      [`${open.year}-DXC-%`],
    );
    const first = await prepareDrafts(h, open.id, 2, {
      brnPrefix: '99661',
      label: '1차',
      emailDomain: 'r1.test',
    });
    const other = await prepareDrafts(h, second.id, 2, {
      brnPrefix: '99662',
      label: '2차',
      emailDomain: 'r2.test',
    });
    const receipts: string[] = [];
    for (const d of [first[0], other[0], first[1], other[1]]) {
      const res = await t().app.inject({
        method: 'POST',
        url: `/api/applications/${d.appId}/submit`,
        headers: { cookie: d.cookie, 'x-csrf-token': d.csrf },
      });
      expect(res.statusCode, res.body).toBe(200);
      receipts.push(res.json().receiptNo);
    }
    const base = before.max ?? 0;
    expect(receipts).toEqual(
      [1, 2, 3, 4].map((k) => `${open.year}-DXC-${String(base + k).padStart(4, '0')}`),
    );
  });

  it('serials past 9999 keep all their digits', async () => {
    const h = t().handle;
    const [open] = await h.query<{ id: string; year: number }>(
      `SELECT c.id, c.year FROM calls c JOIN programs p ON p.id = c.program_id
       WHERE p.code = 'DXC' AND now() BETWEEN c.opens_at AND c.closes_at ORDER BY c.created_at LIMIT 1`,
    );
    await h.query(`UPDATE receipt_counters SET seq = 9999 WHERE program_code = 'DXC' AND year = $1`, [
      open.year,
    ]);
    const [d] = await prepareDrafts(h, open.id, 1, {
      brnPrefix: '99663',
      label: '만번째',
      emailDomain: 'r3.test',
    });
    const res = await t().app.inject({
      method: 'POST',
      url: `/api/applications/${d.appId}/submit`,
      headers: { cookie: d.cookie, 'x-csrf-token': d.csrf },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().receiptNo).toBe(`${open.year}-DXC-10000`);
    const [mail] = await h.query<{ subject: string; body: string }>(
      `SELECT subject, body FROM outbox WHERE subject LIKE $1`,
      [`%${open.year}-DXC-10000`],
    );
    expect(mail.subject).toBe(`[잇다] 신청 접수 완료 — ${open.year}-DXC-10000`);
    expect(mail.body).toMatch(
      /접수번호: \d{4}-DXC-10000\n접수시각: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\n/,
    );
  });
});
