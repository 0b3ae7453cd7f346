import { sql } from 'drizzle-orm';
import type { DbHandle } from '../server/db/client';
import type { FormSection } from '../server/modules/programs/form-contract';
import { COMPANY_IDENTITY_FIELDS } from './programs';

/**
 * 2021 demand-discovery education and events, kept in the existing call and application tables (one
 * call per cohort, lecture or event; one `selected` application per participating firm) until an
 * education module has its own enrollment records.
 *
 * From the seed: the 서울기업 디지털 리더십 과정 ran with 하이서울기업협회 (agreement March 2021) in 3
 * cohorts — 1기 30, 2기 31, 3기 44 firms (105 firms; "100개사 조기 마감") — plus 6 pop-up lectures on
 * 메타버스, 알고리즘 씽킹, 데이터, 스마트시티/라이프 and (5~6차) DX와 콘텐츠생태계; the AI&DX conference
 * was held in December. The 2021 targets were 130 firms supported — which the course's 105 firms plus
 * DXC's 5 and AIX's 20 demand and supplier firms would make (our reading; the seed gives no breakdown) —
 * and 500+ SME executives and employees trained.
 *
 * The seed gives no dates, no per-lecture numbers and no headcounts: the dates below are plausible
 * (Thursdays), the lecture and conference numbers are chosen, and headcounts (`answers.attendees`,
 * 1–2 people per firm) are chosen so that course + lectures train 185 + 321 = 506 people (≥ 500).
 */
export interface DemoEvent {
  code: 'DLC' | 'POP' | 'CNF';
  title: string;
  /** event or course dates, shown in the body */
  when: string;
  topic: string;
  opens: string;
  closes: string;
  announce?: string;
  status: 'announced' | 'archived';
  /** seats (firms); for the course every seat was taken (조기 마감) */
  capacity: number;
  /** participating firms (selected applications) */
  firms: number;
  /** people trained or attending: firms + firms that sent a second person */
  people: number;
  budget: number;
}

export const DLC_COHORTS: DemoEvent[] = [
  {
    code: 'DLC',
    title: '2021 서울기업 디지털 리더십 과정 1기 참여기업 모집',
    when: '2021.5.6 ~ 6.17 (매주 목, 7회)',
    topic: '데이터·AI 기술/시장/비즈니스 정규과정 1기',
    opens: '2021-04-12T10:00:00',
    closes: '2021-04-23T18:00:00',
    announce: '2021-04-28T10:00:00',
    status: 'announced',
    capacity: 30,
    firms: 30,
    people: 52,
    budget: 50_000_000,
  },
  {
    code: 'DLC',
    title: '2021 서울기업 디지털 리더십 과정 2기 참여기업 모집',
    when: '2021.7.1 ~ 8.12 (매주 목, 7회)',
    topic: '데이터·AI 기술/시장/비즈니스 정규과정 2기',
    opens: '2021-06-07T10:00:00',
    closes: '2021-06-18T18:00:00',
    announce: '2021-06-23T10:00:00',
    status: 'announced',
    capacity: 31,
    firms: 31,
    people: 55,
    budget: 50_000_000,
  },
  {
    code: 'DLC',
    title: '2021 서울기업 디지털 리더십 과정 3기 참여기업 모집',
    when: '2021.9.9 ~ 10.21 (매주 목, 7회)',
    topic: '데이터·AI 기술/시장/비즈니스 정규과정 3기',
    opens: '2021-08-09T10:00:00',
    closes: '2021-08-27T18:00:00',
    announce: '2021-09-01T10:00:00',
    status: 'announced',
    capacity: 44,
    firms: 44,
    people: 78,
    budget: 50_000_000,
  },
];

