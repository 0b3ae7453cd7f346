import { sql } from 'drizzle-orm';
import type { DbHandle } from '../server/db/client';
import type { FormSection } from '../server/modules/programs/form-contract';
import type { ProgramModule } from '../shared/enums';

/**
 * The 4 modules and 13 programs of the Seoul-type AI convergence platform (2021). Programs the
 * source document names keep its names; the rest are named plausibly. Budgets add up to the
 * seed's totals: 0.3 bn KRW (2020) and 0.998 bn KRW (2021).
 */
export const DEMO_PROGRAMS: {
  code: string;
  module: ProgramModule;
  ko: string;
  en: string;
  summary: string;
  target: string;
  budget2020: number;
  budget2021: number;
}[] = [
  {
    code: 'DXD',
    module: 'diagnosis',
    ko: 'DX 수준진단',
    en: 'DX maturity diagnosis',
    summary: '6개 영역 자가진단으로 디지털 전환 수준과 동종업계 대비 위치를 확인합니다.',
    target: '서울 소재 중소기업',
    budget2020: 0,
    budget2021: 30_000_000,
  },
  {
    code: 'DLC',
    module: 'diagnosis',
    ko: '서울기업 디지털 리더십 과정',
    en: 'Seoul digital leadership course',
    summary: '경영진 대상 데이터·AI 기술/시장/비즈니스 정규과정(3기)으로 DX 잠재수요를 발굴합니다.',
    target: '서울 소재 중소기업 경영진(CEO·임원)',
    budget2020: 0,
    budget2021: 150_000_000,
  },
  {
    code: 'POP',
    module: 'diagnosis',
    ko: '팝업형 DX 특강',
    en: 'Pop-up DX lectures',
    summary:
      '메타버스, 알고리즘 씽킹, 데이터, 스마트시티, DX와 콘텐츠생태계 등 DX 신개념과 기업사례 특강(6회).',
    target: '서울 소재 중소기업 임직원',
    budget2020: 0,
    budget2021: 30_000_000,
  },
  {
    code: 'DXC',
    module: 'consulting',
    ko: 'DX 역량강화 컨설팅 지원사업',
    en: 'DX capability consulting',
    summary: 'DX 실행준비를 위한 맞춤형 컨설팅: 역량 진단, 경영진 워크숍, 장단기 이행과제와 로드맵.',
    target: 'DX 기초역량이 필요한 서울소재 중소기업',
    budget2020: 0,
    budget2021: 200_000_000,
  },
  {
    code: 'AIP',
    module: 'consulting',
    ko: 'AI 과제기획 지원',
    en: 'AI project planning support',
    summary: '수요기업의 AI 도입 과제기획서(문제, 보유 데이터, 필요 기술, 예산, 일정) 작성을 돕습니다.',
    target: 'AI 도입을 준비하는 서울소재 중소기업',
    budget2020: 0,
    budget2021: 40_000_000,
  },
  {
    code: 'DTC',
    module: 'consulting',
    ko: '데이터 활용 컨설팅',
    en: 'Data utilisation consulting',
    summary: '데이터 확보(구축·가공·구매)와 파이프라인 설계를 자문합니다.',
    target: '데이터 기반 사업혁신을 준비하는 중소기업',
    budget2020: 0,
    budget2021: 30_000_000,
  },
  {
    code: 'AIM',
    module: 'matching',
    ko: 'AI 수요-공급 매칭',
    en: 'AI demand-supply matching',
    summary: '과제기획서와 AI 공급기업 역량 프로필을 연결해 최적의 솔루션 기업을 추천합니다.',
    target: '수요기업·AI 공급기업',
    budget2020: 0,
    budget2021: 30_000_000,
  },
  {
    code: 'FRM',
    module: 'matching',
    ko: '서울 AI Biz 포럼',
    en: 'Seoul AI Biz Forum',
    summary: '기업 간 교류와 협업을 위한 정례 포럼.',
    target: 'AI 기업·수요기업·유관기관',
    budget2020: 60_000_000,
    budget2021: 40_000_000,
  },
  {
    code: 'CNF',
    module: 'matching',
    ko: 'AI&DX 컨퍼런스',
    en: 'AI & DX Conference',
    summary: 'AI·데이터·클라우드 강연과 SBA 지원 성공기업 사례 발표(12월).',
    target: '서울 기업 누구나',
    budget2020: 60_000_000,
    budget2021: 60_000_000,
  },
  {
    code: 'SUP',
    module: 'matching',
    ko: 'AI 공급기업 풀 운영',
    en: 'AI supplier pool',
    summary: '검증된 AI·DX 공급기업의 역량 프로필과 레퍼런스를 관리합니다.',
    target: 'AI·DX 공급기업',
    budget2020: 0,
    budget2021: 18_000_000,
  },
  {
    code: 'AIX',
    module: 'support',
    ko: 'AI 활용 사업혁신 지원사업',
    en: 'AI business-innovation support',
    summary: '과제기획 → 최적 AI 솔루션 기업 매칭 → 프로젝트 실행자금(1억원 이내) 3단계 지원.',
    target: 'DX 실행경험이 필요한 서울소재 중소기업, AI기술/서비스기업',
    budget2020: 120_000_000,
    budget2021: 300_000_000,
  },
  {
    code: 'VCH',
    module: 'support',
    ko: 'AI 솔루션 도입 바우처',
    en: 'AI solution voucher',
    summary: '검증된 AI 솔루션 도입 비용 일부를 바우처로 지원합니다.',
    target: '서울 소재 소기업·소상공인',
    budget2020: 0,
    budget2021: 40_000_000,
  },
  {
    code: 'CLD',
    module: 'support',
    ko: '클라우드·데이터 인프라 지원',
    en: 'Cloud and data infrastructure support',
    summary: '클라우드 전환과 데이터 인프라 이용료를 지원합니다.',
    target: '서울 소재 중소기업',
    budget2020: 60_000_000,
    budget2021: 30_000_000,
  },
];

