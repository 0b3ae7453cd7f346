/**
 * Consent texts shown at sign-up and recorded with their version (PIPA 개인정보 보호법 제15조·제22조).
 * Changing a text means a new version.
 */
export const CONSENT_VERSION = '2026-11-01';

export const CONSENT_TEXTS = {
  terms: {
    required: true,
    ko: {
      title: '이용약관 동의',
      agree: '이용약관에 동의합니다',
      purpose: '잇다 서비스 이용 계약의 체결과 이행',
      items: '-',
      retention: '회원 탈퇴 시까지',
    },
    en: {
      title: 'Terms of service',
      agree: 'I agree to the terms of service',
      purpose: 'Entering into and performing the service contract',
      items: '-',
      retention: 'Until you leave',
    },
  },
  privacy: {
    required: true,
    ko: {
      title: '개인정보 수집·이용 동의',
      agree: '개인정보 수집·이용에 동의합니다',
      purpose: '회원 식별, 지원사업 신청·선정·사후관리, 공지 및 민원 처리',
      items: '이메일, 이름, 휴대전화번호, 소속 기업',
      retention:
        '회원 탈퇴 후 지체 없이 파기(관계 법령에 따른 보존 기간이 있는 경우 그 기간, 지원사업 참여 기록은 5년)',
    },
    en: {
      title: 'Collection and use of personal data',
      agree: 'I agree to the collection and use of my personal data',
      purpose:
        'Identifying members; applying to, selection for and follow-up of support programs; notices and inquiries',
      items: 'Email, name, mobile number, company',
      retention:
        'Destroyed without delay after you leave (or as long as laws require; program participation records 5 years)',
    },
  },
  marketing: {
    required: false,
    ko: {
      title: '사업 안내 수신 동의(선택)',
      agree: '사업 안내 수신에 동의합니다',
      purpose: '새 공고·교육·행사 안내',
      items: '이메일, 휴대전화번호',
      retention: '동의 철회 시까지',
    },
    en: {
      title: 'Program news (optional)',
      agree: 'Send me program news',
      purpose: 'News of calls, courses and events',
      items: 'Email, mobile number',
      retention: 'Until you withdraw consent',
    },
  },
} as const;