const lecture = (
  n: number,
  topic: string,
  subtitle: string,
  day: string,
  firms: number,
  people: number,
): DemoEvent => {
  const [y, m, d] = day.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1, d));
  const iso = (t: Date) => t.toISOString().slice(0, 10);
  return {
    code: 'POP',
    title: `[팝업형 DX 특강 ${n}차] ${topic} — ${subtitle} (${y}.${m}.${d})`,
    when: `${y}.${m}.${d}(목) 14:00~16:00`,
    topic,
    opens: `${iso(new Date(at.getTime() - 17 * 86_400_000))}T10:00:00`,
    closes: `${iso(new Date(at.getTime() - 86_400_000))}T18:00:00`,
    status: 'archived',
    capacity: 50,
    firms,
    people,
    budget: 5_000_000,
  };
};

/** 6 pop-up lectures: 218 firms, 321 people (chosen numbers; the seed gives only the topics). */
export const POP_LECTURES: DemoEvent[] = [
  lecture(1, '메타버스', '가상공간에서 여는 새로운 비즈니스', '2021-06-24', 41, 62),
  lecture(2, '알고리즘 씽킹', '데이터와 알고리즘으로 일하는 방식', '2021-07-22', 37, 54),
  lecture(3, '데이터', '중소기업의 데이터 확보와 활용', '2021-08-26', 40, 58),
  lecture(4, '스마트시티/라이프', '도시와 생활을 바꾸는 디지털 서비스', '2021-09-16', 33, 49),
  lecture(5, 'DX와 콘텐츠생태계 Ⅰ', '플랫폼과 크리에이터 경제', '2021-10-21', 35, 51),
  lecture(6, 'DX와 콘텐츠생태계 Ⅱ', '콘텐츠 기업의 디지털 전환 사례', '2021-11-18', 32, 47),
];

/** The December conference (planned in the September report); attendance is a chosen, plausible number. */
export const CONFERENCE: DemoEvent = {
  code: 'CNF',
  title: '2021 서울 AI&DX 컨퍼런스 사전등록 (2021.12.9)',
  when: '2021.12.9(목) 13:00~17:30, 온·오프라인 병행',
  topic: 'AI·데이터·클라우드 강연과 SBA 지원 성공기업 사례 발표',
  opens: '2021-11-15T10:00:00',
  closes: '2021-12-08T18:00:00',
  status: 'archived',
  capacity: 250,
  firms: 212,
  people: 287,
  budget: 60_000_000,
};

export const DEMO_EVENTS: DemoEvent[] = [...DLC_COHORTS, ...POP_LECTURES, CONFERENCE];

/** Registration form of a course cohort or an event: who comes and how many. */
export function eventForm(kind: 'course' | 'event'): FormSection[] {
  return [
    {
      key: 'company',
      title: { ko: '기업 정보', en: 'Company' },
      fields: COMPANY_IDENTITY_FIELDS,
    },
    {
      key: 'participant',
      title: { ko: '참가자', en: 'Participants' },
      fields: [
        {
          key: 'contactName',
          type: 'shortText',
          label: { ko: '대표 참가자 성명', en: 'Main participant' },
          required: true,
          maxLength: 50,
        },
        {
          key: 'contactPhone',
          type: 'shortText',
          label: { ko: '연락처', en: 'Phone' },
          required: true,
          maxLength: 20,
        },
        ...(kind === 'course'
          ? [
              {
                key: 'participantRole',
                type: 'singleChoice' as const,
                label: { ko: '직위', en: 'Position' },
                required: true,
                options: [
                  { value: 'ceo', ko: '대표이사(CEO)', en: 'CEO' },
                  { value: 'executive', ko: '임원', en: 'Executive' },
                ],
              },
            ]
          : []),
        {
          key: 'attendees',
          type: 'number',
          label: { ko: '참가 인원', en: 'Attendees' },
          required: true,
          min: 1,
          max: kind === 'course' ? 2 : 5,
        },
      ],
    },
  ];
}

