import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAnswers } from '../server/modules/applications/answers-contract';
import { type FormSection, formSections } from '../server/modules/programs/form-contract';
import { freshDatabase, type TestDbHandle } from '../server/test/db';
import { isValidBrn } from '../shared/brn';
import { SEOUL_DISTRICTS } from '../shared/districts';
import { ksicSectionOf } from '../shared/ksic';
import { CONFERENCE, DLC_COHORTS, POP_LECTURES } from './education';
import { loadDemoWorld, SEED_FIRMS } from './load';

/** The 2021 demo world holds the seed's numbers exactly, and loads once. */
let h: TestDbHandle;

const perCall = (code: string) =>
  h.query<{ title: string; status: string; n: number; firms: number; people: number; selected: number }>(
    `SELECT c.title, c.status::text AS status, count(a.id)::int AS n, count(DISTINCT a.company_id)::int AS firms,
            coalesce(sum((a.answers->>'attendees')::int), 0)::int AS people,
            count(a.id) FILTER (WHERE a.status = 'selected')::int AS selected
     FROM calls c JOIN programs p ON p.id = c.program_id LEFT JOIN applications a ON a.call_id = c.id
     WHERE p.code = $1 AND c.year = 2021 GROUP BY c.id ORDER BY c.opens_at`,
    [code],
  );

/** Everything a second load could change, as one comparable value. */
async function snapshot() {
  const [s] = await h.query<Record<string, string | number>>(`SELECT
    (SELECT count(*)::int FROM companies) AS companies,
    (SELECT count(*)::int FROM users) AS users,
    (SELECT count(*)::int FROM programs) AS programs,
    (SELECT count(*)::int FROM calls) AS calls,
    (SELECT count(*)::int FROM call_forms) AS forms,
    (SELECT count(*)::int FROM applications) AS applications,
    (SELECT count(*)::int FROM diagnoses) AS diagnoses,
    (SELECT md5(string_agg(c.brn || ':' || a.receipt_no || ':' || a.status || ':' || a.answers::text, ',' ORDER BY a.receipt_no))
       FROM applications a JOIN companies c ON c.id = a.company_id) AS participants,
    (SELECT md5(string_agg(brn || name || array_to_string(tags, ','), ',' ORDER BY brn)) FROM companies) AS registry`);
  return s;
}

