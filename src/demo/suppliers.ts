import { sql } from 'drizzle-orm';
import type { DbHandle } from '../server/db/client';
import { districtLabel } from '../shared/districts';
import { companyNameKey } from '../shared/text';
import { generateFirm } from './firms';

/**
 * The AI supplier pool of the 2021 matching step: "수요기업(10개사)-AI공급기업(30개사) 간 매칭". The
 * demo supplier (owned by supplier@demo.itda.kr) is one of the 30; these are the other 29. Names are
 * fictional; each covers technologies the 10 demand projects need (STT, NLP, translation, chatbots,
 * vision, OCR, recommendation, forecasting). A supplier is a company tagged `공급기업` plus its
 * technology tags, as the demo supplier is.
 */
export const SUPPLIER_TAG = '공급기업';

export const DEMO_SUPPLIERS: { name: string; tech: string[]; ksic: string; district: string }[] = [
  { name: '(주)딥보이스랩', tech: ['음성인식', '음성합성'], ksic: '62010', district: 'gangnam' },
  { name: '주식회사 말결', tech: ['자연어처리', '챗봇'], ksic: '58222', district: 'seocho' },
  { name: '(주)비전에이아이웍스', tech: ['영상인식', '객체탐지'], ksic: '62010', district: 'guro' },
  { name: '(주)리딩엣지NLP', tech: ['자연어처리', '번역'], ksic: '58222', district: 'jongno' },
  { name: '주식회사 데이터온결', tech: ['수요예측', '데이터분석'], ksic: '70129', district: 'mapo' },
  { name: '(주)챗플로우', tech: ['챗봇', '상담자동화'], ksic: '62010', district: 'seongdong' },
  { name: '(주)오씨알테크', tech: ['OCR', '문서인식'], ksic: '62021', district: 'geumcheon' },
  { name: '(주)추천의정석', tech: ['추천', '개인화'], ksic: '63120', district: 'gangnam' },
  { name: '(주)에이아이튜터랩', tech: ['학습분석', '자연어처리'], ksic: '58222', district: 'seocho' },
  { name: '(주)모빌아이즈', tech: ['영상인식', '차량번호인식'], ksic: '70121', district: 'geumcheon' },
  { name: '(주)감성데이터연구소', tech: ['감성분석', '자연어처리'], ksic: '70129', district: 'mapo' },
  { name: '(주)폴리글랏AI', tech: ['번역', '자연어처리'], ksic: '58222', district: 'jung' },
  { name: '(주)택스브레인', tech: ['문서인식', '데이터분석'], ksic: '62010', district: 'yeongdeungpo' },
  { name: '(주)리사이클비전', tech: ['영상인식', '분류'], ksic: '70129', district: 'seongdong' },
  { name: '(주)푸드인사이트AI', tech: ['추천', '챗봇'], ksic: '63120', district: 'songpa' },
  { name: '(주)콜인사이트', tech: ['음성인식', '상담분석'], ksic: '62021', district: 'guro' },
  { name: '(주)클라우드브릿지', tech: ['클라우드', 'MLOps'], ksic: '63112', district: 'gangnam' },
  { name: '(주)라벨메이트', tech: ['데이터가공', '라벨링'], ksic: '63991', district: 'gwanak' },
  { name: '(주)팩토리마인드', tech: ['이상탐지', '수요예측'], ksic: '62021', district: 'geumcheon' },
  { name: '(주)메디비전랩', tech: ['영상인식', '의료영상'], ksic: '70113', district: 'gangnam' },
  { name: '(주)그래프마인드', tech: ['지식그래프', '검색'], ksic: '58222', district: 'seocho' },
  { name: '(주)보이스캐치', tech: ['화자인식', '음성인식'], ksic: '62010', district: 'mapo' },
  { name: '(주)엣지센스', tech: ['엣지AI', 'IoT'], ksic: '70121', district: 'gwangjin' },
  { name: '(주)예측공방', tech: ['수요예측', '시계열분석'], ksic: '71531', district: 'yeongdeungpo' },
  { name: '(주)문서지능', tech: ['OCR', '자연어처리'], ksic: '62010', district: 'jung' },
  { name: '(주)리걸에이아이랩', tech: ['자연어처리', '검색'], ksic: '63999', district: 'seocho' },
  { name: '(주)트래픽아이', tech: ['영상인식', '교통분석'], ksic: '70121', district: 'mapo' },
  { name: '(주)커머스에이아이', tech: ['추천', '수요예측'], ksic: '63120', district: 'gangnam' },
  { name: '(주)에이아이큐레이터', tech: ['추천', '생성AI'], ksic: '63999', district: 'yongsan' },
];

const STREET: Record<string, string> = {
  gangnam: '테헤란로',
  seocho: '강남대로',
  guro: '디지털로',
  geumcheon: '가산디지털1로',
  mapo: '월드컵북로',
  seongdong: '성수이로',
  jongno: '청계천로',
  jung: '을지로',
  yeongdeungpo: '국제금융로',
  songpa: '올림픽로',
  gwanak: '남부순환로',
  gwangjin: '능동로',
  yongsan: '한강대로',
};

/**
 * Registers the 29 suppliers (one multi-row INSERT; existing BRNs are left alone, so it is safe to run
 * again). `brnOf(i)` gives the i-th supplier's fixed BRN.
 */
export async function loadDemoSuppliers(handle: DbHandle, brnOf: (i: number) => string) {
  const rows = DEMO_SUPPLIERS.map((s, i) => {
    const employees = 8 + ((i * 7) % 45);
    const tags = `{${[SUPPLIER_TAG, 'AI', ...s.tech].map((t) => `"${t}"`).join(',')}}`;
    return sql`(${brnOf(i)}, ${s.name}, ${companyNameKey(s.name)}, ${generateFirm(900_100 + i).representative},
      'small'::size_class, ${employees < 10}, ${2014 + (i % 7) >= 2015}, ${s.ksic},
      ${`서울특별시 ${districtLabel(s.district)} ${STREET[s.district] ?? '디지털로'} ${20 + i * 3}`}, ${s.district},
      ${employees}::int, ${employees * 120_000_000}::bigint, ${`${tags}`}::text[], '{ai,data}'::text[], 'staff'::provenance,
      'AI 공급기업 풀 (2021)', '2021-05-20'::date, ${`${2014 + (i % 7)}-${String(1 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}`}::date,
      ${`02-6000-${String(2000 + i)}`}, ${`biz${i + 1}@supplier.example.kr`}, ${`https://www.supplier${i + 1}.example.kr`})`;
  });
  await handle.db.execute(sql`
    INSERT INTO companies (brn, name, name_key, representative, size_class, is_micro, is_startup, ksic_code, address, district,
      employees, revenue, tags, dx_interests, provenance, provenance_source, provenance_date, founded_on, phone, email, homepage)
    VALUES ${sql.join(rows, sql`, `)}
    ON CONFLICT (brn) DO NOTHING`);
}