function eventBody(e: DemoEvent) {
  if (e.code === 'DLC')
    return `## 과정 개요\n${e.topic} (하이서울기업협회 협력)\n\n## 일정\n${e.when}\n\n## 교육내용\n데이터·AI 관련 기술, 시장, 비즈니스 모델과 DX 추진 사례\n\n## 대상\nDX 기초역량이 필요한 서울소재 중소기업 경영진(CEO 및 임원), 기업당 2명 이내\n\n## 모집\n${e.capacity}개사 선착순 (조기 마감)`;
  if (e.code === 'POP')
    return `## 특강 주제\n${e.topic}\n\n## 일시\n${e.when}\n\n## 내용\nDX 신개념과 기업사례 중심 강연\n\n## 대상\n서울 소재 중소기업 임직원 (선착순 ${e.capacity}개사)`;
  return `## 행사 개요\n${e.topic}\n\n## 일시\n${e.when}\n\n## 목적\n기업의 디지털 전환 인식 제고 및 SBA 지원 우수사례 확산\n\n## 대상\n서울 기업 누구나 (사전등록 ${e.capacity}개사)`;
}

const KST = (d: string) => `${d}+09:00`;
/** A literal SQL array of our own constants (titles, numbers). */
const arr = (xs: (string | number)[], type: 'text' | 'int') =>
  sql.raw(
    `ARRAY[${xs.map((x) => (typeof x === 'number' ? String(Math.trunc(x)) : `'${x.replace(/'/g, "''")}'`)).join(',')}]::${type}[]`,
  );

/**
 * Firms eligible to take part: generated Seoul SMEs (not the named seed firms or the suppliers). In a
 * large world only a fixed hash-chosen share (1 in `m`) is considered, so the shuffles stay small.
 */
const pool = (
  m: number,
) => sql`SELECT c.id, c.brn, c.representative, c.phone, c.provenance_source, c.ksic_code
  FROM companies c
  WHERE c.brn NOT LIKE '9%' AND c.merged_into_id IS NULL AND c.size_class IN ('small', 'medium')
    AND c.district IS NOT NULL AND c.district <> 'outside'
    ${m > 1 ? sql`AND get_byte(decode(md5(c.brn), 'hex'), 0) % ${m}::int = 0` : sql``}`;

/**
 * Loads the cohort, lecture and conference calls with their participants, once: skipped when any 2021
 * DLC/POP/CNF call exists (so an older demo database gets them on its next start, and a second load adds
 * nothing). Participants are chosen deterministically (md5 of the BRN), in a few set-based statements.
 */