describe('the 2021 demo world', () => {
  beforeAll(async () => {
    h = await freshDatabase();
    expect(await loadDemoWorld(h, { firms: 1000 })).toBe(true);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('has the digital-leadership course: 1기 30, 2기 31, 3기 44 firms, 105 different firms', async () => {
    const cohorts = await perCall('DLC');
    expect(cohorts.map((c) => c.n)).toEqual([30, 31, 44]);
    expect(cohorts.map((c) => c.firms)).toEqual([30, 31, 44]);
    expect(cohorts.map((c) => c.selected)).toEqual([30, 31, 44]);
    expect(cohorts.map((c) => c.title)).toEqual(DLC_COHORTS.map((c) => c.title));
    const [{ n }] = await h.query<{ n: number }>(
      `SELECT count(DISTINCT a.company_id)::int AS n FROM applications a JOIN calls c ON c.id = a.call_id
       JOIN programs p ON p.id = c.program_id WHERE p.code = 'DLC' AND c.year = 2021`,
    );
    expect(n).toBe(105);
    // participants are generated Seoul SMEs
    const odd = await h.query(
      `SELECT co.brn FROM applications a JOIN calls c ON c.id = a.call_id JOIN programs p ON p.id = c.program_id
       JOIN companies co ON co.id = a.company_id
       WHERE p.code IN ('DLC', 'POP', 'CNF') AND (co.size_class NOT IN ('small', 'medium') OR co.district = 'outside'
         OR co.brn LIKE '9%')`,
    );
    expect(odd).toEqual([]);
  });

  it('has 6 pop-up lectures and 1 conference, and trains 500+ people in course and lectures', async () => {
    const lectures = await perCall('POP');
    expect(lectures).toHaveLength(6);
    expect(lectures.map((l) => l.firms)).toEqual(POP_LECTURES.map((l) => l.firms));
    for (const [i, topic] of [
      '메타버스',
      '알고리즘 씽킹',
      '데이터',
      '스마트시티',
      'DX와 콘텐츠생태계',
      'DX와 콘텐츠생태계',
    ].entries())
      expect(lectures[i].title).toContain(topic);
    const conference = await perCall('CNF');
    expect(conference).toHaveLength(1);
    expect(conference[0]).toMatchObject({
      firms: CONFERENCE.firms,
      people: CONFERENCE.people,
      status: 'archived',
    });
    const trained = [...(await perCall('DLC')), ...lectures].reduce((s, c) => s + c.people, 0);
    expect(trained).toBe(506);
    expect(trained).toBeGreaterThanOrEqual(500);
  });

  it('keeps call counters, receipt numbers and answers consistent with the forms', async () => {
    const calls = await h.query<{
      title: string;
      submitted_count: number;
      n: number;
      capacity: number;
      sections: FormSection[];
    }>(
      `SELECT c.title, c.submitted_count, c.capacity, f.sections, count(a.id)::int AS n
       FROM calls c JOIN call_forms f ON f.call_id = c.id LEFT JOIN applications a ON a.call_id = c.id
       WHERE c.year = 2021 GROUP BY c.id, f.id`,
    );
    expect(calls).toHaveLength(12);
    for (const c of calls) {
      expect(c.submitted_count, c.title).toBe(c.n);
      expect(() => formSections.parse(c.sections)).not.toThrow();
    }
    const apps = await h.query<{
      receipt_no: string;
      answers: Record<string, unknown>;
      sections: FormSection[];
    }>(
      `SELECT a.receipt_no, a.answers, f.sections FROM applications a JOIN call_forms f ON f.id = a.form_id
       JOIN calls c ON c.id = a.call_id JOIN programs p ON p.id = c.program_id WHERE p.code IN ('DLC', 'POP', 'CNF')`,
    );
    expect(apps).toHaveLength(105 + 218 + 212);
    for (const a of apps)
      expect(validateAnswers(a.sections, a.answers as never, { submit: true }), a.receipt_no).toEqual([]);
    expect(apps.map((a) => a.receipt_no)).toContain('2021-DLC-0105');
    expect(apps.map((a) => a.receipt_no)).toContain('2021-POP-0218');
  });

  it('has 30 AI suppliers with valid BRNs, Seoul districts and KSIC sections J or M', async () => {
    const suppliers = await h.query<{ brn: string; name: string; ksic_code: string; district: string }>(
      `SELECT brn, name, ksic_code, district FROM companies WHERE '공급기업' = ANY(tags) ORDER BY brn`,
    );
    expect(suppliers).toHaveLength(30);
    expect(suppliers.map((s) => s.name)).toContain('(주)보이스웨이브AI');
    expect(new Set(suppliers.map((s) => s.name)).size).toBe(30);
    const seoul = new Set(SEOUL_DISTRICTS.map((d) => d.code as string));
    for (const s of suppliers) {
      expect(isValidBrn(s.brn), s.brn).toBe(true);
      expect(['J', 'M']).toContain(ksicSectionOf(s.ksic_code));
      expect(seoul.has(s.district), s.district).toBe(true);
    }
  });

  it('keeps the AI business-innovation (67 → 10 demand firms) and DX consulting (5 selected) calls', async () => {
    const [aix] = await perCall('AIX');
    expect(aix.n).toBe(67);
    const demand = await h.query<{ status: string; tags: string[]; name: string; problem: string }>(
      `SELECT a.status::text AS status, co.tags, co.name, a.answers->>'problem' AS problem FROM applications a JOIN calls c ON c.id = a.call_id
       JOIN programs p ON p.id = c.program_id JOIN companies co ON co.id = a.company_id
       WHERE p.code = 'AIX' AND c.year = 2021 AND a.status IN ('selected', 'waitlisted')`,
    );
    expect(demand.filter((d) => d.status === 'selected')).toHaveLength(5);
    expect(demand.filter((d) => d.status === 'waitlisted')).toHaveLength(5);
    for (const d of demand) expect(d.tags).toContain('수요기업');
    // each demand firm carries the seed's project topic
    const topics = new Map(SEED_FIRMS.slice(5).map((f) => [f.name, f.need]));
    expect(new Map(demand.map((d) => [d.name, d.problem]))).toEqual(topics);
    const [{ generic }] = await h.query<{ generic: number }>(
      `SELECT count(*)::int AS generic FROM applications a JOIN calls c ON c.id = a.call_id JOIN programs p ON p.id = c.program_id
       WHERE p.code = 'AIX' AND c.year = 2021 AND a.status = 'rejected' AND a.answers->>'problem' = '업무 프로세스 시스템화와 데이터 활용'`,
    );
    expect(generic).toBe(57);
    const [{ ratio }] = await h.query<{ ratio: string }>(
      `SELECT round(c.submitted_count::numeric / c.capacity, 1)::text AS ratio FROM calls c
       JOIN programs p ON p.id = c.program_id WHERE p.code = 'AIX' AND c.year = 2021`,
    );
    expect(ratio).toBe('13.4');
    const [dxc] = await perCall('DXC');
    expect(dxc).toMatchObject({ n: 23, selected: 5 });
  });

  it('has every receipt submitted by the deadline of its call, serials 1..n per program and year without a gap', async () => {
    const late = await h.query<{ receipt_no: string }>(
      `SELECT a.receipt_no FROM applications a JOIN calls c ON c.id = a.call_id
       WHERE a.submitted_at IS NOT NULL AND (a.submitted_at > c.closes_at OR a.submitted_at < c.opens_at)`,
    );
    expect(late).toEqual([]);
    const series = await h.query<{ series: string; serials: number[] }>(
      `SELECT split_part(a.receipt_no, '-', 1) || '-' || split_part(a.receipt_no, '-', 2) AS series,
              array_agg(split_part(a.receipt_no, '-', 3)::int ORDER BY split_part(a.receipt_no, '-', 3)::int) AS serials
       FROM applications a WHERE a.receipt_no IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    expect(series.map((s) => s.series)).toEqual(['2021-AIX', '2021-CNF', '2021-DLC', '2021-DXC', '2021-POP']);
    for (const s of series)
      expect(s.serials, s.series).toEqual(Array.from({ length: s.serials.length }, (_, i) => i + 1));
    // the program/year counters continue the series
    const counters = await h.query<{ code: string; seq: number; n: number }>(
      `SELECT p.code, max(c.receipt_seq)::int AS seq, (SELECT count(*)::int FROM applications a JOIN calls c2 ON c2.id = a.call_id
         WHERE c2.program_id = p.id AND c2.year = 2021) AS n
       FROM calls c JOIN programs p ON p.id = c.program_id WHERE c.year = 2021 AND p.code IN ('DXC', 'AIX') GROUP BY p.id, p.code`,
    );
    for (const c of counters) expect(c.seq, c.code).toBe(c.n);
  });

  it('repairs the AIX receipts of a world loaded by the old generator (0511…, after the deadline)', async () => {
    const before = await snapshot();
    const aix = `SELECT a.id FROM applications a JOIN calls c ON c.id = a.call_id JOIN programs p ON p.id = c.program_id
                 WHERE p.code = 'AIX' AND c.year = 2021`;
    // what the old generator made: serials 11… shifted by 500, 5 hours per serial after the opening
    await h.query(
      `UPDATE applications a SET receipt_no = '2021-AIX-' || lpad((split_part(a.receipt_no, '-', 3)::int + 500)::text, 4, '0'),
         submitted_at = c.opens_at + (split_part(a.receipt_no, '-', 3)::int + 500) * interval '5 hours'
       FROM calls c WHERE c.id = a.call_id AND a.id IN (${aix}) AND split_part(a.receipt_no, '-', 3)::int > 10`,
    );
    const [{ late }] = await h.query<{ late: number }>(
      `SELECT count(*)::int AS late FROM applications a JOIN calls c ON c.id = a.call_id
       WHERE a.id IN (${aix}) AND a.submitted_at > c.closes_at`,
    );
    expect(late).toBe(57);
    expect(await loadDemoWorld(h, { firms: 1000 })).toBe(false);
    expect(await snapshot()).toEqual(before);
    const [{ after }] = await h.query<{ after: number }>(
      `SELECT count(*)::int AS after FROM applications a JOIN calls c ON c.id = a.call_id
       WHERE a.id IN (${aix}) AND a.submitted_at > c.closes_at`,
    );
    expect(after).toBe(0);
  });

  it('changes nothing when loaded twice', async () => {
    const before = await snapshot();
    expect(await loadDemoWorld(h, { firms: 1000 })).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('adds the later facts to a world loaded without them, with the same participants', async () => {
    const before = await snapshot();
    await h.query(`DELETE FROM applications WHERE call_id IN (SELECT c.id FROM calls c JOIN programs p ON p.id = c.program_id
      WHERE p.code IN ('DLC', 'POP', 'CNF'))`);
    await h.query(
      `DELETE FROM calls WHERE program_id IN (SELECT id FROM programs WHERE code IN ('DLC', 'POP', 'CNF'))`,
    );
    await h.query(`DELETE FROM companies WHERE '공급기업' = ANY(tags) AND provenance = 'staff'`);
    expect((await snapshot()).applications).toBe(Number(before.applications) - 535);
    expect(await loadDemoWorld(h, { firms: 1000 })).toBe(false);
    expect(await snapshot()).toEqual(before);
  });
});