/** The firm's name and BRN, prefilled from the registry: the first fields of every demo form. */
export const COMPANY_IDENTITY_FIELDS: FormSection['fields'] = [
  {
    key: 'companyName',
    type: 'companyField',
    companyField: 'name',
    label: { ko: '기업명', en: 'Company name' },
    required: true,
  },
  {
    key: 'companyBrn',
    type: 'companyField',
    companyField: 'brn',
    label: { ko: '사업자등록번호', en: 'Business registration number' },
    required: true,
  },
];

/** A short, realistic application form used by the demo calls. */
export function demoForm(kind: 'consulting' | 'ai'): FormSection[] {
  return [
    {
      key: 'company',
      title: { ko: '기업 정보', en: 'Company' },
      fields: [
        ...COMPANY_IDENTITY_FIELDS,
        {
          key: 'employees',
          type: 'companyField',
          companyField: 'employees',
          label: { ko: '상시근로자 수', en: 'Employees' },
          required: false,
        },
        {
          key: 'contactName',
          type: 'shortText',
          label: { ko: '담당자 성명', en: 'Contact person' },
          required: true,
          maxLength: 50,
        },
        {
          key: 'contactPhone',
          type: 'shortText',
          label: { ko: '담당자 연락처', en: 'Contact phone' },
          required: true,
          maxLength: 20,
        },
      ],
    },
    {
      key: 'plan',
      title: {
        ko: kind === 'ai' ? '과제 계획' : 'DX 추진 계획',
        en: kind === 'ai' ? 'Project plan' : 'DX plan',
      },
      fields: [
        {
          key: 'area',
          type: 'singleChoice',
          label: { ko: 'DX 추진 희망영역', en: 'Area' },
          required: true,
          options: [
            { value: 'process', ko: '업무 프로세스 시스템화', en: 'Process systems' },
            { value: 'data', ko: '데이터 기반 마케팅/판매', en: 'Data-driven sales' },
            { value: 'platform', ko: '플랫폼 비즈니스', en: 'Platform business' },
            { value: 'ai', ko: 'AI 솔루션 도입', en: 'AI solution' },
          ],
        },
        {
          key: 'problem',
          type: 'longText',
          label: { ko: '해결하려는 문제', en: 'Problem to solve' },
          required: true,
          maxLength: 2000,
        },
        {
          key: 'budget',
          type: 'money',
          label: { ko: '희망 지원금액(원)', en: 'Requested amount (KRW)' },
          required: true,
          min: 0,
          max: kind === 'ai' ? 100_000_000 : 40_000_000,
        },
        {
          key: 'startDate',
          type: 'date',
          label: { ko: '희망 착수일', en: 'Desired start' },
          required: false,
        },
      ],
    },
    {
      key: 'docs',
      title: { ko: '제출 서류', en: 'Documents' },
      fields: [
        {
          key: 'bizCert',
          type: 'file',
          label: { ko: '사업자등록증', en: 'Business registration certificate' },
          required: true,
          accept: ['pdf', 'jpg', 'png'],
          maxSizeMb: 10,
        },
      ],
    },
  ];
}

