import { sql } from 'drizzle-orm';
import { type DbHandle, sqlRows } from '../server/db/client';
import { hashPassword } from '../server/platform/auth/password';
import { withCheckDigit } from '../shared/brn';
import { districtLabel } from '../shared/districts';
import { companyNameKey } from '../shared/text';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts';
import { loadDemoDiagnoses } from './diagnosis';
import { loadDemoEducation } from './education';
import { FIRM_COLUMNS, firmCsvLine, generateFirm } from './firms';
import { loadDemoApplications, loadDemoPrograms, repairDemoReceipts } from './programs';
import { DEMO_SUPPLIERS, loadDemoSuppliers } from './suppliers';

export const DEMO_ASSOCIATIONS = [
  '하이서울기업협회',
  '서울IT기업협회',
  '서울제조혁신협회',
  '서울벤처기업협회',
  '서울유통상인연합회',
];

/**
 * Firms named in the source document (2021 DX consulting and AI business-innovation programs), with
 * the seed's core DX need (DXC) or project topic (AIX), kept as the `problem` answer of their application.
 */
export const SEED_FIRMS: {
  name: string;
  need: string;
  product: string;
  ksic: string;
  district: string;
  tags: string[];
}[] = [
  {
    name: '디지털존',
    need: '신규사업 발굴기반 구축 및 경영업무 프로세스 시스템화',
    product: '전자문서 서비스',
    ksic: '63991',
    district: 'guro',
    tags: ['DX컨설팅 2021'],
  },
  {
    name: '팜프로',
    need: '전사적 업무 툴 도입을 통한 내부운영 효율화',
    product: 'IoT 축산동물 건강관리시스템',
    ksic: '26429',
    district: 'seongdong',
    tags: ['DX컨설팅 2021'],
  },
  {
    name: '웹틀',
    need: '업무 프로세스 시스템화 및 데이터 기반 마케팅/판매',
    product: '온라인 의류 유통 플랫폼',
    ksic: '47912',
    district: 'dongdaemun',
    tags: ['DX컨설팅 2021'],
  },
  {
    name: '주식회사 스텝',
    need: '데이터 파이프라인 구축',
    product: '자동차 도장 보호필름',
    ksic: '22291',
    district: 'geumcheon',
    tags: ['DX컨설팅 2021'],
  },
  {
    name: '제노임플란트',
    need: '업무 프로세스 시스템화 및 재고 관리 효율화',
    product: '임플란트, 전문 치과재료',
    ksic: '27199',
    district: 'gangnam',
    tags: ['DX컨설팅 2021'],
  },
  {
    name: '(주)플레이스터디',
    need: 'AI 성적평가 및 학습관리 솔루션 개발',
    product: 'AI 성적평가 및 학습관리 솔루션',
    ksic: '85501',
    district: 'gangnam',
    tags: ['AI사업혁신 2021', '수요기업'],
  },
  {
    name: '씨에스웨어링 주식회사',
    need: '기업 CS혁신 시스템 AI STT CS 솔루션 개발',
    product: 'AI STT CS 솔루션',
    ksic: '73902',
    district: 'yeongdeungpo',
    tags: ['AI사업혁신 2021', '수요기업'],
  },
  {
    name: '(주)지식과사업',
    need: '인공지능 기반 전문분야 번역 감수 솔루션',
    product: '전문분야 번역 감수 솔루션',
    ksic: '73904',
    district: 'jongno',
    tags: ['AI사업혁신 2021', '수요기업'],
  },
  {
    name: '(주)세친구',
    need: 'AI/빅데이터 기반 세무/회계 플랫폼 고도화',
    product: '세무/회계 플랫폼',
    ksic: '63120',
    district: 'mapo',
    tags: ['AI사업혁신 2021', '수요기업'],
  },
  {
    name: '(주)아이컴시스',
    need: '상담사 지원용 상담가이드봇 솔루션 개발',
    product: '상담가이드봇 솔루션',
    ksic: '62021',
    district: 'guro',
    tags: ['AI사업혁신 2021', '수요기업'],
  },
  {
    name: '(주)워드바이스',
    need: '실시간 AI 자동 영문교정 솔루션 기반 품질 검수 자동화 및 교정 생산성 향상',
    product: '실시간 AI 자동 영문교정',
    ksic: '58221',
    district: 'seocho',
    tags: ['AI사업혁신 2021', '수요기업'],
  },
  {
    name: '주식회사 넥스파시스템',
    need: 'TOF(Time Of Flight) imaging을 이용한 차량 번호 인식 장치',
    product: 'TOF 차량 번호 인식 장치',
    ksic: '26519',
    district: 'geumcheon',
    tags: ['AI사업혁신 2021', '수요기업'],
  },
  {
    name: '럽디(주)',
    need: "머신러닝 기반 연애감정 분석 시스템, '연애의 자격'",
    product: '연애감정 분석 시스템',
    ksic: '63999',
    district: 'mapo',
    tags: ['AI사업혁신 2021', '수요기업'],
  },
  {
    name: '주식회사 가온앤',
    need: 'AI 기반 FRL(Food Related Lifestyle) 맞춤형 고도화 및 챗봇 시스템 구축',
    product: 'FRL 맞춤형 챗봇 시스템',
    ksic: '63112',
    district: 'songpa',
    tags: ['AI사업혁신 2021', '수요기업'],
  },
  {
    name: '주식회사 그레이트퍼즐',
    need: "자원순환사회와 탄소중립을 위한 에코빈 플랫폼 연동 'AI 솔루션' 개발",
    product: '에코빈 플랫폼 AI 솔루션',
    ksic: '38220',
    district: 'seongdong',
    tags: ['AI사업혁신 2021', '수요기업'],
  },
];
/** A demo AI supplier owned by the demo supplier account. */
export const DEMO_SUPPLIER = {
  name: '(주)보이스웨이브AI',
  ksic: '62010',
  district: 'gangnam',
  tags: ['공급기업', 'AI', '음성인식'],
};