export async function loadDemoEducation(handle: DbHandle): Promise<boolean> {
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(2021, 105)`);
    const existing = (await tx.execute(sql`
      SELECT count(*)::int AS n FROM calls c JOIN programs p ON p.id = c.program_id
      WHERE p.code IN ('DLC', 'POP', 'CNF') AND c.year = 2021`)) as unknown as { rows: { n: number }[] };
    if (existing.rows[0].n > 0) return false;
    const counted = (await tx.execute(sql`SELECT count(*)::int AS n FROM (${pool(1)}) p`)) as unknown as {
      rows: { n: number }[];
    };
    // ≈ 2,000 candidates are plenty for 105 course firms (members first) and 7 events
    const POOL = pool(Math.min(255, Math.max(1, Math.floor(counted.rows[0].n / 2000))));

    const rows = DEMO_EVENTS.map(
      (e) => sql`(${e.code}, ${e.title}, ${eventBody(e)}, ${e.status}, ${KST(e.opens)}::timestamptz,
        ${KST(e.closes)}::timestamptz, ${e.announce ? KST(e.announce) : null}::timestamptz, ${e.capacity}::int,
        ${e.budget}::bigint)`,
    );
    const eligibility = (code: string) =>
      JSON.stringify([
        { type: 'seoulLocated' },
        ...(code === 'DLC' ? [{ type: 'sizeClasses', allowed: ['small', 'medium'] }] : []),
      ]);
    await tx.execute(sql`
      WITH v(code, title, body, status, opens, closes, announce, capacity, budget) AS (VALUES ${sql.join(rows, sql`, `)}),
      c AS (
        INSERT INTO calls (program_id, year, title, body, status, opens_at, closes_at, announce_at, capacity,
                           max_applications, total_budget, eligibility, required_documents)
        SELECT p.id, 2021, v.title, v.body, v.status::call_status, v.opens, v.closes, v.announce, v.capacity,
               CASE WHEN v.code = 'DLC' THEN v.capacity END, v.budget,
               CASE WHEN v.code = 'DLC' THEN ${eligibility('DLC')}::jsonb ELSE ${eligibility('POP')}::jsonb END, '[]'::jsonb
        FROM v JOIN programs p ON p.code = v.code
        RETURNING id, program_id)
      INSERT INTO call_forms (call_id, version, sections)
      SELECT c.id, 1, CASE WHEN p.code = 'DLC' THEN ${JSON.stringify(eventForm('course'))}::jsonb
                           ELSE ${JSON.stringify(eventForm('event'))}::jsonb END
      FROM c JOIN programs p ON p.id = c.program_id`);

    // Course: 105 different firms, 하이서울기업협회 members first, in the 1기 survey's sector mix
    // (제조 9 : 정보통신 7 : 도소매 3 : 서비스 4) interleaved so every cohort gets a similar mix.
    let lo = 1;
    const cohorts = DLC_COHORTS.map((e) => {
      const r = { title: e.title, lo, hi: lo + e.firms - 1, extra: e.people - e.firms };
      lo += e.firms;
      return r;
    });
    await tx.execute(sql`
      WITH pool AS (
        SELECT p.*, (p.provenance_source = '하이서울기업협회') AS member,
          CASE WHEN substr(p.ksic_code, 1, 2) BETWEEN '10' AND '34' THEN 9
               WHEN substr(p.ksic_code, 1, 2) BETWEEN '58' AND '63' THEN 7
               WHEN substr(p.ksic_code, 1, 2) BETWEEN '45' AND '47' THEN 3 ELSE 4 END AS weight
        FROM (${POOL}) p),
      ranked AS (
        SELECT pool.*, row_number() OVER (PARTITION BY member, weight ORDER BY md5(brn || 'dlc'), brn) AS r FROM pool),
      picked AS (
        SELECT ranked.*, row_number() OVER (ORDER BY member DESC, (r - 0.5) / weight, weight DESC, brn) AS ord
        FROM ranked ORDER BY ord LIMIT ${lo - 1}),
      k AS (
        SELECT c.id, c.opens_at, c.closes_at, c.announce_at, f.id AS form_id, s.lo, s.hi, s.extra
        FROM unnest(${arr(
          cohorts.map((c) => c.title),
          'text',
        )}, ${arr(
          cohorts.map((c) => c.lo),
          'int',
        )}, ${arr(
          cohorts.map((c) => c.hi),
          'int',
        )}, ${arr(
          cohorts.map((c) => c.extra),
          'int',
        )}) AS s(title, lo, hi, extra)
        JOIN calls c ON c.title = s.title AND c.year = 2021
        JOIN call_forms f ON f.call_id = c.id AND f.version = 1)
      INSERT INTO applications (call_id, company_id, form_id, status, answers, receipt_no, submitted_at, created_at, updated_at)
      SELECT k.id, picked.id, k.form_id, 'selected',
        jsonb_build_object('contactName', coalesce(picked.representative, '대표'), 'contactPhone', coalesce(picked.phone, '02-2000-0000'),
          'participantRole', CASE WHEN picked.ord % 4 = 0 THEN 'executive' ELSE 'ceo' END,
          'attendees', CASE WHEN picked.ord - k.lo < k.extra THEN 2 ELSE 1 END),
        '2021-DLC-' || lpad(picked.ord::text, 4, '0'),
        k.opens_at + (k.closes_at - k.opens_at) * 0.6 * (picked.ord - k.lo + 1) / (k.hi - k.lo + 1),
        k.opens_at, k.announce_at
      FROM picked JOIN k ON picked.ord BETWEEN k.lo AND k.hi`);

    // Lectures and the conference: one shuffle of the pool, each event takes a block of it starting 29
    // places after the previous one, so some firms come back to the next lecture (cheap: no sort per event).
    let seq = 0;
    const events = [...POP_LECTURES, CONFERENCE].map((e, i) => {
      // receipt serials run across the year's lectures (2021-POP-0001 … 0218); the conference has its own
      const base = e.code === 'POP' ? seq : 0;
      if (e.code === 'POP') seq += e.firms;
      return { title: e.title, off: i * 29, n: e.firms, extra: e.people - e.firms, base };
    });
    const col = (f: (e: (typeof events)[number]) => number) => arr(events.map(f), 'int');
    await tx.execute(sql`
      WITH k AS (
        SELECT c.id, c.opens_at, c.closes_at, f.id AS form_id, p.code, s.off, s.n, s.extra, s.base
        FROM unnest(${arr(
          events.map((e) => e.title),
          'text',
        )}, ${col((e) => e.off)}, ${col((e) => e.n)}, ${col((e) => e.extra)}, ${col((e) => e.base)})
          AS s(title, off, n, extra, base)
        JOIN calls c ON c.title = s.title AND c.year = 2021
        JOIN programs p ON p.id = c.program_id
        JOIN call_forms f ON f.call_id = c.id AND f.version = 1),
      pool AS (
        SELECT p.id, p.representative, p.phone, row_number() OVER (ORDER BY md5(p.brn || 'events'), p.brn) - 1 AS r,
               count(*) OVER () AS total
        FROM (${POOL}) p),
      picked AS (
        SELECT k.id AS call_id, pool.id, pool.representative, pool.phone,
               ((pool.r - k.off) % pool.total + pool.total) % pool.total + 1 AS i
        FROM k JOIN pool ON ((pool.r - k.off) % pool.total + pool.total) % pool.total < k.n)
      INSERT INTO applications (call_id, company_id, form_id, status, answers, receipt_no, submitted_at, created_at, updated_at)
      SELECT k.id, picked.id, k.form_id, 'selected',
        jsonb_build_object('contactName', coalesce(picked.representative, '대표'), 'contactPhone', coalesce(picked.phone, '02-2000-0000'),
          'attendees', CASE WHEN picked.i <= k.extra THEN 2 ELSE 1 END),
        '2021-' || k.code || '-' || lpad((k.base + picked.i)::text, 4, '0'),
        k.opens_at + (k.closes_at - k.opens_at) * 0.9 * picked.i / k.n, k.opens_at, k.closes_at
      FROM picked JOIN k ON k.id = picked.call_id`);

    await tx.execute(sql`
      UPDATE calls c SET submitted_count = x.n, receipt_seq = x.last
      FROM (SELECT a.call_id, count(*)::int AS n, max(split_part(a.receipt_no, '-', 3)::int) AS last
            FROM applications a JOIN calls c2 ON c2.id = a.call_id JOIN programs p ON p.id = c2.program_id
            WHERE p.code IN ('DLC', 'POP', 'CNF') AND c2.year = 2021 GROUP BY a.call_id) x
      WHERE x.call_id = c.id`);
    await tx.execute(sql`
      INSERT INTO audit_log (action, entity_type, actor_role, after)
      SELECT 'demo.education', 'system', 'system', jsonb_build_object('calls', count(DISTINCT c.id), 'participants', count(a.id))
      FROM calls c JOIN programs p ON p.id = c.program_id LEFT JOIN applications a ON a.call_id = c.id
      WHERE p.code IN ('DLC', 'POP', 'CNF') AND c.year = 2021`);
    return true;
  });
}