const KST = (d: string) => new Date(`${d}+09:00`);
/** A literal SQL text array of our own constants. */
const textArray = (xs: string[]) =>
  sql.raw(`ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`);

/** Loads the 13 programs, their budgets and the 2021 calls (+ one open call so the demo can be tried). */
export async function loadDemoPrograms(handle: DbHandle) {
  const db = handle.db;
  for (const [i, p] of DEMO_PROGRAMS.entries()) {
    await db.execute(sql`
      INSERT INTO programs (code, module, name_ko, name_en, summary_ko, summary_en, target, owner, sort_order)
      VALUES (${p.code}, ${p.module}, ${p.ko}, ${p.en}, ${p.summary}, ${p.en}, ${p.target}, 'SBA 인공지능산업팀', ${i})
      ON CONFLICT (code) DO NOTHING`);
    for (const [year, amount] of [
      [2020, p.budget2020],
      [2021, p.budget2021],
    ] as const) {
      if (amount > 0)
        await db.execute(sql`
          INSERT INTO program_budgets (program_id, year, amount) SELECT id, ${year}, ${amount} FROM programs WHERE code = ${p.code}
          ON CONFLICT DO NOTHING`);
    }
  }
  const calls: {
    code: string;
    year: number;
    title: string;
    status: string;
    opens: Date;
    closes: Date;
    capacity: number;
    cap: number | null;
    budget: number | null;
    form: 'consulting' | 'ai';
  }[] = [
    {
      code: 'DXC',
      year: 2021,
      title: '2021년 DX 역량강화 컨설팅 지원사업 참여기업 모집',
      status: 'announced',
      opens: KST('2021-04-05T10:00:00'),
      closes: KST('2021-04-23T18:00:00'),
      capacity: 5,
      cap: 40_000_000,
      budget: 200_000_000,
      form: 'consulting',
    },
    {
      code: 'AIX',
      year: 2021,
      title: '2021년 AI 활용 사업혁신 지원사업 수요기업 모집',
      status: 'announced',
      opens: KST('2021-04-12T10:00:00'),
      closes: KST('2021-05-07T18:00:00'),
      capacity: 5,
      cap: 100_000_000,
      budget: 500_000_000,
      form: 'ai',
    },
  ];
  // One call open now and one upcoming, so visitors can apply in the demo.
  const now = Date.now();
  const day = 86400_000;
  const at18 = (t: number) => KST(`${new Date(t + 9 * 3600_000).toISOString().slice(0, 10)}T18:00:00`);
  calls.push(
    {
      code: 'DXC',
      year: new Date().getFullYear(),
      title: `${new Date().getFullYear()}년 DX 역량강화 컨설팅 지원사업 참여기업 모집`,
      status: 'published',
      opens: new Date(now - 7 * day),
      closes: at18(now + 14 * day),
      capacity: 10,
      cap: 40_000_000,
      budget: 400_000_000,
      form: 'consulting',
    },
    {
      code: 'AIX',
      year: new Date().getFullYear(),
      title: `${new Date().getFullYear()}년 AI 활용 사업혁신 지원사업 수요기업 모집`,
      status: 'published',
      opens: at18(now + 10 * day),
      closes: at18(now + 40 * day),
      capacity: 5,
      cap: 100_000_000,
      budget: 500_000_000,
      form: 'ai',
    },
  );
  for (const c of calls) {
    const eligibility = JSON.stringify([
      { type: 'seoulLocated' },
      { type: 'sizeClasses', allowed: ['small', 'medium'] },
      ...(c.code === 'AIX' ? [{ type: 'notSelectedSameProgramYear' }] : []),
    ]);
    const docs = JSON.stringify([
      { key: 'bizCert', ko: '사업자등록증', en: 'Business registration certificate', required: true },
    ]);
    await db.execute(sql`
      WITH c AS (
        INSERT INTO calls (program_id, year, title, body, status, opens_at, closes_at, capacity, per_firm_cap, total_budget, eligibility, required_documents)
        SELECT id, ${c.year}, ${c.title}, ${callBody(c.code, c.cap)}, ${c.status}, ${c.opens}, ${c.closes}, ${c.capacity}, ${c.cap}, ${c.budget},
               ${eligibility}::jsonb, ${docs}::jsonb
        FROM programs WHERE code = ${c.code}
        RETURNING id)
      INSERT INTO call_forms (call_id, version, sections) SELECT id, 1, ${JSON.stringify(demoForm(c.form))}::jsonb FROM c`);
  }
}

