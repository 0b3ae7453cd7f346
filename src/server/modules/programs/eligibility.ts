import { ksicSectionOf } from '../../../shared/ksic';
import type { Database } from '../../db/client';
import type { InstalledModules } from '../../platform/module';
import type { EligibilityCheck, EligibilityRule, EligibilityRuleType } from './eligibility-types';

/** Facts about a company and the call that rules look at. */
export interface EligibilityContext {
  db: Database;
  company: {
    id: string;
    district: string | null;
    sizeClass: string | null;
    ksicCode: string | null;
    foundedOn: string | null;
  };
  call: { id: string; programId: string; year: number };
  now: Date;
}

/** Checks one rule type; modules define evaluators for their rule types (e.g. diagnosis: `hasDiagnosis`). */
export type EligibilityEvaluator<T extends EligibilityRuleType = EligibilityRuleType> = (
  rule: Extract<EligibilityRule, { type: T }>,
  ctx: EligibilityContext,
) => Promise<EligibilityCheck>;

/** A module's evaluators, keyed by rule type (its definition's `eligibilityRules`). */
export type EligibilityEvaluators = { [T in EligibilityRuleType]?: EligibilityEvaluator<T> };

/** The evaluators of every installed module (`installModules().eligibilityRules`). */
export type EligibilityRegistry = InstalledModules['eligibilityRules'];

const SIZE_KO: Record<string, string> = {
  small: '소기업',
  medium: '중기업',
  midsize: '중견기업',
  large: '대기업',
};
const ok = (type: string, ko: string, en: string): EligibilityCheck => ({
  type,
  ok: true,
  reason: { ko, en },
});
const no = (type: string, ko: string, en: string): EligibilityCheck => ({
  type,
  ok: false,
  reason: { ko, en },
});

const seoulLocated: EligibilityEvaluator<'seoulLocated'> = async (_r, { company }) =>
  company.district && company.district !== 'outside'
    ? ok('seoulLocated', '서울 소재 기업입니다.', 'Located in Seoul.')
    : no(
        'seoulLocated',
        '서울에 소재한 기업만 신청할 수 있습니다. 기업 정보의 소재지(자치구)를 확인해 주세요.',
        'Only firms located in Seoul may apply. Check the district in your company record.',
      );

const sizeClasses: EligibilityEvaluator<'sizeClasses'> = async (r, { company }) => {
  const allowed = r.allowed.map((s) => SIZE_KO[s]).join('·');
  if (!company.sizeClass)
    return no(
      'sizeClasses',
      `기업규모가 등록되어 있지 않습니다 (대상: ${allowed}).`,
      `Size class missing (eligible: ${r.allowed.join(', ')}).`,
    );
  return r.allowed.includes(company.sizeClass as never)
    ? ok(
        'sizeClasses',
        `${SIZE_KO[company.sizeClass]}으로 대상 규모입니다.`,
        `Size class ${company.sizeClass} is eligible.`,
      )
    : no(
        'sizeClasses',
        `${SIZE_KO[company.sizeClass]}은 대상이 아닙니다 (대상: ${allowed}).`,
        `Size class ${company.sizeClass} is not eligible (eligible: ${r.allowed.join(', ')}).`,
      );
};

const ksicSections: EligibilityEvaluator<'ksicSections'> = async (r, { company }) => {
  const section = company.ksicCode ? ksicSectionOf(company.ksicCode) : undefined;
  if (!section)
    return no(
      'ksicSections',
      '업종(KSIC) 코드가 등록되어 있지 않습니다.',
      'The KSIC industry code is missing.',
    );
  return r.allowed.includes(section)
    ? ok('ksicSections', `업종 대분류 ${section}은 대상 업종입니다.`, `KSIC section ${section} is eligible.`)
    : no(
        'ksicSections',
        `업종 대분류 ${section}은 대상이 아닙니다 (대상: ${r.allowed.join(', ')}).`,
        `KSIC section ${section} is not eligible (eligible: ${r.allowed.join(', ')}).`,
      );
};

const foundedWithinYears: EligibilityEvaluator<'foundedWithinYears'> = async (r, { company, now }) => {
  if (!company.foundedOn)
    return no('foundedWithinYears', '설립일이 등록되어 있지 않습니다.', 'The founding date is missing.');
  const limit = new Date(now);
  limit.setFullYear(limit.getFullYear() - r.years);
  return new Date(`${company.foundedOn}T00:00:00+09:00`) >= limit
    ? ok('foundedWithinYears', `설립 ${r.years}년 이내 기업입니다.`, `Founded within ${r.years} years.`)
    : no(
        'foundedWithinYears',
        `설립 ${r.years}년 이내 기업만 신청할 수 있습니다 (설립일 ${company.foundedOn}).`,
        `Only firms founded within ${r.years} years may apply (founded ${company.foundedOn}).`,
      );
};

/** The rule types programs checks itself (company facts). */
export const companyFactRules: EligibilityEvaluators = {
  seoulLocated,
  sizeClasses,
  ksicSections,
  foundedWithinYears,
};

/** Runs every rule of a call; rule types without an evaluator fail with a clear reason. */
export async function evaluateRules(
  rules: EligibilityRule[],
  ctx: EligibilityContext,
  evaluators: EligibilityRegistry,
): Promise<EligibilityCheck[]> {
  const out: EligibilityCheck[] = [];
  for (const rule of rules) {
    const evaluator = evaluators.get(rule.type) as EligibilityEvaluator | undefined;
    out.push(
      evaluator
        ? await evaluator(rule, ctx)
        : no(rule.type, '이 자격 조건은 아직 확인할 수 없습니다.', 'This condition cannot be checked yet.'),
    );
  }
  return out;
}