export const GENERATED_FIRMS = 20_000;

/** Seed firm BRNs are fixed (office 900+ is not used by the generator). */
export const seedBrn = (i: number) =>
  withCheckDigit(`9${String(i).padStart(2, '0')}81${String(1000 + i).padStart(4, '0')}`);

/** The 29 other AI suppliers follow the seed firms and the demo supplier: offices 916–944. */
export const supplierBrn = (i: number) => seedBrn(SEED_FIRMS.length + 1 + i);

/** The 2021 facts added after the first version of the demo world; each part loads once. */
async function loadLaterFacts(handle: DbHandle) {
  await repairDemoReceipts(handle);
  await loadDemoSuppliers(handle, supplierBrn);
  return loadDemoEducation(handle);
}

/**
 * Loads the demo world once (idempotent): accounts, associations, seed firms and generated firms,
 * programs, calls and applications, diagnoses, the AI supplier pool, the course cohorts, lectures and
 * the conference. A world loaded by an older version gets the later facts (suppliers, education) on
 * its next load; otherwise a second load changes nothing.
 */
export async function loadDemoWorld(
  handle: DbHandle,
  opts: { log?: (m: string) => void; firms?: number } = {},
) {
  const log = opts.log ?? (() => {});
  const [done] = await handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [
    DEMO_ACCOUNTS[0].email,
  ]);
  if (done.n > 0) {
    await loadLaterFacts(handle);
    return false;
  }
  const t0 = Date.now();
  const db = handle.db;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const name of DEMO_ASSOCIATIONS) {
    await db.execute(sql`INSERT INTO associations (name) VALUES (${name}) ON CONFLICT (name) DO NOTHING`);
  }
  // Generated population via COPY (bulk), then the named firms.
  const n = opts.firms ?? GENERATED_FIRMS;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(firmCsvLine(generateFirm(i)));
  await handle.copyCsv(
    'companies',
    [...FIRM_COLUMNS, 'provenance', 'provenance_source', 'provenance_date'],
    lines
      .map(
        (l, i) =>
          `${l},association,"${DEMO_ASSOCIATIONS[i % DEMO_ASSOCIATIONS.length]}",2021-03-${String(1 + (i % 28)).padStart(2, '0')}`,
      )
      .join('\n'),
  );
  await db.execute(sql`
    INSERT INTO company_associations (company_id, association_id, added_at)
    SELECT c.id, a.id, c.provenance_date::timestamptz FROM companies c JOIN associations a ON a.name = c.provenance_source
    WHERE c.provenance = 'association' ON CONFLICT DO NOTHING`);
  const seedFirms = [...SEED_FIRMS, { ...DEMO_SUPPLIER, need: '', product: 'AI 음성인식(STT) 솔루션' }];
  for (const [i, f] of seedFirms.entries()) {
    await db.execute(sql`
      INSERT INTO companies (brn, name, name_key, representative, size_class, is_micro, is_startup, ksic_code, address, district,
        employees, revenue, tags, dx_interests, provenance, provenance_source, provenance_date, founded_on, phone, email)
      VALUES (${seedBrn(i)}, ${f.name}, ${companyNameKey(f.name)}, ${generateFirm(900_000 + i).representative}, 'small', false, true, ${f.ksic},
        ${`서울특별시 ${districtLabel(f.district)} 디지털로 ${100 + i}`}, ${f.district}, ${12 + i * 3}, ${(12 + i * 3) * 150_000_000},
        ${sql`${`{${f.tags.map((t) => `"${t}"`).join(',')}}`}::text[]`}, '{data,ai}', 'association', '하이서울기업협회', '2021-03-15',
        ${`${2012 + (i % 8)}-0${1 + (i % 9)}-15`}, ${`02-2000-${String(1000 + i)}`}, ${`ceo${i + 1}@seed.example.kr`})
      ON CONFLICT (brn) DO NOTHING`);
  }
  await db.execute(sql`
    INSERT INTO company_associations (company_id, association_id)
    SELECT c.id, a.id FROM companies c, associations a WHERE a.name = '하이서울기업협회' AND c.brn LIKE '9%'
    ON CONFLICT DO NOTHING`);

  for (const acc of DEMO_ACCOUNTS) {
    await db.execute(sql`
      INSERT INTO users (email, name, role, password_hash, is_demo) VALUES (${acc.email}, ${acc.name}, ${acc.role}, ${passwordHash}, true)
      ON CONFLICT DO NOTHING`);
    await db.execute(
      sql`INSERT INTO role_changes (user_id, to_role, reason) SELECT id, role, 'demo' FROM users WHERE email = ${acc.email}`,
    );
  }
  // Memberships: SME owner of 디지털존, supplier owner of the demo supplier, partner works for 하이서울기업협회.
  await db.execute(sql`
    INSERT INTO company_members (company_id, user_id, role)
    SELECT c.id, u.id, 'owner' FROM companies c, users u WHERE c.brn = ${seedBrn(0)} AND u.email = 'sme@demo.itda.kr'`);
  await db.execute(sql`
    INSERT INTO company_members (company_id, user_id, role)
    SELECT c.id, u.id, 'owner' FROM companies c, users u WHERE c.brn = ${seedBrn(seedFirms.length - 1)} AND u.email = 'supplier@demo.itda.kr'`);
  await db.execute(sql`
    INSERT INTO association_members (association_id, user_id)
    SELECT a.id, u.id FROM associations a, users u WHERE a.name = '하이서울기업협회' AND u.email = 'partner@demo.itda.kr'`);
  await db.execute(sql`
    INSERT INTO audit_log (action, entity_type, actor_role, after)
    VALUES ('demo.load', 'system', 'system', ${JSON.stringify({ firms: n + seedFirms.length })}::jsonb)`);
  await loadDemoPrograms(handle);
  await loadDemoApplications(handle, {
    consulting: SEED_FIRMS.slice(0, 5).map((f, i) => ({ brn: seedBrn(i), problem: f.need })),
    ai: SEED_FIRMS.slice(5, 15).map((f, i) => ({ brn: seedBrn(i + 5), problem: f.need })),
  });
  await loadDemoDiagnoses(handle, { seedBrns: SEED_FIRMS.map((_, i) => seedBrn(i)), generatedFirms: n });
  // After the diagnoses, so course and event participants do not change which firms were diagnosed.
  await loadLaterFacts(handle);
  await db.execute(sql`ANALYZE`);
  const [{ c }] = await sqlRows<{ c: number }>(db, sql`SELECT count(*)::int AS c FROM companies`);
  log(
    `demo world loaded: ${c} companies (${DEMO_SUPPLIERS.length + 1} AI suppliers), ${DEMO_ACCOUNTS.length} demo accounts in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return true;
}

export function printDemoAccounts() {
  console.log('\n  DEMO ACCOUNTS (데모 계정 — 시연용, 운영에서는 ITDA_DEMO=0)');
  console.log(`  password for all: ${DEMO_PASSWORD}`);
  for (const a of DEMO_ACCOUNTS) console.log(`   ${a.role.padEnd(11)} ${a.email.padEnd(26)} ${a.note}`);
  console.log('');
}