function callBody(code: string, cap: number | null) {
  const capText = cap ? `기업당 ${(cap / 1_000_000).toLocaleString('ko-KR')}백만원 이내` : '';
  return code === 'AIX'
    ? `## 지원목적\n전문기업 매칭 및 AI·데이터 기반의 실제 사업혁신 프로젝트 실행 지원\n\n## 지원내용\n프로젝트(과제기획서) 기획 지원 → 최적의 AI 솔루션 기업 매칭 → 프로젝트 실행자금 지원 (${capText})\n\n## 지원대상\nDX 실행경험이 필요한 서울소재 중소기업`
    : `## 지원목적\n디지털 전환 초기 준비단계 기업의 DX 실행 역량 강화 및 실행 준비 지원\n\n## 지원내용\n기업별 DX 역량 진단, 경영진 1차/2차 워크숍, DX 장단기 이행과제 및 로드맵 수립 (${capText} 서비스 제공)\n\n## 지원대상\nDX 기초역량이 필요한 서울소재 중소기업`;
}

/**
 * The 2021 applications: AI business-innovation 67 applicants for 5 places (13.4:1) — the 10 demand
 * firms the seed names proceed (5 selected, 5 waitlisted) — and DX consulting's 5 selected firms
 * among 23 applicants. Other applicants are generated Seoul SMEs.
 */
