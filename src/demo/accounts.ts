import type { Role } from '../shared/enums';

/** Demo accounts — clearly marked demo, never loaded with ITDA_DEMO=0. */
export const DEMO_PASSWORD = 'itda-demo-2021!';
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; note: string }[] = [
  { email: 'admin@demo.itda.kr', name: '데모 관리자', role: 'admin', note: '시스템 관리자 / admin' },
  {
    email: 'manager@demo.itda.kr',
    name: '박팀장(데모)',
    role: 'manager',
    note: '사업 담당자 / program manager',
  },
  { email: 'reviewer@demo.itda.kr', name: '이교수(데모)', role: 'reviewer', note: '평가위원 / reviewer' },
  {
    email: 'consultant@demo.itda.kr',
    name: '정컨설턴트(데모)',
    role: 'consultant',
    note: '컨설턴트 / consultant',
  },
  {
    email: 'sme@demo.itda.kr',
    name: '김대표(데모)',
    role: 'sme',
    note: '수요기업 디지털존 대표 / SME owner',
  },
  { email: 'supplier@demo.itda.kr', name: '최CTO(데모)', role: 'supplier', note: '공급기업 / AI supplier' },
  {
    email: 'partner@demo.itda.kr',
    name: '하이서울기업협회(데모)',
    role: 'partner',
    note: '협단체 / association',
  },
  {
    email: 'viewer@demo.itda.kr',
    name: '시의회 전문위원(데모)',
    role: 'viewer',
    note: '열람 / council viewer',
  },
];