export async function loadDemoApplications(
  handle: DbHandle,
  seeds: { consulting: { brn: string; problem: string }[]; ai: { brn: string; problem: string }[] },
) {
  const db = handle.db;
  const plan = [
    {
      code: 'DXC',
      total: 23,
      seeds: seeds.consulting,
      statuses: seeds.consulting.map(() => 'selected'),
    },
    {
      code: 'AIX',
      total: 67,
      seeds: seeds.ai,
      statuses: seeds.ai.map((_, i) => (i < 5 ? 'selected' : 'waitlisted')),
    },
  ];
  for (const [pi, p] of plan.entries()) {
    const others = p.total - p.seeds.length;
    const answers = JSON.stringify({
      contactName: '담당자',
      contactPhone: '02-2000-0000',
      area: p.code === 'AIX' ? 'ai' : 'process',
      problem: '업무 프로세스 시스템화와 데이터 활용',
      budget: p.code === 'AIX' ? 90_000_000 : 38_000_000,
    });
    await db.execute(sql`
      WITH call AS (
        SELECT c.id, c.year, c.opens_at, f.id AS form_id FROM calls c JOIN programs p ON p.id = c.program_id
        JOIN call_forms f ON f.call_id = c.id AND f.version = 1
        WHERE p.code = ${p.code} AND c.year = 2021),
      seed AS (
        SELECT co.id, s.ord, s.status, s.problem FROM unnest(${textArray(p.seeds.map((x) => x.brn))}, ${textArray(p.statuses)},
          ${textArray(p.seeds.map((x) => x.problem))}) WITH ORDINALITY AS s(brn, status, problem, ord) JOIN companies co ON co.brn = s.brn),
      -- number the generated applicants after OFFSET (a window function runs before it): serials follow
      -- the seeds' without a gap, and so do the submission times, which stay before the deadline
      gen AS (
        SELECT id, ${p.seeds.length} + row_number() OVER (ORDER BY brn) AS ord, 'rejected' AS status, NULL::text AS problem
        FROM (SELECT id, brn FROM companies
              WHERE district <> 'outside' AND size_class IN ('small', 'medium') AND brn NOT LIKE '9%'
              ORDER BY brn OFFSET ${pi * 500} LIMIT ${others}) g),
      allc AS (SELECT * FROM seed UNION ALL SELECT * FROM gen)
      INSERT INTO applications (call_id, company_id, form_id, status, answers, receipt_no, submitted_at, created_at, updated_at)
      SELECT call.id, allc.id, call.form_id, allc.status::application_status,
             ${answers}::jsonb || jsonb_strip_nulls(jsonb_build_object('problem', allc.problem)),
             call.year || '-' || ${p.code} || '-' || lpad(allc.ord::text, 4, '0'),
             call.opens_at + (allc.ord * interval '5 hours'), call.opens_at, call.opens_at + (allc.ord * interval '5 hours')
      FROM call, allc`);
    await db.execute(sql`
      UPDATE calls c SET receipt_seq = x.n, submitted_count = x.n
      FROM (SELECT call_id, count(*)::int AS n FROM applications GROUP BY call_id) x
      WHERE x.call_id = c.id AND c.year = 2021 AND c.program_id = (SELECT id FROM programs WHERE code = ${p.code})`);
  }
}

/**
 * Repairs the 2021 DXC/AIX receipts of a world loaded by an older generator, which numbered AIX's
 * generated applicants 0511… and gave them submission times after the deadline: serials become
 * contiguous per call in their old order, and a renumbered receipt gets the time its serial has in a
 * fresh load. A correct world matches nothing, so a second load still changes nothing.
 */
export async function repairDemoReceipts(handle: DbHandle) {
  await handle.db.execute(sql`
    WITH r AS (
      SELECT a.id, c.opens_at, c.year, p.code,
             row_number() OVER (PARTITION BY a.call_id ORDER BY split_part(a.receipt_no, '-', 3)::int) AS ord
      FROM applications a JOIN calls c ON c.id = a.call_id JOIN programs p ON p.id = c.program_id
      WHERE p.code IN ('DXC', 'AIX') AND c.year = 2021 AND c.status = 'announced' AND a.receipt_no IS NOT NULL)
    UPDATE applications a
    SET receipt_no = r.year || '-' || r.code || '-' || lpad(r.ord::text, 4, '0'),
        submitted_at = r.opens_at + r.ord * interval '5 hours',
        updated_at = r.opens_at + r.ord * interval '5 hours'
    FROM r
    WHERE r.id = a.id AND split_part(a.receipt_no, '-', 3)::int <> r.ord`);
}
